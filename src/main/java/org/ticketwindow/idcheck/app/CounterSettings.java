package org.ticketwindow.idcheck.app;

import org.ticketwindow.idcheck.sync.SyncSettings;
import org.ticketwindow.idcheck.text.Text;
import org.ticketwindow.idcheck.text.Texts;
import org.ticketwindow.idcheck.validation.Problem;
import org.ticketwindow.idcheck.validation.Problems;
import org.ticketwindow.idcheck.verify.CounterKind;
import org.ticketwindow.idcheck.verify.Policy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The counter's installation settings, {@code IDCHECK_HOME/config/counter.properties} (written by the technician):
 * counter id and kind, the central's URL and the counter's TLS files, the sync batch size, the trust list of electronic
 * proof issuers ({@code etp.trust-list}; without it the console cannot accept electronic proofs), the reader
 * ({@code reader.profile}, optional {@code reader.port}) and the audit log's retention. Only the keys below are
 * allowed; every problem is reported as {@code file: key: reason}. No file means training defaults (counter
 * {@code TRAINING-01}, station window, no central).
 */
public record CounterSettings(String counterId, CounterKind counterKind, String centralUrl, Path keyStore,
                              Path keyStorePasswordFile, Path caCertificate, int batchSize, Path etpTrustList,
                              int contactLimit, int retentionDays, String readerProfile, String readerPort,
                              int auditLogDays) {

    static final Set<String> KEYS = Set.of("counter.id", "counter.kind", "central.url", "central.keystore",
            "central.keystore-password-file", "central.ca", "sync.batch-size", "etp.trust-list", "policy.contact-limit",
            "store.retention-days", "reader.profile", "reader.port", "log.audit-retention-days");
    /** What a supervisor may change from the console; the counter's identity and kind stay the technician's. */
    public static final List<String> SUPERVISOR_KEYS = List.of("central.url", "central.keystore", "central.keystore-password-file",
            "central.ca", "etp.trust-list", "policy.contact-limit", "store.retention-days");
    /** PD2: synced results keep their evidence this long by default. */
    public static final int DEFAULT_RETENTION_DAYS = 180;
    /** The audit log files are kept at least six months; a little more by default so a half-year review finds them. */
    public static final int DEFAULT_AUDIT_LOG_DAYS = 190;
    public static final int MIN_AUDIT_LOG_DAYS = 183;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public static final CounterSettings TRAINING = new CounterSettings("TRAINING-01", CounterKind.STATION_WINDOW, null,
            null, null, null, SyncSettings.DEFAULT.batchSize(), null, Policy.DEFAULT.contactLimit(), DEFAULT_RETENTION_DAYS, null, null, DEFAULT_AUDIT_LOG_DAYS);

    public static CounterSettings load(Path file) { return load(file, file); }

    /** Reads {@code read}; problems name {@code file} (a candidate is reported under the file it will replace). */
    private static CounterSettings load(Path read, Path file) {
        if (!Files.exists(read)) return TRAINING;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(read, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException(Text.of("settings.unreadable", file.toString(), String.valueOf(e.getMessage())));
        }
        Problems problems = new Problems(); // the one collector of every file a person writes (decision 0015)
        problems.unknownKeys(file.toString(), "", p.stringPropertyNames().iterator(), KEYS);
        String id = p.getProperty("counter.id", TRAINING.counterId()).strip();
        if (!ID.matcher(id).matches()) problem(problems, file, "counter.id", "settings.id");
        CounterKind kind = TRAINING.counterKind();
        String k = p.getProperty("counter.kind");
        if (k != null) {
            try {
                kind = CounterKind.valueOf(k.strip());
            } catch (IllegalArgumentException e) {
                problem(problems, file, "counter.kind", "settings.kind");
            }
        }
        int batch = TRAINING.batchSize();
        String b = p.getProperty("sync.batch-size");
        if (b != null) {
            try {
                batch = Integer.parseInt(b.strip());
                if (batch < 1 || batch > 5000) problem(problems, file, "sync.batch-size", "settings.range", 1, 5000);
            } catch (NumberFormatException e) {
                problem(problems, file, "sync.batch-size", "settings.range", 1, 5000);
            }
        }
        int contactLimit = number(p, "policy.contact-limit", TRAINING.contactLimit(), 1, 1000, file, problems);
        int retentionDays = number(p, "store.retention-days", TRAINING.retentionDays(), 1, 3650, file, problems);
        int auditLogDays = number(p, "log.audit-retention-days", DEFAULT_AUDIT_LOG_DAYS, MIN_AUDIT_LOG_DAYS, 3650, file, problems);
        String readerProfile = blankToNull(p.getProperty("reader.profile"));
        String readerPort = blankToNull(p.getProperty("reader.port"));
        if (readerProfile != null && !ID.matcher(readerProfile).matches()) problem(problems, file, "reader.profile", "settings.profile");
        if (readerPort != null && readerProfile == null) problem(problems, file, "reader.port", "settings.portNeedsProfile");
        Path keyStore = path(p, "central.keystore", file, problems);
        Path password = path(p, "central.keystore-password-file", file, problems);
        Path ca = path(p, "central.ca", file, problems);
        Path trust = path(p, "etp.trust-list", file, problems);
        String url = p.getProperty("central.url");
        if (url != null && url.strip().startsWith("https://") && (keyStore == null || password == null || ca == null)) {
            problem(problems, file, "central.url", "settings.httpsNeedsKeys");
        }
        if (!problems.isEmpty()) throw new SettingsException(problems);
        return new CounterSettings(id, kind, url == null ? null : url.strip(), keyStore, password, ca, batch, trust, contactLimit, retentionDays,
                readerProfile, readerPort, auditLogDays);
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static int number(Properties p, String key, int fallback, int min, int max, Path file, Problems problems) {
        String v = p.getProperty(key);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem(problems, file, key, "settings.range", min, max);
        return fallback;
    }

    /**
     * A supervisor's change of {@link #SUPERVISOR_KEYS} (an empty value removes the key): written to a candidate file
     * beside {@code file}, validated as a whole, and only then put in place (atomically), so a bad value leaves the
     * file as it was and says file, key and reason.
     */
    public static CounterSettings save(Path file, java.util.Map<String, String> changes) throws IOException {
        for (String k : changes.keySet()) {
            if (!SUPERVISOR_KEYS.contains(k)) {
                Problems refused = new Problems();
                problem(refused, file, k, "settings.notSupervisors");
                throw new SettingsException(refused);
            }
        }
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        changes.forEach((k, v) -> {
            if (v == null || v.isBlank()) p.remove(k); else p.setProperty(k, v.strip());
        });
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path candidate = file.resolveSibling(file.getFileName() + ".new");
        try (var w = Files.newBufferedWriter(candidate, StandardCharsets.UTF_8)) {
            p.store(w, "counter settings (technician; supervisor keys changed from the console)");
        }
        try {
            CounterSettings loaded = load(candidate, file);
            Files.move(candidate, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return loaded;
        } catch (SettingsException e) {
            Files.deleteIfExists(candidate);
            throw e;
        }
    }

    public Policy policy() { return new Policy(contactLimit); }

    private static Path path(Properties p, String key, Path file, Problems problems) {
        String v = p.getProperty(key);
        if (v == null) return null;
        Path path = file.getParent().resolve(v.strip());
        if (!Files.isReadable(path)) problem(problems, file, key, "settings.pathUnreadable", path.toString());
        return path;
    }

    /** Settings that cannot be used, with every problem found. */
    /** One problem of the file: "file: key: reason", the reason by its key ({@code settings.*}) and arguments. */
    private static void problem(Problems problems, Path file, String key, String reason, Object... args) {
        problems.add(file.toString(), key, Text.of(reason, args));
    }

    /** Settings that cannot be used: every problem as a text (the message is their English, one per line). */
    public static final class SettingsException extends RuntimeException {
        private final List<Text> problems;

        public SettingsException(Problems problems) {
            super(Problems.lines(problems.all()));
            this.problems = problems.all().stream().map(Problem::asText).toList();
        }

        /** The file as a whole cannot be used (it cannot be read). */
        public SettingsException(Text problem) {
            super(Texts.english().of(problem));
            this.problems = List.of(problem);
        }

        /** A problem found outside the file's own checks (a profile or keystore the file names), in English only. */
        public SettingsException(String message) {
            super(message);
            this.problems = List.of(Text.of("settings.other", message));
        }

        public List<Text> problems() { return problems; }
    }
}
