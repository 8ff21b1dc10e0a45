# Sourced by bin/idcheck, .ci/run and the benchmark scripts: where JDK 25 is. find_java prints its home — JAVA_HOME
# when that is a JDK 25 or newer, else the usual install places, else the `java` on PATH when it is one — or says
# what to do and exits 2. Callers export it: ./mvnw and the JVMs they start must all see the same JDK (Debian's
# default JDK 17 does not know the options in .mvn/jvm.config).
find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
    echo "$JAVA_HOME"; return
  fi
  for d in /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/java-25-* /usr/lib/jvm/jdk-25*; do
    [[ -x "$d/bin/java" ]] && { echo "$d"; return; }
  done
  if command -v java >/dev/null && java -version 2>&1 | grep -q 'version "2[5-9]'; then
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"; return
  fi
  echo "idcheck: JDK 25 not found. Install a JDK 25 (e.g. Temurin 25) or set JAVA_HOME to one." >&2
  exit 2
}
