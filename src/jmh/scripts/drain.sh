#!/bin/bash
# The drain benchmark of docs/benchmarks.md (issue 4): a backlog of N results of counter C001 drained over TLS to a
# central on loopback; the central first takes WARM results of counter C002 (0: both JVMs cold).
# usage: src/jmh/scripts/drain.sh N WARM [DB_URL]     (run from the project root after ./mvnw compile;
#        default DB_URL: SQLite in $BM; a PostgreSQL URL's database is emptied first — use a scratch database;
#        CENTRAL_OPTS: extra JVM options for the central, e.g. a JFR recording)
set -euo pipefail
N=$1; W=$2
BM=${BM:-/tmp/idcheck-bench}
URL=${3:-jdbc:sqlite:$BM/central.db}
. "$(dirname "$0")/lib.sh"
if [ ! -f "$BM/pki/ca.pem" ]; then
  $J central pki init --dir "$BM/pki" >/dev/null
  $J central pki server localhost 127.0.0.1 --dir "$BM/pki" >/dev/null
  $J central pki counter C001 --dir "$BM/pki" >/dev/null
  $J central pki counter C002 --dir "$BM/pki" >/dev/null
fi
for c in C001 C002; do counter_home "$BM/$c" "$c" 18444 "$BM/pki"; done
case "$URL" in
  jdbc:sqlite:*) rm -f "${URL#jdbc:sqlite:}"* ;;
  jdbc:postgresql:*) db=${URL#*5432/}; db=${db%%\?*}; su postgres -c "dropdb --if-exists $db && createdb -O idcheck $db" ;;
esac
$J central seed --db "$URL" --fictional $((N + W)) >/dev/null
IDCHECK_HOME=$BM/C001 $J simulate --results "$N" --latency >/dev/null
[ "$W" -gt 0 ] && IDCHECK_HOME=$BM/C002 $J simulate --results "$W" --first "$N" >/dev/null
$JVM ${CENTRAL_OPTS:-} -Didcheck.log.level=DEBUG org.ticketwindow.idcheck.cli.Main central --listen 127.0.0.1:18444 --db "$URL" --tls "$BM/pki" > "$BM/central.log" 2>&1 &
central=$!
trap 'kill $central 2>/dev/null || true' EXIT
sleep 3
[ "$W" -gt 0 ] && IDCHECK_HOME=$BM/C002 $J sync --once --batch 500 | grep seconds | sed 's/^/warm-up: /'
before=$(grep -c 'applied in' "$BM/central.log" || true)
IDCHECK_HOME=$BM/C001 $J sync --once --batch 500 | grep -E 'synced|seconds'
grep 'applied in' "$BM/central.log" | tail -n +$((before + 1)) \
  | awk '{n += $8; ms += $(NF-1)} END {printf "central apply: %d results in %d ms of transactions = %.0f /s\n", n, ms, n * 1000 / ms}'
kill $central; wait $central || true
$J central stats --db "$URL" | grep -E '"(received|applied|duplicates|gaps)"'
