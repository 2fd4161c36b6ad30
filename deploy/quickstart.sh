#!/usr/bin/env bash
# EdgeActors quickstart: builds and starts cloudcore (embedded Kubernetes API server) and one
# edgecore on this machine, then shows a live view until Ctrl-C, which stops both cleanly.
#
#   deploy/quickstart.sh [--data-dir DIR]     state lives in DIR (default ./.data); a second run reuses it
#
# What works today (see README, module status): cloudcore serves its embedded API server with the
# KubeEdge CRDs and writes DIR/cloud/kubeconfig; edgecore starts with its config but runs no module
# yet, so no edge node joins and no pod runs. This script says so rather than pretending.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATA="$ROOT/.data"
LISTEN="127.0.0.1:6443"
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) DATA=$(realpath -m "$2"); shift 2 ;;
    --data-dir=*) DATA=$(realpath -m "${1#--data-dir=}"); shift ;;
    --listen) LISTEN="$2"; shift 2 ;;
    -h|--help) sed -n 2,9p "$0"; exit 0 ;;
    *) echo "quickstart: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done

command -v dotnet >/dev/null || { echo "quickstart: the .NET SDK (dotnet) is required" >&2; exit 1; }
KUBECTL=$(command -v kubectl || true)
mkdir -p "$DATA/cloud" "$DATA/edge"

echo "== building (Release)"
dotnet build Actors.Cloud/Actors.Cloud.csproj -c Release -nologo -v quiet
dotnet build Actors.Edge/Actors.Edge.csproj -c Release -nologo -v quiet
CLOUD="$ROOT/Actors.Cloud/bin/Release/net10.0/cloudcore.dll"
EDGE="$ROOT/Actors.Edge/bin/Release/net10.0/edgecore.dll"

pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "== stopping"
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  echo "stopped; state kept in $DATA"
}
trap stop EXIT
trap "stop; exit 0" INT TERM

echo "== starting cloudcore (logs: $DATA/cloudcore.log)"
dotnet "$CLOUD" run --data-dir "$DATA/cloud" -D "cloudcore.modules.apiserver.listen=$LISTEN" >"$DATA/cloudcore.log" 2>&1 &
pids+=($!)
KUBECONFIG_FILE="$DATA/cloud/kubeconfig"
for _ in $(seq 1 120); do
  if grep -q "embedded Kubernetes API server serving at" "$DATA/cloudcore.log" 2>/dev/null; then break; fi
  if ! kill -0 "${pids[0]}" 2>/dev/null; then echo "cloudcore exited:"; tail -n 20 "$DATA/cloudcore.log"; exit 1; fi
  sleep 0.5
done
grep -q "embedded Kubernetes API server serving at" "$DATA/cloudcore.log" || { echo "cloudcore did not start in 60 s:"; tail -n 20 "$DATA/cloudcore.log"; exit 1; }
echo "   API server ready; kubeconfig: $KUBECONFIG_FILE"

echo "== starting edgecore (logs: $DATA/edgecore.log)"
dotnet "$EDGE" run --data-dir "$DATA/edge" >"$DATA/edgecore.log" 2>&1 &
pids+=($!)

echo "== live view (Ctrl-C stops both hosts)"
echo "   not yet: edge node join, pods on the edge, device twins (see README, module status)"
while true; do
  if [ -n "$KUBECTL" ]; then
    "$KUBECTL" --kubeconfig "$KUBECONFIG_FILE" --request-timeout=5s get crd,namespaces,nodes 2>&1 | sed 's/^/   /' || true
  fi
  for i in 0 1; do
    kill -0 "${pids[$i]}" 2>/dev/null || { echo "a host exited; last log lines:"; tail -n 20 "$DATA/cloudcore.log" "$DATA/edgecore.log"; exit 1; }
  done
  sleep 5
done
