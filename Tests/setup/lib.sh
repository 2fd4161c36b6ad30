#!/usr/bin/env bash
# Shared helpers for the test set-up scripts in this folder. Sourced, never run.

# ensure_packages PKG...: installs the Debian packages that are missing (we run as root).
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ ! -f /tmp/.edgeactors-apt-updated ]; then
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq >&2 && touch /tmp/.edgeactors-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}
