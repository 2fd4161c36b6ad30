#!/usr/bin/env bash
# mosquitto + mosquitto-clients: real third-party MQTT peers for the MQTT tests and benchmark.
# Tests start their own mosquitto processes on free loopback ports; no system service may run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
case "${1:-}" in
  install)
    ensure_packages mosquitto mosquitto-clients
    # The Debian package may enable and start a system service on port 1883: stop and disable it.
    if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet mosquitto 2>/dev/null; then
      systemctl stop mosquitto || true
      systemctl disable mosquitto >/dev/null 2>&1 || true
    elif command -v service >/dev/null 2>&1 && service mosquitto status >/dev/null 2>&1; then
      service mosquitto stop >/dev/null 2>&1 || true
    fi
    command -v mosquitto >/dev/null || { echo "20-mosquitto: mosquitto not installed" >&2; exit 1; }
    command -v mosquitto_pub >/dev/null || { echo "20-mosquitto: mosquitto_pub not installed" >&2; exit 1; }
    ;;
  start|stop) ;;
  *) echo "usage: $0 install|start RUN_DIR|stop RUN_DIR" >&2; exit 2 ;;
esac
