#!/usr/bin/env bash
# A second, modern engine beside the classic one, shaped like a hosted runner's: Docker Engine 26.1.5 with the
# containerd image store, and buildx 0.13.1 (for both engines' clients), from Debian 13 ("trixie") packages.
# Idempotent: whatever already answers is used as it is. Prints nothing on stdout; the socket is
#   unix://${IG_MODERN_SOCKET:-/run/image-guard-modern/docker.sock}
# Usage: engine-modern.sh [--buildx-only]
#
# Two traps, both checked on Debian 12:
#   - trixie's runc needs glibc 2.38: the extracted engine runs with Debian 12's runc (installed with docker.io);
#   - never start a second daemon with --bridge=none: it deletes the first daemon's docker0. This one gets a
#     bridge of its own (and, since it runs with --iptables=false, a masquerade rule of its own so that RUN
#     steps reach Debian's mirrors as they do on the classic engine).
set -uo pipefail

state="${IG_STATE_DIR:-/tmp/image-guard-engine}/modern"
socket="${IG_MODERN_SOCKET:-/run/image-guard-modern/docker.sock}"
bridge="${IG_MODERN_BRIDGE:-igmodern0}"
subnet="${IG_MODERN_SUBNET:-172.31.250}"
mirror="${IG_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
mkdir -p "$state"

# shellcheck source=lib/daemon.sh
. "$(dirname "$0")/lib/daemon.sh"

say() { printf 'engine-modern: %s\n' "$*" >&2; }
die() { printf 'image-guard: error: %s\n' "$*" >&2; exit 1; }
cli() { if [ -x /usr/bin/docker ]; then /usr/bin/docker "$@"; else docker "$@"; fi; }

[ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 ||
  die "the modern engine is installed from Debian 13 packages as root: run as root on Debian, or skip it"

# trixie beside bookworm, pinned below the machine's own release so that nothing else is upgraded.
trixie_source() {
  local list=/etc/apt/sources.list.d/image-guard-trixie.sources pin=/etc/apt/preferences.d/image-guard-trixie
  if [ ! -f "$list" ] || [ ! -f "$pin" ]; then
    printf 'Types: deb\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$mirror" >"$list"
    printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' >"$pin"
    rm -f "$state/apt-updated"
  fi
  if [ ! -f "$state/apt-updated" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$state/apt.log" 2>&1 ||
      die "apt-get update with Debian 13 (trixie) failed: see $state/apt.log"
    touch "$state/apt-updated"
  fi
}

# buildx for every client on the machine: Debian's 20.10 client finds /usr/libexec/docker/cli-plugins, the
# preinstalled 28.x client /usr/local/lib/docker/cli-plugins.
install_buildx() {
  if [ ! -x /usr/libexec/docker/cli-plugins/docker-buildx ]; then
    trixie_source
    say "installing docker-buildx 0.13 (Debian 13) …"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t trixie --no-install-recommends docker-buildx \
      >>"$state/apt.log" 2>&1 || die "could not install docker-buildx from trixie: see $state/apt.log"
  fi
  mkdir -p /usr/local/lib/docker/cli-plugins
  ln -sf /usr/libexec/docker/cli-plugins/docker-buildx /usr/local/lib/docker/cli-plugins/docker-buildx
}

# Docker Engine 26.1.5 and containerd 1.7 from trixie, unpacked into $state/root (the classic engine stays).
unpack_engine() {
  [ -x "$state/root/usr/sbin/dockerd" ] && [ -x "$state/root/usr/bin/containerd" ] && return 0
  trixie_source
  say "unpacking Docker Engine 26 and containerd (Debian 13) into $state/root …"
  local debs="$state/debs"
  rm -rf "$debs" "$state/root.partial"
  mkdir -p "$debs" "$state/root.partial"
  (cd "$debs" && apt-get download -qq docker.io/trixie containerd/trixie >>"$state/apt.log" 2>&1) ||
    die "could not download docker.io and containerd from trixie: see $state/apt.log"
  for deb in "$debs"/*.deb; do dpkg -x "$deb" "$state/root.partial"; done
  # trixie's runc needs glibc 2.38; Debian 12's (from docker.io) is used instead.
  rm -f "$state/root.partial/usr/sbin/runc" "$state/root.partial/usr/bin/runc"
  rm -rf "$state/root" && mv "$state/root.partial" "$state/root"
}

own_bridge() {
  if ! ip link show "$bridge" >/dev/null 2>&1; then
    ip link add "$bridge" type bridge || die "could not create the bridge $bridge for the modern engine"
    ip addr add "$subnet.1/24" dev "$bridge"
  fi
  ip link set "$bridge" up
  # --iptables=false leaves NAT to us: RUN steps and containers reach the network through the host.
  sysctl -qw net.ipv4.ip_forward=1 >/dev/null 2>&1 || true
  if command -v iptables >/dev/null 2>&1 &&
    ! iptables -t nat -C POSTROUTING -s "$subnet.0/24" ! -o "$bridge" -j MASQUERADE 2>/dev/null; then
    iptables -t nat -A POSTROUTING -s "$subnet.0/24" ! -o "$bridge" -j MASQUERADE 2>/dev/null || true
  fi
  # The classic engine sets FORWARD's policy to DROP and lets only docker0 through.
  if command -v iptables >/dev/null 2>&1 && ! iptables -C FORWARD -i "$bridge" -j ACCEPT 2>/dev/null; then
    iptables -I FORWARD -i "$bridge" -j ACCEPT 2>/dev/null || true
    iptables -I FORWARD -o "$bridge" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT 2>/dev/null || true
  fi
}

# The store as the tests expect it. When that changes (format 2: bases arrive through the registry, their layers
# compressed, where `docker load` had left them uncompressed), the store is made fresh before the engine starts:
# a data root kept on disk (a runner's, a machine whose processes were stopped) keeps what the earlier format
# left, in its images and in BuildKit's cache.
STORE_FORMAT=2
fresh_store() {
  local stamp="$state/store-format"
  [ "$(cat "$stamp" 2>/dev/null)" = "$STORE_FORMAT" ] && [ -d "$state/data" ] && return 0
  if [ -d "$state/data" ]; then
    say "making the modern engine's store fresh (store format $STORE_FORMAT)"
    awk -v d="$state/data" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/mounts | sort -r |
      while read -r m; do umount -l "$m" 2>/dev/null; done
    rm -rf "$state/data" || die "could not remove the modern engine's old store $state/data"
  fi
  mkdir -p "$state/data" && echo "$STORE_FORMAT" >"$stamp"
}

answers() { DOCKER_HOST="unix://$socket" cli info >/dev/null 2>&1; }

start_engine() {
  answers && return 0
  command -v runc >/dev/null 2>&1 || die "runc is missing: apt-get install runc (Debian 12's)"
  unpack_engine
  own_bridge
  mkdir -p "$(dirname "$socket")" "$state/data" "$state/exec"
  local pid=""
  if pidfile_alive "$state/dockerd.pid" dockerd; then
    say "waiting for the dockerd 26 that is starting (pid $(cat "$state/dockerd.pid"))"
  else
    rm -f "$state/dockerd.pid" # not a live dockerd's (above)
    clear_stale_pidfile "$state/exec/containerd/containerd.pid" containerd
    fresh_store
    rm -f "$socket"
    printf '{"features": {"containerd-snapshotter": true}}\n' >"$state/daemon.json"
    say "starting dockerd 26 with the containerd image store on unix://$socket (log: $state/dockerd.log)"
    PATH="$state/root/usr/bin:$state/root/usr/sbin:$PATH" setsid "$state/root/usr/sbin/dockerd" \
      --config-file "$state/daemon.json" --data-root "$state/data" --exec-root "$state/exec" \
      --pidfile "$state/dockerd.pid" -H "unix://$socket" --bridge="$bridge" --iptables=false \
      >"$state/dockerd.log" 2>&1 </dev/null &
    pid=$!
  fi
  await_daemon "the modern dockerd" "$pid" "$state/dockerd.log" 120 answers || exit 1
}

install_buildx
for a in "$@"; do [ "$a" = --buildx-only ] && exit 0; done
start_engine
exit 0
