#!/usr/bin/env bash
# Base tools used by several test suites: sqlite3 to inspect databases, curl for HTTP checks.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
case "${1:-}" in
  install) ensure_packages sqlite3 curl ca-certificates procps ;;
  start|stop) ;;
  *) echo "usage: $0 install|start RUN_DIR|stop RUN_DIR" >&2; exit 2 ;;
esac
