#!/usr/bin/env bash
# Photo decode time through the helper process (issue 17): first card after the helper starts, and warm photos, with
# the tests' stand-in vendor library (src/test/native/wlt-standin.c, compiled here with gcc).
# Usage: src/jmh/scripts/photo.sh [INTERFACE=unpack] [COLD_RUNS=10] [WARM_PHOTOS=500]
# Needs: gcc, JDK 25; compiles the classes (./mvnw compile) and asks Maven for the dependencies' class path.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
. "$here/bin/find-java.sh"
JAVA_HOME="$(find_java)"; export JAVA_HOME
cd "$here"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./mvnw -q -B -ntp compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
gcc -shared -fPIC -O1 -o "$work/libwlt-standin.so" src/test/native/wlt-standin.c
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "target/classes:$(cat "$work/cp.txt")" \
  src/jmh/java/org/ticketwindow/idcheck/bench/PhotoDecodeTiming.java "$work/libwlt-standin.so" "${1:-unpack}" "${2:-10}" "${3:-500}"
