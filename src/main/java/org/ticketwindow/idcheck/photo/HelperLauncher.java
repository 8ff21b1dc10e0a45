package org.ticketwindow.idcheck.photo;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the helper process is started: this same artifact on this same Java runtime, running the hidden command
 * {@code idcheck photo-helper}. The JVM options keep it small and make sure a crash leaves nothing outside its
 * private working directory (no core dump, the crash report inside the directory, which is wiped).
 *
 * @param java      the {@code java} program
 * @param classPath the console's class path
 */
public record HelperLauncher(Path java, String classPath) {
    /** The console's entry point ({@code org.ticketwindow.idcheck.cli.Main}); by name, so that this package stays below cli. */
    static final String MAIN_CLASS = "org.ticketwindow.idcheck.cli.Main";
    static final String COMMAND = "photo-helper";
    /** The JVM's crash report, inside the private directory. */
    static final String CRASH_REPORT = "hs_err.log";

    /** The running console's runtime and class path. */
    public static HelperLauncher sameRuntime() {
        Path home = Path.of(System.getProperty("java.home"));
        Path java = home.resolve("bin").resolve(System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        return new HelperLauncher(java, absolute(System.getProperty("java.class.path", "")));
    }

    /** The helper runs in another directory: relative class path entries ({@code -cp target/classes}) are made absolute. */
    static String absolute(String classPath) {
        List<String> out = new ArrayList<>();
        for (String e : classPath.split(File.pathSeparator)) {
            if (e.isEmpty()) continue;
            boolean wildcard = e.endsWith("*") && (e.length() == 1 || e.charAt(e.length() - 2) == '/' || e.charAt(e.length() - 2) == '\\');
            String base = wildcard ? e.substring(0, e.length() - 1) : e;
            String abs = Path.of(base.isEmpty() ? "." : base).toAbsolutePath().normalize().toString();
            out.add(wildcard ? abs + File.separator + "*" : abs);
        }
        return String.join(File.pathSeparator, out);
    }

    /** The command line for one helper whose working directory is {@code dir}. */
    List<String> command(DecoderSettings s, Path dir) {
        List<String> c = new ArrayList<>(List.of(java.toString(),
                "-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + dir.resolve(CRASH_REPORT),
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true",
                "-Didcheck.log.dir=" + dir,
                "-cp", classPath, MAIN_CLASS, COMMAND,
                "--library", s.library(), "--interface", s.iface().symbol()));
        s.vendorCode().ifPresent(v -> c.addAll(List.of("--vendor-code", Integer.toString(v))));
        return c;
    }

    /** The runtime's {@code java} program exists (a linked runtime without it cannot run the helper). */
    public boolean available() { return Files.isExecutable(java); }
}
