package org.ticketwindow.idcheck.app.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketwindow.idcheck.store.AuditTrail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * At start, the audit log file catches up with the store's audit chain (entries committed just before a kill never
 * reached it). What the file has is read from {@code audit.log} and the newest rolled {@code audit.DATE.log.gz}: each
 * line carries its entry's MAC prefix, which is unique to this store's chain.
 */
public final class AuditLogCatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogCatchUp.class);
    private static final Pattern MAC = Pattern.compile(" mac=([0-9a-f]{16})\\s*$", Pattern.MULTILINE);

    private AuditLogCatchUp() {}

    /** Writes what the file lacks; returns how many entries. Never fails a start: a problem is one warning. */
    public static int run(AuditTrail audit, Path logDir) {
        try {
            Set<String> macs = new HashSet<>();
            read(logDir.resolve("audit.log"), macs);
            newestRolled(logDir).ifPresent(f -> read(f, macs));
            int n = audit.catchUpLog(macs::contains);
            if (n > 0) LOG.warn("the audit log file lacked the newest {} entries of the audit trail; written now", n);
            return n;
        } catch (RuntimeException e) {
            LOG.warn("the audit log file could not be brought up to date ({})", e.getMessage());
            return 0;
        }
    }

    private static void read(Path file, Set<String> macs) {
        if (!Files.isRegularFile(file)) return;
        try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            Matcher m = MAC.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) macs.add(m.group(1));
        } catch (IOException e) {
            LOG.warn("cannot read {} ({})", file, e.getMessage());
        }
    }

    private static Optional<Path> newestRolled(Path logDir) {
        if (!Files.isDirectory(logDir)) return Optional.empty();
        try (Stream<Path> files = Files.list(logDir)) {
            return files.filter(f -> f.getFileName().toString().matches("audit\\.\\d{4}-\\d{2}-\\d{2}\\.log\\.gz"))
                    .max(Comparator.comparing(f -> f.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
