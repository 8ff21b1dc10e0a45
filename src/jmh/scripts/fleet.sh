#!/bin/bash
# The fleet drain of docs/benchmarks.md (issue 19): N simulated counters, each in its own IDCHECK_HOME with its own
# certificate from the training PKI, each with a backlog of B recorded results, all drain at the same moment (the real
# sync worker of `sync --once`, one thread per counter in one JVM: bench/FleetDrain) into the central (mutual TLS, loopback only); I central instances (1 or 2) on one database, the
# counters spread over them round robin (as a TCP load balancer would). Bounded: every sync is killed after LIMIT s.
# usage: src/jmh/scripts/fleet.sh N B [DB_URL [I]]    (from the project root after ./mvnw compile; default DB_URL:
#        SQLite in $BM, I=1; a PostgreSQL URL's database is emptied first — use a scratch database; I=2 needs PostgreSQL)
# Prints: results/s end to end (first batch sent → last batch answered, from the counters' logs), per-batch latency
# p50/p95/p99 (the counter's round trip: `batch of … answered in X ms`), errors, and checks the central's counts.
# WARM=W (default 0: the centrals start cold): each central instance first takes W results of a counter of its own
# (W001, W002), synced before the fleet starts and left out of the fleet's figures — a central already running when
# the fleet comes back, as after a regional outage.
set -euo pipefail
N=$1; B=$2
BM=${BM:-/tmp/idcheck-fleet}
URL=${3:-jdbc:sqlite:$BM/central.db}
I=${4:-1}
LIMIT=${LIMIT:-900}
POOL=${POOL:-8}
WARM=${WARM:-0}
. "$(dirname "$0")/lib.sh"
ids=(); for i in $(seq 1 "$N"); do ids+=("$(printf 'F%03d' "$i")"); done
warm=(); [ "$WARM" -gt 0 ] && for j in $(seq 1 "$I"); do warm+=("$(printf 'W%03d' "$j")"); done
if [ ! -f "$BM/pki/ca.pem" ]; then
  $J central pki init --dir "$BM/pki" >/dev/null
  $J central pki server localhost 127.0.0.1 --dir "$BM/pki" >/dev/null
fi
for c in "${ids[@]}" ${warm[@]+"${warm[@]}"}; do   # certificates are kept between runs: one JVM each to make
  [ -f "$BM/pki/counters/$c.p12" ] || $J central pki counter "$c" --dir "$BM/pki" >/dev/null
done
case "$URL" in
  jdbc:sqlite:*) [ "$I" = 1 ] || { echo "two instances need PostgreSQL" >&2; exit 2; }; rm -f "${URL#jdbc:sqlite:}"* ;;
  jdbc:postgresql:*) db=${URL#*5432/}; db=${db%%\?*}; su postgres -c "dropdb --if-exists $db && createdb -O idcheck $db" ;;
esac
$J central seed --db "$URL" --fictional $((N * B + I * WARM)) >/dev/null
# the backlogs: counter k records persons k*B … k*B+B-1 (distinct people: every result changes one record), two at a time
k=0
for c in "${ids[@]}"; do
  counter_home "$BM/$c" "$c" $((18450 + k % I)) "$BM/pki" >&2
  echo "$c $((k * B))"
  k=$((k + 1))
done | xargs -P 2 -n 2 sh -c 'IDCHECK_HOME='"$BM"'/$0 '"$J"' simulate --results '"$B"' --first $1 >/dev/null'
pids=()
for j in $(seq 0 $((I - 1))); do
  $JVM -Didcheck.log.level=DEBUG org.ticketwindow.idcheck.cli.Main central --listen 127.0.0.1:$((18450 + j)) --db "$URL" \
    --tls "$BM/pki" --pool "$POOL" > "$BM/central-$j.log" 2>&1 &
  pids+=($!)
done
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for j in $(seq 0 $((I - 1))); do
  for _ in $(seq 1 100); do grep -q 'central listening' "$BM/central-$j.log" && break; sleep 0.2; done
done
# the warm-up (WARM > 0): each instance takes its own counter's backlog before the fleet; its batches are not counted
before=()
for j in $(seq 0 $((I - 1))); do
  if [ "$WARM" -gt 0 ]; then
    w=${warm[$j]}; counter_home "$BM/$w" "$w" $((18450 + j)) "$BM/pki"
    IDCHECK_HOME=$BM/$w $J simulate --results "$WARM" --first $((N * B + j * WARM)) >/dev/null
    out=$(IDCHECK_HOME=$BM/$w $J sync --once --batch 500) || { echo "warm-up of central $j failed: $out" >&2; exit 1; }
    echo "warm-up of central $j: $(echo "$out" | grep -o '"seconds" *: *[0-9.]*' | grep -o '[0-9.]*$') s"
  fi
  before+=("$(grep -c 'applied in' "$BM/central-$j.log" || true)")
done
# the counters in one JVM (FleetDrain: the real sync worker per counter home, all released at once)
mkdir -p "$BM/classes"
"$JAVA_HOME/bin/javac" -d "$BM/classes" -cp "$CP" src/jmh/java/org/ticketwindow/idcheck/bench/FleetDrain.java
mkdir -p "$BM/fleet"; rm -rf "$BM/fleet/logs"
# where the two cores go during the drain: the machine's busy CPU seconds, the centrals' and the counters' JVM's
tick=$(getconf CLK_TCK)
busy() { awk -v t="$tick" '/^cpu / {printf "%.1f", ($2 + $3 + $4 + $7 + $8 + $9) / t}' /proc/stat; }
centrals_cpu() { ( cd /proc && awk -v t="$tick" '{s += ($14 + $15) / t} END {printf "%.1f", s}' "${pids[@]/%//stat}" ); }
busy_before=$(busy); centrals_before=$(centrals_cpu)
start=$(date +%s.%N)
homes=(); for c in "${ids[@]}"; do homes+=("$BM/$c"); done
TIMEFORMAT='%U %S'
{ time IDCHECK_HOME=$BM/fleet timeout $((LIMIT + 60)) "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Didcheck.log.level=DEBUG \
  -Didcheck.stderr.level=ERROR -cp "$BM/classes:$CP" org.ticketwindow.idcheck.bench.FleetDrain \
  "$LIMIT" 500 "${homes[@]}" > "$BM/fleet/report.txt" || true; } 2> "$BM/fleet/cpu.txt"
wall=$(echo "$(date +%s.%N) - $start" | bc)
errors=$(grep -v '^#' "$BM/fleet/report.txt" | grep -vc 'error=null$' || true)
synced=$(grep -o 'synced=[0-9]*' "$BM/fleet/report.txt" | awk -F= '{s += $2} END {print s + 0}')
grep -v -e 'error=null$' -e '^#' "$BM/fleet/report.txt" | head -3 || true
# per batch: "<epoch ms of the answer> <round trip ms>", from every counter's log
grep -h 'answered in' "$BM"/fleet/logs/idcheck.log | awk '{
  split($2, t, "[:.]"); at = ((t[1] * 60 + t[2]) * 60 + t[3]) * 1000 + t[4]; print at, $(NF-1)}' > "$BM/batches.txt"
sort -n -k2 "$BM/batches.txt" | awk 'function at(p,  i) { i = int(NR * p + 0.999); return l[i < 1 ? 1 : i] }
  {l[NR] = $2} END {
  if (NR == 0) { print "no batches answered"; exit }
  printf "batches: %d, round trip p50 %d ms, p95 %d ms, p99 %d ms, max %d ms\n", NR, at(0.50), at(0.95), at(0.99), l[NR]}'
awk -v n="$synced" '{ s = $1 - $2; if (NR == 1 || s < first) first = s; if ($1 > last) last = $1 } END {
  if (NR) printf "fleet: %d results in %.1f s (first batch sent to last answered) = %.0f /s\n", n, (last - first) / 1000, n * 1000 / (last - first) }' "$BM/batches.txt"
echo "wall (the counters' JVM start included): $(printf '%.1f' "$wall") s; counters with an error: $errors of $N"
for j in $(seq 0 $((I - 1))); do
  grep 'applied in' "$BM/central-$j.log" | tail -n +$((before[j] + 1)) | awk -v j="$j" '{n += $8; ms += $(NF-1); b++} END {
    printf "central %d: %d batches, %d results, %d ms in transactions\n", j, b, n, ms}'
done
busy_after=$(busy); centrals_after=$(centrals_cpu); counters=$(awk '{printf "%.1f", $1 + $2}' "$BM/fleet/cpu.txt")
echo "CPU seconds during the drain: machine busy $(echo "$busy_after - $busy_before" | bc) of $(printf '%.1f' "$(echo "$wall * $(nproc)" | bc)");" \
  "centrals $(echo "$centrals_after - $centrals_before" | bc), counters' JVM $counters (opening the counters $(sed -n 's/^# opened.*CPU \([0-9.]*\) s$/\1/p' "$BM/fleet/report.txt"))," \
  "the rest (PostgreSQL, the system) $(echo "$busy_after - $busy_before - ($centrals_after - $centrals_before) - $counters" | bc)"
kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null || true
stats=$($J central stats --db "$URL")
get() { echo "$stats" | grep -o "\"$1\" *: *[0-9]*" | head -1 | grep -o '[0-9]*$'; }
received=$(get received); applied=$(get applied); conflicts=$(get conflicts); rejected=$(get rejected)
left=0
for c in "${ids[@]}" ${warm[@]+"${warm[@]}"}; do
  q=$(sqlite3 "file:$BM/$c/data/idcheck.db?mode=ro" "SELECT COUNT(*) FROM results WHERE state <> 'SYNCED'" 2>/dev/null || echo "?")
  [ "$q" = 0 ] || left=$((left + 1))
done
expected=$((N * B + ${#warm[@]} * WARM))   # the warm-up's results are the central's too
echo "central: received $received = applied $applied + conflicts $conflicts + rejected $rejected; expected $expected; counters with results left: $left"
if [ "$received" = "$expected" ] && [ $((applied + conflicts + rejected)) = "$received" ] && [ "$left" = 0 ] && [ "$errors" = 0 ]; then
  echo "check: OK"
else
  echo "check: FAILED"; exit 1
fi
