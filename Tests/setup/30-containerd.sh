#!/usr/bin/env bash
# containerd + runc as the real CRI runtime for the Actors.Cri integration tests.
#   install          Debian packages containerd, runc, busybox-static
#   start RUN_DIR    builds the local OCI images (deploy/images/build-oci-images.sh), starts
#                    containerd with root, state, socket and runc root under RUN_DIR/containerd,
#                    imports the images, appends EDGEACTORS_CRI_* exports to RUN_DIR/env.sh
#   stop RUN_DIR     removes the tasks, stops containerd and its shims, unmounts what remains
# By hand: `bash Tests/setup/30-containerd.sh start /tmp/x && source /tmp/x/env.sh`, and
# `bash Tests/setup/30-containerd.sh stop /tmp/x` when done.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$here/lib.sh"

write_config() {
  local dir=$1 pause=$2
  cat > "$dir/config.toml" <<TOML
version = 2
root = "$dir/root"
state = "$dir/state"
disabled_plugins = ["io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.aufs"]

[grpc]
  address = "$dir/containerd.sock"

[ttrpc]
  address = "$dir/containerd.sock.ttrpc"

[plugins."io.containerd.internal.v1.opt"]
  path = "$dir/opt"

[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$pause"
  # Required here: the machine lacks CAP_SYS_RESOURCE, RunPodSandbox fails without it.
  restrict_oom_score_adj = true
  netns_mounts_under_state_dir = true
  # Streaming server on loopback, any free port (several containerds may run side by side).
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"

  [plugins."io.containerd.grpc.v1.cri".containerd]
    default_runtime_name = "runc"

    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"

      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
        Root = "$dir/runc"

  # No CNI network: only host-network pods are used (Status reports NetworkReady=false).
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$dir/cni"
TOML
}

fail_with_log() {
  echo "30-containerd: $1" >&2
  echo "---- containerd log (tail) ----" >&2
  tail -n 40 "$2" >&2 || true
  exit 1
}

start() {
  local run=${1:?usage: $0 start RUN_DIR} dir
  mkdir -p "$run"
  dir=$(cd "$run" && pwd)/containerd
  mkdir -p "$dir/cni" "$dir/pods"
  bash "$root/deploy/images/build-oci-images.sh" "$dir/images"
  # shellcheck disable=SC1091
  source "$dir/images/images.env"
  write_config "$dir" "$PAUSE_IMAGE"
  local sock="$dir/containerd.sock" log="$dir/containerd.log"
  setsid containerd --config "$dir/config.toml" > "$log" 2>&1 < /dev/null &
  echo $! > "$dir/containerd.pid"
  local deadline=$((SECONDS + 30))
  until ctr --address "$sock" version > /dev/null 2>&1; do
    kill -0 "$(cat "$dir/containerd.pid")" 2>/dev/null || fail_with_log "containerd exited during start-up" "$log"
    [ $SECONDS -lt $deadline ] || fail_with_log "containerd socket $sock not ready within 30 s" "$log"
    sleep 0.2
  done
  ctr --address "$sock" -n k8s.io images import "$OCI_ARCHIVE" > "$dir/import.log" 2>&1 \
    || { cat "$dir/import.log" >&2; fail_with_log "image import failed" "$log"; }
  {
    echo "export EDGEACTORS_CRI_ENDPOINT=unix://$sock"
    echo "export EDGEACTORS_CRI_BUSYBOX_IMAGE=$BUSYBOX_IMAGE"
    echo "export EDGEACTORS_CRI_PAUSE_IMAGE=$PAUSE_IMAGE"
    echo "export EDGEACTORS_CRI_POD_LOG_ROOT=$dir/pods"
    echo "export EDGEACTORS_CRI_OCI_ARCHIVE=$OCI_ARCHIVE"
    echo "export EDGEACTORS_REQUIRE_CRI=1"
  } >> "$run/env.sh"
  echo "30-containerd: containerd $(containerd --version | awk '{print $3}') on unix://$sock" >&2
}

# pids_matching TEXT: processes whose command line contains TEXT (our socket or directory).
pids_matching() {
  local f pid
  for f in /proc/[0-9]*/cmdline; do
    pid=${f#/proc/}; pid=${pid%/cmdline}
    tr '\0' ' ' 2>/dev/null < "$f" | grep -qF -- "$1" && echo "$pid"
  done
  return 0
}

stop() {
  local run=${1:?usage: $0 stop RUN_DIR} dir
  [ -d "$run/containerd" ] || return 0
  dir=$(cd "$run/containerd" && pwd)
  local sock="$dir/containerd.sock" pid
  if [ -S "$sock" ]; then
    for task in $(ctr --address "$sock" -n k8s.io tasks ls -q 2>/dev/null); do
      timeout 10 ctr --address "$sock" -n k8s.io tasks kill -a -s SIGKILL "$task" > /dev/null 2>&1 || true
      timeout 10 ctr --address "$sock" -n k8s.io tasks rm -f "$task" > /dev/null 2>&1 || true
    done
  fi
  if [ -f "$dir/containerd.pid" ]; then
    pid=$(cat "$dir/containerd.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$dir/containerd.pid"
  fi
  # Shims (and anything else) started for this containerd name its socket or directory.
  for pid in $(pids_matching "$dir/"); do
    [ "$pid" = "$$" ] || kill -KILL "$pid" 2>/dev/null || true
  done
  # Containers whose shim is gone: runc still knows them under our runc root.
  for ns_root in "$dir"/runc/*/; do
    [ -d "$ns_root" ] || continue
    for id in $(runc --root "$ns_root" list -q 2>/dev/null); do
      runc --root "$ns_root" delete -f "$id" > /dev/null 2>&1 || true
    done
  done
  awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do
    umount -l "$m" 2>/dev/null || true
  done
  if awk -v d="$dir/" 'index($2, d) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
    echo "30-containerd: mounts remain under $dir; not deleting it" >&2
  else
    rm -rf "$dir/root" "$dir/state" "$dir/runc"
  fi
}

case "${1:-}" in
  install) ensure_packages containerd runc busybox-static ;;
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 install|start RUN_DIR|stop RUN_DIR" >&2; exit 2 ;;
esac
