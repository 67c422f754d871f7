# Shared by engine.sh and engine-modern.sh (sourced): starting a daemon on a machine that may hold what a killed
# one left behind. A machine's processes can be stopped while its disk is kept (a runner, a container that was
# restarted): the pid files then name processes that no longer exist, or worse, other live processes with the
# same number. dockerd refuses to start over a pid file whose pid is alive ("pid file found"), and takes a live
# pid in containerd's pid file for a running containerd, which it then waits for.

# True when a live process named NAME (as /proc/PID/comm says) is the one FILE names.
pidfile_alive() {
  local file="$1" name="$2" pid
  [ -f "$file" ] || return 1
  pid="$(tr -dc 0-9 <"$file" 2>/dev/null)"
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ]
}

# Removes FILE unless it names a live process named NAME.
clear_stale_pidfile() { pidfile_alive "$1" "$2" || rm -f "$1"; }

# Waits until CHECK (a command) succeeds, for at most SECONDS; fails early when PID (the daemon started, or
# empty) has exited. On failure prints one line and the log's last lines, so that a CI log says why.
await_daemon() {
  local what="$1" pid="$2" log="$3" seconds="$4"
  shift 4
  local i
  for ((i = 0; i < seconds * 2; i++)); do
    "$@" && return 0
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      printf 'image-guard: error: %s exited while starting: its log (%s) ends with:\n' "$what" "$log" >&2
      tail -n 15 "$log" 2>/dev/null | sed 's/^/  /' >&2
      return 1
    fi
    sleep 0.5
  done
  printf 'image-guard: error: %s did not answer within %s s: its log (%s) ends with:\n' "$what" "$seconds" "$log" >&2
  tail -n 15 "$log" 2>/dev/null | sed 's/^/  /' >&2
  return 1
}
