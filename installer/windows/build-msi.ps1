# Builds the Windows installer (.msi) of the console: the same jlink runtime and launchers as installer/build.sh,
# packaged per machine with Start-menu entries and an upgrade code that never changes.
# UNTESTED: written and reviewed on Linux, where jpackage cannot build an .msi (installer/windows/README.md says what was
# and was not checked). Run on Windows 10/11 x64 from the project root, after `.\mvnw.cmd -DskipTests package`:
#   powershell -ExecutionPolicy Bypass -File installer\windows\build-msi.ps1 -Version 0.1.0
# Needs: a Temurin JDK 25 (JAVA_HOME) and WiX (3.14, or 5.0.x with its Util and UI extensions), on PATH.
param([Parameter(Mandatory = $true)][string]$Version)
$ErrorActionPreference = 'Stop'
$root = Resolve-Path "$PSScriptRoot\..\.."
$out = "$root\target\installer-windows"
$jdk = $env:JAVA_HOME
if (-not (Test-Path "$jdk\bin\jpackage.exe")) { throw "JAVA_HOME must point to a JDK 25 (jpackage.exe not found in $jdk\bin)" }
Remove-Item -Recurse -Force $out -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$out\input", "$out\fx", "$out\resources" | Out-Null

# The app: our jar and its libraries except JavaFX, the hardware profiles and the configuration example.
$jar = Get-ChildItem "$root\target\idcheck-*.jar" | Where-Object { $_.Name -notmatch 'sources|tests' } | Select-Object -First 1
Copy-Item $jar.FullName "$out\input\idcheck.jar"
Get-ChildItem "$root\target\lib\*.jar" | Where-Object { $_.Name -notlike 'javafx-*' } | Copy-Item -Destination "$out\input"
Copy-Item -Recurse "$root\hardware-profiles" "$out\input\hardware-profiles"
Copy-Item "$root\installer\counter.properties.example" "$out\input"
# JavaFX for Windows: the -win jars (Maven resolves the build machine's classifier, so on Windows they are in target\lib)
Copy-Item "$root\target\lib\javafx-*-win.jar" "$out\fx"

# Only Windows x64 natives in the SQLite driver and the serial library (as build.sh keeps only Linux x64).
Add-Type -AssemblyName System.IO.Compression.FileSystem
# Deletes the native libraries (file name like $native) that are not under $keep.
function Remove-Natives($jarPath, $native, $keep) {
  $zip = [System.IO.Compression.ZipFile]::Open($jarPath, 'Update')
  @($zip.Entries | Where-Object { $_.Name -like $native -and $_.FullName -notlike "$keep*" }) | ForEach-Object { $_.Delete() }
  $zip.Dispose()
}
Remove-Natives (Get-ChildItem "$out\input\sqlite-jdbc-*.jar").FullName '*sqlitejdbc*' 'org/sqlite/native/Windows/x86_64/'
Remove-Natives (Get-ChildItem "$out\input\jSerialComm-*.jar").FullName '*jSerialComm*' 'Windows/x86_64/'
$modules = ((Get-Content "$root\installer\runtime-modules.txt" | Where-Object { $_ -and -not $_.StartsWith('#') }) +
  'jdk.crypto.mscapi') -join ','
& "$jdk\bin\jlink.exe" --module-path "$out\fx" --add-modules $modules --include-locales=zh,en --strip-debug `
  --no-header-files --no-man-pages --compress=zip-6 --generate-cds-archive --output "$out\runtime"
if ($LASTEXITCODE -ne 0) { throw "jlink failed" }
Remove-Item "$out\runtime\bin\server\classes_nocoops.jsa" -ErrorAction SilentlyContinue
# JavaFX's DLLs travel inside its jars; in a linked runtime it loads them from the runtime's bin directory.
foreach ($fx in Get-ChildItem "$out\fx\*.jar") {
  $zip = [System.IO.Compression.ZipFile]::OpenRead($fx.FullName)
  $zip.Entries | Where-Object { $_.Name -like '*.dll' } | ForEach-Object {
    [System.IO.Compression.ZipFileExtensions]::ExtractToFile($_, "$out\runtime\bin\$($_.Name)", $true) }
  $zip.Dispose()
}

$common = @('--enable-native-access=ALL-UNNAMED,javafx.graphics,javafx.media',
  '--add-opens', 'java.smartcardio/sun.security.smartcardio=ALL-UNNAMED',
  '-Dsun.security.smartcardio.t0GetResponse=false', '-Dsun.security.smartcardio.t1GetResponse=false',
  '-Didcheck.profiles.dir=$APPDIR\hardware-profiles', '-Didcheck.layout=installed')
# the console's JVM options, written once for every launcher (decision 0019)
$consoleOpts = (Get-Content "$root\installer\console-jvm-options.txt" | Where-Object { $_.Trim() -and -not $_.StartsWith('#') }) -join ' '
Set-Content -Encoding UTF8 "$out\console.properties" @"
arguments=console
java-options=$($common -join ' ') $consoleOpts
win-console=false
win-shortcut=true
win-menu=true
icon=$root\installer\icons\idcheck.ico
description=窗口身份核验台
"@
Set-Content -Encoding UTF8 "$out\technician.properties" @"
arguments=console --technician
java-options=$($common -join ' ') $consoleOpts -Didcheck.log.level=DEBUG
win-console=false
win-shortcut=false
win-menu=true
icon=$root\installer\icons\idcheck-technician.ico
description=窗口身份核验台（技术人员）
"@
$javaOptions = $common | ForEach-Object { '--java-options'; $_ }

# The main launcher "idcheck" is the command line (idcheck doctor, idcheck read ...): a console program, no shortcut.
# Upgrade code: fixed for the product's life; a newer version replaces the installed one and keeps %ProgramData%\idcheck
# and every account's %LOCALAPPDATA%\idcheck (the installer never writes there).
& "$jdk\bin\jpackage.exe" --type msi --dest $out --name idcheck --app-version $Version --vendor 'Ticket Window' `
  --description '窗口身份核验台 identity verification console' `
  --input "$out\input" --main-jar idcheck.jar --main-class org.ticketwindow.idcheck.cli.Main `
  --runtime-image "$out\runtime" @javaOptions --icon "$root\installer\icons\idcheck.ico" --win-console `
  --add-launcher "idcheck-console=$out\console.properties" `
  --add-launcher "idcheck-technician=$out\technician.properties" `
  --win-upgrade-uuid '6f1f3c2e-8d4b-4c55-9a51-2b7f0c8e4d13' --win-menu-group '窗口身份核验台' `
  --win-dir-chooser --install-dir 'idcheck' --resource-dir "$out\resources"
if ($LASTEXITCODE -ne 0) { throw "jpackage failed" }
Get-ChildItem "$out\*.msi"
