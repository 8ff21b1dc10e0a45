#!/usr/bin/env bash
# Records the classes a console start loads (login screen, log in, a card read in training mode) into
# installer/cds/console.classlist, from which the package's postinst builds the console's class-data archive on the
# counter PC (docs/decisions/0010). Run after installer/build.sh app-image when the console's start-up path changes;
# classes listed but gone are skipped by the dump, so a stale list only costs start-up time.
# Needs: Xvfb, xdotool, fonts-wqy-microhei.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
img="$here/target/installer/image/idcheck"
app="$img/lib/app"
cp=$(sed -n "s|^app.classpath=\\\$APPDIR|$app|p" "$app/idcheck-console.cfg" | paste -sd: -)
Xvfb :93 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
work=$(mktemp -d)
# the console launcher's own options (as postinst dumps with them), without its archive and log options
mapfile -t opts < <(sed -n 's|^java-options=||p' "$app/idcheck-console.cfg" | grep -v -e '^-XX:SharedArchiveFile' -e '^-Xlog' \
  | sed "s|\\\$APPDIR|$app|g")
DISPLAY=:93 IDCHECK_HOME="$work" "$img/lib/runtime/bin/java" -Xshare:off -XX:DumpLoadedClassList="$work/classlist" \
  "${opts[@]}" \
  -cp "$cp" org.ticketwindow.idcheck.cli.Main console >/dev/null 2>&1 & pid=$!
for _ in $(seq 1 300); do grep -q "login screen shown" "$work/logs/idcheck.log" 2>/dev/null && break; sleep 0.1; done
sleep 2
export DISPLAY=:93
xdotool search --sync --name "窗口身份核验台" windowactivate --sync >/dev/null 2>&1 || true
xdotool type --delay 20 1001; xdotool key Tab; xdotool type --delay 20 123456; xdotool key Return
sleep 4; xdotool key F5; sleep 4
kill $pid; wait $pid 2>/dev/null || true
# as dumped: the @lambda-proxy and @lambda-form-invoker lines let the dump archive the lambdas too
cp "$work/classlist" "$here/installer/cds/console.classlist"
wc -l "$here/installer/cds/console.classlist"
rm -rf "$work"
