#!/usr/bin/env bash
# EdgeActors quickstart: builds and starts cloudcore (embedded Kubernetes API server, CloudHub, controllers,
# router) and one edgecore on this machine, joins the edge with a token, starts a simulated device (edgecore mapper)
# for the sample Device, applies deploy/samples/ and shows a live view until Ctrl-C, which stops both hosts cleanly. A second run reuses the data (no new join).
#
#   deploy/quickstart.sh [--data-dir DIR] [--node NAME] [--runtime process|cri]
#
#   --data-dir DIR   state lives in DIR (default ./.data); DIR/kubeconfig is there once the API is up
#   --node NAME      edge node name (default edge-node-1, the name the samples use)
#   --runtime R      container runtime for the edge; default: cri when containerd answers on
#                    /run/containerd/containerd.sock and the sample images can be imported, else process
#                    (the process runtime runs containers as local processes and isolates nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATA="$ROOT/.data"
NODE=edge-node-1
RUNTIME=""
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) DATA=$(realpath -m "$2"); shift 2 ;;
    --data-dir=*) DATA=$(realpath -m "${1#--data-dir=}"); shift ;;
    --node) NODE="$2"; shift 2 ;;
    --runtime) RUNTIME="$2"; shift 2 ;;
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
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
  echo "stopped; state kept in $DATA (run again to reuse it)"
}
trap stop EXIT
trap "stop; exit 0" INT TERM

wait_for() { # file pattern pid what
  for _ in $(seq 1 240); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || { echo "$4 exited:"; tail -n 30 "$1"; exit 1; }
    sleep 0.5
  done
  echo "$4 did not get ready in 120 s:"; tail -n 30 "$1"; exit 1
}

echo "== starting cloudcore (logs: $DATA/cloudcore.log)"
dotnet "$CLOUD" run --data-dir "$DATA/cloud" \
  -D cloudcore.modules.apiserver.listen=127.0.0.1:6443 \
  -D cloudcore.modules.cloudhub.websocket.address=127.0.0.1 -D cloudcore.modules.cloudhub.https.address=127.0.0.1 \
  -D cloudcore.modules.router.enable=on -D cloudcore.modules.router.address=127.0.0.1 \
  >"$DATA/cloudcore.log" 2>&1 &
pids+=($!)
wait_for "$DATA/cloudcore.log" "CloudHub WebSocket server bound to port" "${pids[0]}" cloudcore
ln -sfn cloud/kubeconfig "$DATA/kubeconfig"   # the embedded API server writes DIR/cloud/kubeconfig; DIR/kubeconfig points at it
KCFG="$DATA/kubeconfig"
echo "   API server, CloudHub (10000), certificate service (10002), router (9443) ready; kubeconfig: $KCFG"

if [ -z "$RUNTIME" ]; then
  RUNTIME=process
  SOCK=/run/containerd/containerd.sock
  if [ -S "$SOCK" ] && command -v ctr >/dev/null && ctr --address "$SOCK" version >/dev/null 2>&1; then
    SANDBOX=$(containerd config dump 2>/dev/null | sed -n 's/.*sandbox_image = "\(.*\)"/\1/p' | head -n 1)
    if deploy/images/build-oci-images.sh "$DATA/images" >/dev/null 2>&1 \
       && ctr --address "$SOCK" -n k8s.io images import "$DATA/images/edgeactors-images.oci.tar" >/dev/null 2>&1; then
      [ -n "$SANDBOX" ] && ctr --address "$SOCK" -n k8s.io images tag --force localhost/edgeactors/pause:latest "$SANDBOX" >/dev/null 2>&1 || true
      RUNTIME=cri
    fi
  fi
fi
echo "   edge runtime: $RUNTIME"

if [ ! -f "$DATA/edge/edgecore.conf" ]; then
  echo "== joining edge node $NODE with a token from 'cloudcore token'"
  TOKEN=$(dotnet "$CLOUD" token --data-dir "$DATA/cloud")
  dotnet "$EDGE" join --cloud 127.0.0.1:10000 --cert-port 10002 --token "$TOKEN" --node-name "$NODE" --data-dir "$DATA/edge" --no-start
else
  echo "== edge node already joined ($DATA/edge/edgecore.conf)"
fi

echo "== starting edgecore (logs: $DATA/edgecore.log)"
dotnet "$EDGE" run --config "$DATA/edge/edgecore.conf" \
  -D edgecore.modules.edged.runtime="$RUNTIME" -D edgecore.modules.edged.host-network-only=on \
  -D edgecore.modules.servicebus.enable=on \
  >"$DATA/edgecore.log" 2>&1 &
pids+=($!)
wait_for "$DATA/edgecore.log" "edgecore started" "${pids[1]}" edgecore
wait_for "$DATA/edgecore.log" "mqtt broker: listening on" "${pids[1]}" edgecore

echo "== starting a simulated device for default/room-1 (logs: $DATA/mapper.log)"
dotnet "$EDGE" mapper --broker 127.0.0.1:1884 --device default/room-1 --report temperature --interval 5 \
  >"$DATA/mapper.log" 2>&1 &
pids+=($!)

if [ -n "$KUBECTL" ]; then
  echo "== applying deploy/samples/"
  "$KUBECTL" --kubeconfig "$KCFG" apply -f deploy/samples/ | sed 's/^/   /'
else
  echo "   kubectl not found: samples not applied (apt-get install kubectl, or use any Kubernetes client)"
fi

echo "== live view every 5 s (Ctrl-C stops both hosts)"
while true; do
  if [ -n "$KUBECTL" ]; then
    echo "---- $(date +%T)"
    "$KUBECTL" --kubeconfig "$KCFG" --request-timeout=5s get nodes,pods -o wide 2>&1 | sed 's/^/   /' || true
    "$KUBECTL" --kubeconfig "$KCFG" --request-timeout=5s get devices \
      -o jsonpath='{range .items[*]}   device {.metadata.name}: {.status.twins}{"\n"}{end}' 2>&1 || true
  fi
  for i in 0 1 2; do
    kill -0 "${pids[$i]}" 2>/dev/null || { echo "a host exited; last log lines:"; tail -n 20 "$DATA/cloudcore.log" "$DATA/edgecore.log" "$DATA/mapper.log"; exit 1; }
  done
  sleep 5
done
