package org.ticketwindow.idcheck.app;

import org.ticketwindow.idcheck.sync.SyncSettings;
import org.ticketwindow.idcheck.verify.CounterKind;

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
 * proof issuers ({@code etp.trust-list}; without it the console cannot accept electronic proofs). Only the keys below are
 * allowed; every problem is reported as {@code file: key: reason}. No file means training defaults (counter
 * {@code TRAINING-01}, station window, no central).
 */
public record CounterSettings(String counterId, CounterKind counterKind, String centralUrl, Path keyStore,
                              Path keyStorePasswordFile, Path caCertificate, int batchSize, Path etpTrustList) {

    static final Set<String> KEYS = Set.of("counter.id", "counter.kind", "central.url", "central.keystore",
            "central.keystore-password-file", "central.ca", "sync.batch-size", "etp.trust-list");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public static final CounterSettings TRAINING = new CounterSettings("TRAINING-01", CounterKind.STATION_WINDOW, null,
            null, null, null, SyncSettings.DEFAULT.batchSize(), null);

    public static CounterSettings load(Path file) {
        if (!Files.exists(file)) return TRAINING;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException(file + ": cannot be read: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (String k : p.stringPropertyNames()) if (!KEYS.contains(k)) problems.add(file + ": " + k + ": unknown key (allowed: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
        String id = p.getProperty("counter.id", TRAINING.counterId()).strip();
        if (!ID.matcher(id).matches()) problems.add(file + ": counter.id: 1–64 letters, digits, _ . -");
        CounterKind kind = TRAINING.counterKind();
        String k = p.getProperty("counter.kind");
        if (k != null) {
            try {
                kind = CounterKind.valueOf(k.strip());
            } catch (IllegalArgumentException e) {
                problems.add(file + ": counter.kind: must be STATION_WINDOW or AGENCY");
            }
        }
        int batch = TRAINING.batchSize();
        String b = p.getProperty("sync.batch-size");
        if (b != null) {
            try {
                batch = Integer.parseInt(b.strip());
                if (batch < 1 || batch > 5000) problems.add(file + ": sync.batch-size: must be 1 to 5000");
            } catch (NumberFormatException e) {
                problems.add(file + ": sync.batch-size: not a number");
            }
        }
        Path keyStore = path(p, "central.keystore", file, problems);
        Path password = path(p, "central.keystore-password-file", file, problems);
        Path ca = path(p, "central.ca", file, problems);
        Path trust = path(p, "etp.trust-list", file, problems);
        String url = p.getProperty("central.url");
        if (url != null && url.strip().startsWith("https://") && (keyStore == null || password == null || ca == null)) {
            problems.add(file + ": central.url: an https central needs central.keystore, central.keystore-password-file and central.ca");
        }
        if (!problems.isEmpty()) throw new SettingsException(String.join("\n", problems));
        return new CounterSettings(id, kind, url == null ? null : url.strip(), keyStore, password, ca, batch, trust);
    }

    private static Path path(Properties p, String key, Path file, List<String> problems) {
        String v = p.getProperty(key);
        if (v == null) return null;
        Path path = file.getParent().resolve(v.strip());
        if (!Files.isReadable(path)) problems.add(file + ": " + key + ": " + path + " cannot be read");
        return path;
    }

    /** Settings that cannot be used, with every problem found. */
    public static final class SettingsException extends RuntimeException {
        public SettingsException(String message) {
            super(message);
        }
    }
}
