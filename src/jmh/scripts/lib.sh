# Shared by the benchmark scripts (sourced after BM is set, from the project root): the JVM and the idcheck command
# line on target/classes, with the dependencies' classpath kept in $BM.
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
mkdir -p "$BM"
[ -f "$BM/cp.txt" ] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$BM/cp.txt"
CP="target/classes:$(cat "$BM/cp.txt")"
JVM="$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED -cp $CP"
J="$JVM org.ticketwindow.idcheck.cli.Main"
