#!/usr/bin/env bash
# Local base images for fixtures, tests and the benchmark. Docker Hub is out of reach on these machines, so
# bases are made from Debian's packages:
#   image-guard-fixture/busybox:1   FROM scratch + Debian's static busybox (about 2 MB, built in a second)
# Idempotent: an image that exists is kept.
set -euo pipefail
cli() { if [ -x /usr/bin/docker ]; then /usr/bin/docker "$@"; else docker "$@"; fi; }

busybox_base="${IG_BUSYBOX_IMAGE:-image-guard-fixture/busybox:1}"
if ! cli image inspect "$busybox_base" >/dev/null 2>&1; then
  bb=""
  for c in /bin/busybox /usr/bin/busybox; do
    if [ -x "$c" ] && ! ldd "$c" >/dev/null 2>&1; then bb="$c"; break; fi
  done
  if [ -z "$bb" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static >/dev/null 2>&1 || {
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static >/dev/null
      }
      bb=/bin/busybox
    else
      echo "image-guard: error: a static busybox is needed for the fixture base: apt-get install busybox-static" >&2
      exit 1
    fi
  fi
  root="$(mktemp -d)"
  trap 'rm -rf "$root"' EXIT
  mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/root"
  cp "$bb" "$root/bin/busybox"
  for applet in $("$bb" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  chmod 1777 "$root/tmp"
  tar -C "$root" --numeric-owner --owner=0 --group=0 -c . |
    cli import -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' - "$busybox_base" >/dev/null
  echo "bases: built $busybox_base" >&2
fi
