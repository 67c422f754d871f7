#!/usr/bin/env bash
# The engine tier on both engines, side by side: `vitest run --project engine` (the default engine: the classic
# 20.10 one here) and `--project engine-modern` (Docker 26, containerd image store) at the same time. Each
# project runs its own files one at a time; the two engines have separate image stores, and the names the tests
# push to the shared registry carry the engine's name. Each project's output is printed whole when it ends,
# with its wall time; the exit status is non-zero when either failed.
# Usage: engine-tiers.sh [vitest arguments, e.g. a file filter]
set -uo pipefail
cd "$(dirname "$0")/.."
logs="$(mktemp -d "${TMPDIR:-/tmp}/image-guard-tiers.XXXXXX")"

run_project() {
  local project="$1"
  shift
  local start=$SECONDS status=0
  npx vitest run --project "$project" "$@" >"$logs/$project.log" 2>&1 || status=$?
  echo "$status $((SECONDS - start))" >"$logs/$project.status"
}

run_project engine "$@" &
classic=$!
run_project engine-modern "$@" &
modern=$!

failed=0
for pair in "engine:$classic" "engine-modern:$modern"; do
  project="${pair%%:*}"
  wait "${pair#*:}"
  read -r status seconds <"$logs/$project.status"
  echo "::group::engine tier: $project (exit $status, ${seconds} s wall)"
  cat "$logs/$project.log"
  echo "::endgroup::"
  [ "$status" = 0 ] || failed=1
done
for project in engine engine-modern; do
  read -r status seconds <"$logs/$project.status"
  printf 'engine tier %-14s %s after %4d s\n' "$project" "$([ "$status" = 0 ] && echo passed || echo FAILED)" "$seconds"
done
rm -rf "$logs"
exit "$failed"
