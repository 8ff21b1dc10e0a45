#!/usr/bin/env bash
# Builds the installed form of the console: a jlink runtime with exactly the modules it needs (JavaFX linked in from
# Maven Central's modular jars, its native libraries beside the JDK's), a jpackage app image with three launchers, and
# on Linux a .deb. Called by `./mvnw -Pinstaller package` (after the jar and target/lib exist); can be run by hand:
#   installer/build.sh VERSION [app-image|deb] [RELEASE]   (RELEASE: the package revision, default 1)
# Output: target/installer/ (runtime/, image/idcheck/, idcheck_VERSION_amd64.deb). Needs JDK 25 (JAVA_HOME), and for
# the .deb fakeroot and dpkg-deb. The Windows .msi is built by installer/windows/build-msi.ps1 on Windows.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${1:?version}"; type="${2:-deb}"; release="${3:-1}"
: "${JAVA_HOME:?set JAVA_HOME to a JDK 25}"
out="$here/target/installer"
jar="$(ls "$here"/target/idcheck-*.jar | grep -v -e sources -e tests | head -n1)"
rm -rf "$out"; mkdir -p "$out/input" "$out/fx"

# The app: our jar and its libraries, except JavaFX (linked into the runtime), plus the hardware profiles.
cp "$jar" "$out/input/idcheck.jar"
find "$here/target/lib" -name '*.jar' ! -name 'javafx-*' -exec cp {} "$out/input/" \;
cp -r "$here/hardware-profiles" "$out/input/hardware-profiles"
cp "$here/installer/counter.properties.example" "$here/installer/cds/console.classlist" "$out/input/"
cp "$here/target/lib"/javafx-*-linux.jar "$out/fx/" 2>/dev/null || cp "$here/target/lib"/javafx-*-win.jar "$out/fx/"
# A package is built for one OS and CPU (its runtime is): keep only that platform's natives in the SQLite driver (which
# carries 30 platforms, ~12 MB) and the serial library. Linux x86_64 here; build-msi.ps1 keeps Windows/x86_64.
zip -q -d "$out"/input/sqlite-jdbc-*.jar 'org/sqlite/native/*' -x 'org/sqlite/native/Linux/x86_64/*'
zip -q -d "$out"/input/jSerialComm-*.jar '*/libjSerialComm*' -x 'Linux/x86_64/*'

modules=$(grep -v -e '^#' -e '^$' "$here/installer/runtime-modules.txt" | paste -sd, -)
"$JAVA_HOME/bin/jlink" --module-path "$out/fx" --add-modules "$modules" \
  --include-locales=zh,en --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
  --generate-cds-archive --output "$out/runtime"
# The archive without compressed oops only serves heaps over 32 GB: never ours.
rm -f "$out/runtime/lib/server/classes_nocoops.jsa"
# JavaFX's natives travel inside its jars; in a linked runtime it loads them from the runtime's lib directory.
for j in "$out"/fx/*.jar; do unzip -q -o -j "$j" '*.so' '*.dll' -d "$out/runtime/lib" 2>/dev/null || true; done

common=(--enable-native-access=ALL-UNNAMED,javafx.graphics,javafx.media
  --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED
  -Dsun.security.smartcardio.t0GetResponse=false -Dsun.security.smartcardio.t1GetResponse=false
  '-Didcheck.profiles.dir=$APPDIR/hardware-profiles' -Didcheck.layout=installed)
java_options=()
for o in "${common[@]}"; do java_options+=(--java-options "$o"); done

# Launchers: idcheck (every command; no arguments = the console), idcheck-console (desktop entry: the console's own JVM
# options, installer/console-jvm-options.txt, decision 0019) and idcheck-technician (technician start, DEBUG logging).
# The class-data archive is built by the package's postinst (installer/linux/postinst); where it is missing (a bare app
# image) the JVM runs without it, silently.
console_opts="$(grep -v -e '^#' -e '^[[:space:]]*$' "$here/installer/console-jvm-options.txt" | sed 's/[[:space:]]*$//' | paste -sd' ' -)"
console_opts+=" -XX:SharedArchiveFile=\$APPDIR/../idcheck-console.jsa"
console_opts+=" -Xlog:cds*=off -Xlog:aot*=off"
cat > "$out/console.properties" <<PROPS
arguments=console
java-options=${common[*]} $console_opts
linux-shortcut=true
icon=$here/installer/icons/idcheck.png
description=窗口身份核验台
PROPS
cat > "$out/technician.properties" <<PROPS
arguments=console --technician
java-options=${common[*]} $console_opts -Didcheck.log.level=DEBUG
linux-shortcut=true
icon=$here/installer/icons/idcheck-technician.png
description=窗口身份核验台（技术人员）
PROPS
# jpackage's resources: our postinst/postrm/desktop entries, and the icons under the names it looks for
mkdir -p "$out/resources"
cp "$here"/installer/linux/* "$out/resources/"
cp "$here/installer/icons/idcheck.png" "$out/resources/idcheck.png"
cp "$here/installer/icons/idcheck.png" "$out/resources/idcheck-console.png"
cp "$here/installer/icons/idcheck-technician.png" "$out/resources/idcheck-technician.png"

"$JAVA_HOME/bin/jpackage" --type app-image --dest "$out/image" --name idcheck --app-version "$version" \
  --vendor "Ticket Window" --description "窗口身份核验台 identity verification console" \
  --input "$out/input" --main-jar idcheck.jar --main-class org.ticketwindow.idcheck.cli.Main \
  --runtime-image "$out/runtime" "${java_options[@]}" --icon "$here/installer/icons/idcheck.png" \
  --add-launcher "idcheck-console=$out/console.properties" \
  --add-launcher "idcheck-technician=$out/technician.properties"

if [[ "$type" == deb ]]; then
  "$JAVA_HOME/bin/jpackage" --type deb --dest "$out" --app-image "$out/image/idcheck" --name idcheck \
    --app-version "$version" --linux-app-release "$release" --vendor "Ticket Window" --description "窗口身份核验台 identity verification console" \
    --linux-package-name idcheck --linux-deb-maintainer "support@ticketwindow.invalid" --linux-menu-group "Office" \
    --linux-app-category misc --install-dir /opt \
    --linux-package-deps "pcscd, fonts-wqy-microhei | fonts-noto-cjk, fonts-hanazono" \
    --resource-dir "$out/resources"
  ls -l "$out"/*.deb
fi
