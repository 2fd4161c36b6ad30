#!/usr/bin/env bash
# The API server tests drive the real kubectl (/usr/bin/kubectl, plus kubectl.1.27/1.33 beside it when present).
# kubectl is part of this machine image (see ../shared/reference/environment.md); there is no Debian package to
# install (Debian's kubernetes-client 1.20 conflicts), so a missing kubectl fails the run loudly here.
set -euo pipefail
case "${1:-}" in
  install)
    if ! command -v kubectl >/dev/null || [ ! -x /usr/bin/kubectl ]; then
      echo "30-kubectl: /usr/bin/kubectl is missing; the API server tests need the real kubectl" >&2
      exit 1
    fi
    ;;
  start|stop) ;;
  *) echo "usage: $0 install|start RUN_DIR|stop RUN_DIR" >&2; exit 2 ;;
esac
