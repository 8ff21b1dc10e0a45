#!/bin/bash
# The central's batch apply alone, warm (issue 19): one counter's backlog of N results is applied in batches of 500 by
# CentralService, PASSES times in one JVM (bench/CentralApplyTiming), each pass on a fresh copy of the seeded central
# database. No TLS, HTTP, counter or JIT warm-up in the late passes: what drain.sh's "central apply" would be with
# the central's code compiled and the two cores its own. Prints each pass and the median of the second half.
# usage: src/jmh/scripts/central-apply.sh N PASSES [DB_URL]   (from the project root after ./mvnw compile; default
#        DB_URL: SQLite in $BM; a PostgreSQL URL's database is dropped and made again from DB_seeded, a template
#        database made beside it — use a scratch database)
set -euo pipefail
N=$1; P=$2
BM=${BM:-/tmp/idcheck-apply}
URL=${3:-jdbc:sqlite:$BM/central.db}
. "$(dirname "$0")/lib.sh"
mkdir -p "$BM/C001/config"
printf 'counter.id=C001\n' > "$BM/C001/config/counter.properties"
rm -rf "$BM/C001/data" "$BM/C001/keys" "$BM/C001/logs"
case "$URL" in
  jdbc:sqlite:*)
    db=${URL#jdbc:sqlite:}; rm -f "$BM/seeded.db"*
    $J central seed --db "jdbc:sqlite:$BM/seeded.db" --fictional "$N" >/dev/null
    reset="rm -f '$db' '$db-wal' '$db-shm' && cp '$BM/seeded.db' '$db'" ;;
  jdbc:postgresql:*)
    db=${URL#*5432/}; db=${db%%\?*}
    su postgres -c "dropdb --if-exists $db && dropdb --if-exists ${db}_seeded && createdb -O idcheck ${db}_seeded"
    $J central seed --db "${URL/\/$db/\/${db}_seeded}" --fictional "$N" >/dev/null
    reset="su postgres -c 'dropdb --if-exists $db && createdb -O idcheck -T ${db}_seeded $db'" ;;
esac
IDCHECK_HOME=$BM/C001 $J simulate --results "$N" >/dev/null
mkdir -p "$BM/classes"
"$JAVA_HOME/bin/javac" -d "$BM/classes" -cp "$CP" src/jmh/java/org/ticketwindow/idcheck/central/CentralApplyTiming.java
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Didcheck.log.level=WARN -cp "$BM/classes:$CP" \
  org.ticketwindow.idcheck.central.CentralApplyTiming "$BM/C001" "$URL" "$reset" "$P" 500 | grep -E '^(pass|central apply)'
