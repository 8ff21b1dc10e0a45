package org.ticketwindow.idcheck.app;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The directory for the store, keys, configuration and logs: {@code IDCHECK_HOME} when set (tests, trainers and
 * benchmarks run isolated instances this way), else the OS's application data directory.
 */
public record AppHome(Path dir) {

    public static AppHome resolve() {
        String env = System.getenv("IDCHECK_HOME");
        if (env != null && !env.isBlank()) return new AppHome(Path.of(env));
        String prop = System.getProperty("idcheck.home");
        if (prop != null && !prop.isBlank()) return new AppHome(Path.of(prop));
        return new AppHome(osDefault());
    }

    static Path osDefault() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "idcheck");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "idcheck");
        String xdg = System.getenv("XDG_DATA_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : home + "/.local/share", "idcheck");
    }

    public Path config() { return dir.resolve("config"); }

    /** The technician's hardware profile overrides (allow-listed keys only). */
    public Path profileOverrides() { return config().resolve("hardware-profiles.override.yaml"); }

    public Path logs() { return dir.resolve("logs"); }

    /** The local store (SQLite database and its WAL). */
    public Path data() { return dir.resolve("data"); }

    /** The installation key (owner-only), kept apart from the database it protects. */
    public Path keyFile() { return dir.resolve("keys").resolve("installation.key"); }

    /** The counter's installation settings (counter id and kind, central URL and certificates). */
    public Path counterSettings() { return config().resolve("counter.properties"); }
}
