#!/usr/bin/env bash
# Brings up a real Docker engine (and, with --registry, a local registry on loopback) for the tests, the
# demo, the benchmark and CI. Idempotent: whatever already answers is used as it is.
#   1. DOCKER_HOST, or the default socket, when `docker info` answers there;
#   2. else an installed dockerd, started in the background;
#   3. else, as root on Debian, `apt-get install docker.io`, then 2.;
#   4. else one line saying what to install, exit 1.
# The registry is Debian's docker-registry (the CNCF distribution server) on 127.0.0.1:${IG_REGISTRY_PORT:-5000}.
set -uo pipefail

state="${IG_STATE_DIR:-/tmp/image-guard-engine}"
mkdir -p "$state"
want_registry=0
for a in "$@"; do [ "$a" = "--registry" ] && want_registry=1; done

# shellcheck source=lib/daemon.sh
. "$(dirname "$0")/lib/daemon.sh"

say() { printf 'engine: %s\n' "$*" >&2; }
die() { printf 'image-guard: error: %s\n' "$*" >&2; exit 1; }

# The docker.io package's 20.10 client speaks to the engine it installs; a newer preinstalled client works too.
cli() { if [ -x /usr/bin/docker ]; then /usr/bin/docker "$@"; else docker "$@"; fi; }
answers() { cli info >/dev/null 2>&1; }

apt_install() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
  if [ ! -f "$state/apt-updated" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$state/apt.log" 2>&1 && touch "$state/apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$state/apt.log" 2>&1
}

start_engine() {
  if answers; then return 0; fi
  if [ -n "${DOCKER_HOST:-}" ]; then
    die "no Docker engine answers at DOCKER_HOST=$DOCKER_HOST: start it, or unset DOCKER_HOST to use a local one"
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    say "installing docker.io (Debian) …"
    apt_install docker.io iptables ca-certificates || die "no Docker engine: install one (Debian: apt-get install docker.io) or set DOCKER_HOST"
  fi
  local pid=""
  if pidfile_alive /var/run/docker.pid dockerd; then
    say "waiting for the dockerd that is starting (pid $(cat /var/run/docker.pid))"
  else
    rm -f /var/run/docker.pid # not a live dockerd's (above)
    clear_stale_pidfile /var/run/docker/containerd/containerd.pid containerd
    say "starting dockerd (log: $state/dockerd.log)"
    setsid dockerd >"$state/dockerd.log" 2>&1 </dev/null &
    pid=$!
  fi
  await_daemon dockerd "$pid" "$state/dockerd.log" 120 answers || exit 1
}

start_registry() {
  local port="${IG_REGISTRY_PORT:-5000}"
  if curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null 2>&1; then return 0; fi
  if ! command -v docker-registry >/dev/null 2>&1; then
    say "installing docker-registry (Debian) …"
    apt_install docker-registry curl || die "no local registry: install Debian's docker-registry"
  fi
  mkdir -p "$state/registry-data"
  cat >"$state/registry.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $state/registry-data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
YML
  say "starting docker-registry on 127.0.0.1:$port"
  setsid docker-registry serve "$state/registry.yml" >"$state/registry.log" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  die "docker-registry did not answer on 127.0.0.1:$port: see $state/registry.log"
}

command -v curl >/dev/null 2>&1 || apt_install curl || true
start_engine
[ "$want_registry" = 1 ] && start_registry
exit 0
