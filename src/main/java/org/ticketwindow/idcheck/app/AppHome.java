package org.ticketwindow.idcheck.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the console keeps things. Four places, because they have different owners:
 * <ul>
 * <li>{@link #config()}: the installation configuration the technician writes (counter.properties, profile overrides);
 *     machine-wide when installed ({@code /etc/idcheck}, {@code %ProgramData%\idcheck\config});</li>
 * <li>{@link #state()}: the store, its key, training data and diagnostics bundles of the account running the console;</li>
 * <li>{@link #logs()}: the rolling application log and the audit log;</li>
 * <li>{@link #userConfig()}: one person's display preferences (theme, text size, sounds).</li>
 * </ul>
 * {@code IDCHECK_HOME} (or {@code -Didcheck.home}) puts all four in one directory, so tests, trainers and benchmarks run
 * isolated instances. The installed launchers pass {@code -Didcheck.layout=installed}, which selects the OS locations
 * (docs/decisions/0010-installation-layout.md); otherwise (a checkout) everything is under the per-user data directory.
 */
public record AppHome(Path config, Path state, Path logs, Path userConfig) {

    /** Everything in one directory (IDCHECK_HOME). */
    public AppHome(Path dir) {
        this(dir.resolve("config"), dir, dir.resolve("logs"), dir.resolve("config"));
    }

    public static AppHome resolve() {
        return resolve(System.getenv(), System.getProperty("idcheck.home"), System.getProperty("idcheck.layout"),
                System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static AppHome resolve(Map<String, String> env, String homeProperty, String layout, String osName, String userHome) {
        String dir = env.get("IDCHECK_HOME");
        if (dir != null && !dir.isBlank()) return new AppHome(Path.of(dir));
        if (homeProperty != null && !homeProperty.isBlank()) return new AppHome(Path.of(homeProperty));
        boolean windows = osName.toLowerCase(Locale.ROOT).contains("win");
        Path perUserData = windows ? Path.of(or(env.get("LOCALAPPDATA"), userHome + "\\AppData\\Local"), "idcheck")
                : Path.of(or(env.get("XDG_DATA_HOME"), userHome + "/.local/share"), "idcheck");
        if (!"installed".equals(layout)) return new AppHome(perUserData);
        if (windows) {
            Path machine = Path.of(or(env.get("ProgramData"), "C:\\ProgramData"), "idcheck");
            return new AppHome(machine.resolve("config"), perUserData, perUserData.resolve("logs"),
                    Path.of(or(env.get("APPDATA"), userHome + "\\AppData\\Roaming"), "idcheck"));
        }
        return new AppHome(Path.of("/etc/idcheck"), perUserData,
                Path.of(or(env.get("XDG_STATE_HOME"), userHome + "/.local/state"), "idcheck", "logs"),
                Path.of(or(env.get("XDG_CONFIG_HOME"), userHome + "/.config"), "idcheck"));
    }

    private static String or(String value, String fallback) {
        return value != null && !value.isBlank() ? value : fallback;
    }

    /** The technician's hardware profile overrides (allow-listed keys only). */
    public Path profileOverrides() { return config.resolve("hardware-profiles.override.yaml"); }

    /** The local store (SQLite database and its WAL). */
    public Path data() { return state.resolve("data"); }

    /** The installation key (owner-only), kept apart from the database it protects. */
    public Path keyFile() { return state.resolve("keys").resolve("installation.key"); }

    /** The counter's installation settings (counter id and kind, central URL and certificates). */
    public Path counterSettings() { return config.resolve("counter.properties"); }

    /** The display preferences of the person using this account. */
    public Path uiPreferences() { return userConfig.resolve("ui.properties"); }

    /** Where the technician's diagnostics bundles are written. */
    public Path diagnostics() { return state.resolve("diagnostics"); }

    /** The application log's file name in {@link #logs()}; the audit log is {@code audit.log}. */
    public Path applicationLog() { return logs.resolve("idcheck.log"); }

    public Path auditLog() { return logs.resolve("audit.log"); }
}
