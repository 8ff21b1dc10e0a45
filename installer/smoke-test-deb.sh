#!/usr/bin/env bash
# Builds the .deb, installs it with dpkg on this machine and tests the installed program as a counter account would
# use it; then upgrades it to a newer build and checks the queue, keys, audit chain and installation file survived;
# then removes it. Called by .ci/run after ./mvnw verify (root, Debian). Needs: socat, fakeroot, dpkg-deb, zip.
#   installer/smoke-test-deb.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
: "${JAVA_HOME:?JAVA_HOME must be a JDK 25}"
unset IDCHECK_HOME   # the installed layout, not a test directory
work="$(mktemp -d)"
# xz at level 1: the packages built here are only installed here (a release build keeps dpkg-deb's default)
export DPKG_DEB_COMPRESSOR_LEVEL="${DPKG_DEB_COMPRESSOR_LEVEL:-1}"
user=idchecksmoke
pids=()
step() { echo "== smoke: $*"; }
fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if dpkg -s idcheck >/dev/null 2>&1; then dpkg --purge idcheck >/dev/null 2>&1 || true; fi
  pkill -u "$user" 2>/dev/null || true; sleep 0.5
  id "$user" >/dev/null 2>&1 && userdel -r "$user" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
# setpriv execs (runuser would fork and wait), and a simple command started with & (not a function, which runs in a
# subshell) has the program's own pid: the central's stop below is the program's, not a wrapper's
as_user=(setpriv --reuid="$user" --regid="$user" --init-groups env HOME="/home/$user" USER="$user" LOGNAME="$user")

step "build two packages: release 1 and a newer build, release 2"
start=$(date +%s)
./mvnw -B -ntp -q -Pinstaller -DskipTests -Dinstaller.release=1 package
cp target/installer/idcheck_*-1_amd64.deb "$work/"
du -sb target/installer/image/idcheck | awk '{printf "app image: %.1f MB\n", $1 / 1048576}'
installer/build.sh "$(ls "$work"/*.deb | sed 's/.*idcheck_\(.*\)-1_amd64.deb/\1/')" deb 2 >/dev/null
cp target/installer/idcheck_*-2_amd64.deb "$work/"
ls -l "$work"/*.deb
echo "packages built in $(( $(date +%s) - start )) s"

step "install release 1 with dpkg -i (apt fetches missing dependencies)"
if ! dpkg -i "$work"/idcheck_*-1_amd64.deb >/dev/null 2>"$work/dpkg.err"; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -f --no-install-recommends >/dev/null
fi
dpkg -s idcheck | grep -q "Status: install ok installed" || { cat "$work/dpkg.err"; fail "idcheck is not installed"; }
[[ -x /usr/bin/idcheck && -x /opt/idcheck/bin/idcheck-console && -x /opt/idcheck/bin/idcheck-technician ]] || fail "launchers missing"
[[ -f /opt/idcheck/lib/idcheck-console.jsa ]] || fail "postinst did not build the console's class-data archive"
[[ -d /etc/idcheck && "$(stat -c %G /etc/idcheck)" == idcheck ]] || fail "/etc/idcheck missing or not group idcheck"
ls /usr/share/applications/idcheck-idcheck-console.desktop /usr/share/applications/idcheck-idcheck-technician.desktop >/dev/null \
  || fail "menu entries missing"
if id "$user" >/dev/null 2>&1; then pkill -u "$user" || true; userdel -r "$user" >/dev/null 2>&1 || true; fi
useradd --create-home --groups idcheck,dialout "$user"

step "idcheck --version"
"${as_user[@]}" idcheck --version | tee "$work/version"
grep -q "^idcheck " "$work/version" || fail "--version printed no version"

step "a read from the serial emulator through a socat pty pair"
socat pty,raw,echo=0,link="$work/ttyA",user="$user" pty,raw,echo=0,link="$work/ttyB",user="$user" 2>/dev/null & pids+=($!)
for _ in $(seq 50); do [[ -e "$work/ttyB" ]] && break; sleep 0.1; done
chmod 755 "$work"
"${as_user[@]}" idcheck emulate-reader --port "$work/ttyA" --card ordinary >/dev/null 2>&1 & pids+=($!)
sleep 2
set +e; "${as_user[@]}" idcheck read --profile ga467-serial --port "$work/ttyB" >"$work/read.json"; rc=$?; set -e
cat "$work/read.json"
[[ $rc -eq 0 ]] || fail "idcheck read exited $rc"
grep -q '"outcome" : "READ"' "$work/read.json" || fail "no card read"
grep -q '1101\*\*\*\*' "$work/read.json" || fail "the ID number is not masked"

step "idcheck central: start, answer, stop"
port=18555
"${as_user[@]}" idcheck central --listen 127.0.0.1:$port --db "jdbc:sqlite:/home/$user/central.db" >"$work/central.out" 2>&1 & central=$!; pids+=($central)
for _ in $(seq 100); do grep -q "central listening" "$work/central.out" && break; sleep 0.1; done
grep "central listening" "$work/central.out" || { cat "$work/central.out"; fail "central did not start"; }
exec 3<>/dev/tcp/127.0.0.1/$port || fail "central does not accept connections"
exec 3>&-
kill -TERM $central
for _ in $(seq 100); do kill -0 $central 2>/dev/null || break; sleep 0.1; done
kill -0 $central 2>/dev/null && fail "central did not stop within 10 s of SIGTERM"
wait $central 2>/dev/null || true
pgrep -u "$user" -f "idcheck central" >/dev/null && fail "a central process is still running"
echo "central stopped"

step "idcheck doctor (a counter account, training configuration)"
set +e; "${as_user[@]}" idcheck doctor >"$work/doctor.txt" 2>&1; rc=$?; set -e
cat "$work/doctor.txt"
grep -q "Java" "$work/doctor.txt" || fail "doctor printed no Java check"

step "upgrade: record results, install release 2, everything is still there"
printf 'counter.id=SMOKE-01\ncounter.kind=STATION_WINDOW\n' > /etc/idcheck/counter.properties
"${as_user[@]}" idcheck simulate --results 3 >/dev/null
"${as_user[@]}" idcheck queue --ids | sort > "$work/ids.before"
[[ $(wc -l < "$work/ids.before") -eq 3 ]] || fail "3 results were not queued"
key=/home/$user/.local/share/idcheck/keys/installation.key
sha256sum "$key" /etc/idcheck/counter.properties > "$work/sums"
dpkg -i "$work"/idcheck_*-2_amd64.deb >/dev/null
dpkg -s idcheck | grep -q "Version: .*-2" || fail "release 2 is not installed"
[[ -f /opt/idcheck/lib/idcheck-console.jsa ]] || fail "the class-data archive was not rebuilt on upgrade"
"${as_user[@]}" idcheck queue --ids | sort > "$work/ids.after"
diff "$work/ids.before" "$work/ids.after" || fail "the queue changed across the upgrade"
sha256sum -c --quiet "$work/sums" || fail "the key or the installation file changed across the upgrade"
"${as_user[@]}" idcheck audit verify >/dev/null || fail "the audit chain is broken after the upgrade"
"${as_user[@]}" idcheck queue | head -5
echo "queue, key, installation file and audit chain intact after the upgrade"

step "remove"
dpkg -r idcheck >/dev/null
[[ ! -e /opt/idcheck/lib/idcheck-console.jsa && ! -e /usr/bin/idcheck ]] || fail "removal left files behind"
[[ -f "$key" ]] || fail "removal touched the account's store"
[[ -f /etc/idcheck/counter.properties ]] || fail "remove (not purge) deleted the installation file"
dpkg --purge idcheck >/dev/null
[[ ! -e /etc/idcheck ]] || fail "purge left /etc/idcheck"
echo "smoke test passed"
