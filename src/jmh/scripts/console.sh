#!/usr/bin/env bash
# Console benchmarks (issue 5) on a real X server (Xvfb) with the real glass (GTK) toolkit:
#   cold start to the login screen (wall clock from launch, and the in-app mark: JVM uptime when the login screen was
#   shown), login to the workspace drawn (in-app mark, every run), then, logged in with the training reader polling
#   (last run): idle CPU over IDLE seconds and resident memory.
# Usage: src/jmh/scripts/console.sh [RUNS=5] [IDLE=60] [extra JVM options, e.g. AppCDS flags]
#   IDCHECK_LAUNCHER="/opt/idcheck/bin/idcheck-console" measures an installed launcher instead of bin/idcheck console
#   (extra JVM options do not apply to it: a jpackage launcher takes its options from its .cfg file only).
# Needs: xvfb, xdotool, fonts-wqy-microhei; the packaged artifact (./mvnw -DskipTests package).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
runs="${1:-5}"; idle="${2:-60}"; shift $(( $# > 2 ? 2 : $# )) || true
extra="$*"
display=":97"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
export DISPLAY="$display"
work="$(mktemp -d)"
hz=$(getconf CLK_TCK)
for i in $(seq 1 "$runs"); do
  home="$work/home"; log="$work/log$i" # one installation: run 1 is its first start ever, the others daily starts
  start=$(date +%s%N)
  applog="$home/logs/idcheck.log"; rm -f "$applog"
  if [[ -n "${IDCHECK_LAUNCHER:-}" ]]; then
    IDCHECK_HOME="$home" $IDCHECK_LAUNCHER 2>"$log" &
  else
    IDCHECK_HOME="$home" IDCHECK_JAVA_OPTS="-Dprism.order=sw $extra" "$here/bin/idcheck" console 2>"$log" &
  fi
  pid=$!
  until grep -q "login screen shown" "$applog" 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "console exited:"; cat "$log"; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  mark=$(grep -o "login screen shown [0-9]* ms after JVM start" "$applog" | grep -o "[0-9]*")
  java=$(pgrep -P $pid java || echo $pid)
  echo "run $i: launch to login screen $(( (end - start) / 1000000 )) ms wall; in-app mark $mark ms (JVM uptime); $(grep -o "window up.*start" "$applog")"
  sleep 2 # every run logs in (run 1: the first login ever): Enter to the workspace drawn, the in-app mark
  xdotool search --sync --name "窗口身份核验台" windowactivate --sync >/dev/null 2>&1 || true
  xdotool type --delay 20 1001; xdotool key Tab; xdotool type --delay 20 123456; xdotool key Return
  for _ in $(seq 1 300); do grep -q "first screen shown" "$applog" && break; sleep 0.1; done
  echo "run $i: login to workspace: $(grep -o "first screen shown.*" "$applog" || echo "not seen within 30 s")"
  if [[ $i -eq $runs ]]; then
    sleep 10 # logged in: the reader loop polls the (empty) simulated reader every poll interval
    read -r u1 s1 < <(awk '{print $14, $15}' /proc/$java/stat)
    sleep "$idle"
    read -r u2 s2 < <(awk '{print $14, $15}' /proc/$java/stat)
    rss=$(awk '/VmRSS/ {print $2}' /proc/$java/status)
    hwm=$(awk '/VmHWM/ {print $2}' /proc/$java/status)
    awk -v d=$(( u2 + s2 - u1 - s1 )) -v hz="$hz" -v t="$idle" \
      'BEGIN { printf "idle after login, %d s: CPU %.2f%% of one core (%d ticks)\n", t, 100 * d / hz / t, d }'
    echo "resident memory: $(( rss / 1024 )) MB now, $(( hwm / 1024 )) MB peak"
  fi
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
done
rm -rf "$work"
