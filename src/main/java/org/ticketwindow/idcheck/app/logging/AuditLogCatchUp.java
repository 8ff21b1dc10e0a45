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
 * reached it). Each line carries its entry's MAC prefix, unique to this store's chain, and the chain is walked back
 * from its newest entry to the first the file has: so only the file's newest lines matter. They are read from the
 * end of {@code audit.log} (a busy day's file is hundreds of megabytes: reading it whole took seconds at every start),
 * and from the newest rolled {@code audit.DATE.log.gz} only when {@code audit.log} names no entry (just rolled).
 */
public final class AuditLogCatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogCatchUp.class);
    private static final Pattern MAC = Pattern.compile(" mac=([0-9a-f]{16})\\s*$", Pattern.MULTILINE);
    /** How much of the end of {@code audit.log} is read first: hundreds of entries; the whole file if none is in it. */
    public static final int TAIL_BYTES = 256 * 1024;

    private AuditLogCatchUp() {}

    /** Writes what the file lacks; returns how many entries. Never fails a start: a problem is one warning. */
    public static int run(AuditTrail audit, Path logDir) {
        try {
            Set<String> macs = new HashSet<>();
            readTail(logDir.resolve("audit.log"), macs);
            if (macs.isEmpty()) newestRolled(logDir).ifPresent(f -> read(f, macs));
            int n = audit.catchUpLog(macs::contains);
            if (n > 0) LOG.warn("the audit log file lacked the newest {} entries of the audit trail; written now", n);
            return n;
        } catch (RuntimeException e) {
            LOG.warn("the audit log file could not be brought up to date ({})", e.getMessage());
            return 0;
        }
    }

    private static void readTail(Path file, Set<String> macs) {
        if (!Files.isRegularFile(file)) return;
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            if (size <= TAIL_BYTES) {
                read(file, macs);
                return;
            }
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(TAIL_BYTES);
            ch.position(size - TAIL_BYTES);
            while (tail.hasRemaining() && ch.read(tail) >= 0) { /* reads to the end */ }
            collect(new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8), macs);
            if (macs.isEmpty()) read(file, macs); // no entry of the chain near the end: the whole file, as before
        } catch (IOException e) {
            LOG.warn("cannot read {} ({})", file, e.getMessage());
        }
    }

    private static void collect(String text, Set<String> macs) {
        Matcher m = MAC.matcher(text);
        while (m.find()) macs.add(m.group(1));
    }

    private static void read(Path file, Set<String> macs) {
        if (!Files.isRegularFile(file)) return;
        try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            collect(new String(in.readAllBytes(), StandardCharsets.UTF_8), macs);
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
