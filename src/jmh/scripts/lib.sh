# Shared by the benchmark scripts (sourced after BM is set, from the project root): the JVM and the idcheck command
# line on target/classes, with the dependencies' classpath kept in $BM.
. bin/find-java.sh
JAVA_HOME="$(find_java)"; export JAVA_HOME
mkdir -p "$BM"
[ -f "$BM/cp.txt" ] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$BM/cp.txt"
CP="target/classes:$(cat "$BM/cp.txt")"
JVM="$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED -cp $CP"
J="$JVM org.ticketwindow.idcheck.cli.Main"
# A counter's home for the benchmarks: $1 the home, $2 the counter id, $3 the central's port on localhost, $4 the training
# PKI (the counter's certificate made there). Its queue starts empty: keys/ holds the sequence mark, and a fresh store
# needs a fresh mark (issue 15).
counter_home() {
  mkdir -p "$1/config"
  printf 'counter.id=%s\ncentral.url=https://localhost:%s\ncentral.keystore=%s\ncentral.keystore-password-file=%s\ncentral.ca=%s\n' \
    "$2" "$3" "$4/counters/$2.p12" "$4/counters/$2.password" "$4/ca.pem" > "$1/config/counter.properties"
  rm -rf "$1/data" "$1/keys" "$1/logs"
}
