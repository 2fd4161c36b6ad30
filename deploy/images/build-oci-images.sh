#!/usr/bin/env bash
# Builds a tiny OCI image archive from Debian's busybox-static, with no registry and no Docker:
#   <busybox image>  Cmd ["/bin/sh"]                          (test and quickstart workloads)
#   <pause image>    Entrypoint ["/bin/sleep","2147483647"]   (the CRI sandbox image)
# Both share one uncompressed layer: /bin/busybox plus a symlink per applet. The output is
# deterministic (fixed mtimes, owners and ordering; no timestamps in configs), so the same
# busybox binary always gives the same digests.
#
#   deploy/images/build-oci-images.sh OUT_DIR
#
# Writes OUT_DIR/edgeactors-images.oci.tar (an OCI image layout with both images, each named by
# the io.containerd.image.name annotation; import with `ctr -n k8s.io images import`) and
# OUT_DIR/images.env (BUSYBOX_IMAGE=..., PAUSE_IMAGE=..., OCI_ARCHIVE=...).
# Environment: BUSYBOX_BIN (default /bin/busybox), BUSYBOX_IMAGE, PAUSE_IMAGE (image names).
set -euo pipefail

out=${1:?usage: $0 OUT_DIR}
busybox_bin=${BUSYBOX_BIN:-/bin/busybox}
busybox_image=${BUSYBOX_IMAGE:-localhost/edgeactors/busybox:latest}
pause_image=${PAUSE_IMAGE:-localhost/edgeactors/pause:latest}

[ -x "$busybox_bin" ] || { echo "build-oci-images: $busybox_bin not found (apt-get install busybox-static)" >&2; exit 1; }
if ldd "$busybox_bin" >/dev/null 2>&1; then
  echo "build-oci-images: $busybox_bin is dynamically linked; a static busybox is needed" >&2; exit 1
fi

arch=$(uname -m)
case "$arch" in
  x86_64) arch=amd64 ;; aarch64) arch=arm64 ;; armv7l) arch=arm ;;
esac

mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/oci-build.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/rootfs/bin" "$work/rootfs/tmp" "$work/rootfs/etc" "$work/layout/blobs/sha256"
cp "$busybox_bin" "$work/rootfs/bin/busybox"
chmod 0755 "$work/rootfs/bin/busybox"
chmod 1777 "$work/rootfs/tmp"
for applet in $("$busybox_bin" --list | LC_ALL=C sort); do
  [ "$applet" = busybox ] || ln -s busybox "$work/rootfs/bin/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$work/rootfs/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$work/rootfs/etc/group"
chmod 0644 "$work/rootfs/etc/passwd" "$work/rootfs/etc/group"

# blob FILE -> moves FILE into the layout under its digest, prints "sha256:<hex> <size>".
blob() {
  local hex size
  hex=$(sha256sum "$1" | cut -d' ' -f1)
  size=$(stat -c %s "$1")
  mv "$1" "$work/layout/blobs/sha256/$hex"
  echo "sha256:$hex $size"
}

(cd "$work/rootfs" && LC_ALL=C tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
  --format=gnu -cf "$work/layer.tar" bin etc tmp)
read -r layer_digest layer_size < <(blob "$work/layer.tar")

env_json='"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"'
# image NAME EXEC_JSON -> adds config and manifest blobs, prints the index entry JSON.
image() {
  local name=$1 exec_json=$2 cfg_digest cfg_size man_digest man_size
  printf '{"architecture":"%s","os":"linux","config":{"Env":[%s],%s,"WorkingDir":"/"},"rootfs":{"type":"layers","diff_ids":["%s"]}}' \
    "$arch" "$env_json" "$exec_json" "$layer_digest" > "$work/config.json"
  read -r cfg_digest cfg_size < <(blob "$work/config.json")
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"%s","size":%s}]}' \
    "$cfg_digest" "$cfg_size" "$layer_digest" "$layer_size" > "$work/manifest.json"
  read -r man_digest man_size < <(blob "$work/manifest.json")
  printf '{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":%s,"platform":{"architecture":"%s","os":"linux"},"annotations":{"io.containerd.image.name":"%s","org.opencontainers.image.ref.name":"%s"}}' \
    "$man_digest" "$man_size" "$arch" "$name" "$name"
}

busybox_entry=$(image "$busybox_image" '"Cmd":["/bin/sh"]')
pause_entry=$(image "$pause_image" '"Entrypoint":["/bin/sleep","2147483647"]')
printf '{"imageLayoutVersion":"1.0.0"}' > "$work/layout/oci-layout"
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[%s,%s]}' \
  "$busybox_entry" "$pause_entry" > "$work/layout/index.json"

archive="$out/edgeactors-images.oci.tar"
(cd "$work/layout" && LC_ALL=C tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
  --format=gnu -cf "$archive.tmp" oci-layout index.json blobs)
mv "$archive.tmp" "$archive"
{
  echo "BUSYBOX_IMAGE=$busybox_image"
  echo "PAUSE_IMAGE=$pause_image"
  echo "OCI_ARCHIVE=$archive"
} > "$out/images.env"
echo "build-oci-images: $archive ($(stat -c %s "$archive") bytes, sha256 $(sha256sum "$archive" | cut -c1-12)): $busybox_image, $pause_image" >&2
