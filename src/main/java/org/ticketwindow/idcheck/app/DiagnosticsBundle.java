package org.ticketwindow.idcheck.app;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.ticketwindow.idcheck.reader.Calibration;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.SamHealth;
import org.ticketwindow.idcheck.store.QueueStatus;
import org.ticketwindow.idcheck.wire.WireJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The diagnostics bundle a technician sends to support (technician screen): one zip with the environment, the hardware
 * profile in use and the override file, the SAM status, the last calibration report, the queue counts and the
 * application logs. Logs are written through the masking layout (PD1), and nothing else here carries personal data:
 * the calibration report and SAM status hold outcomes, times and codes only; the queue only counts.
 */
public final class DiagnosticsBundle {
    /** A log larger than this goes in as its last part only. */
    static final long MAX_LOG_BYTES = 5L * 1024 * 1024;

    private DiagnosticsBundle() {}

    /** What the bundle describes; any part may be absent (no reader, no calibration run yet). */
    public record Contents(AppHome home, String counterId, String counterKind, boolean training, String version,
                           List<String> fonts, Optional<HardwareProfile> profile, Optional<SamHealth> sam,
                           Optional<Calibration.Report> calibration, Optional<QueueStatus> queue, List<String> readersFound) {}

    /** Writes the zip to {@code target} (through a temporary file, so a failed export leaves no half zip). */
    public static void write(Contents c, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        Files.deleteIfExists(tmp);
        org.ticketwindow.idcheck.store.AtomicFiles.createOwnerOnly(tmp); // owner-only whatever the umask (the rename keeps the mode)
        try (OutputStream out = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.WRITE); ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            text(zip, "environment.txt", environment(c));
            text(zip, "readers.txt", c.readersFound().isEmpty() ? "(none found)\n" : String.join("\n", c.readersFound()) + "\n");
            if (c.profile().isPresent() && c.profile().get().source() != null && Files.isReadable(c.profile().get().source())) {
                file(zip, "profile/" + c.profile().get().source().getFileName(), c.profile().get().source(), Long.MAX_VALUE);
            }
            if (Files.isReadable(c.home().profileOverrides())) file(zip, "profile/override.yaml", c.home().profileOverrides(), Long.MAX_VALUE);
            text(zip, "sam.txt", c.sam().map(DiagnosticsBundle::sam).orElse("no reader in use\n"));
            if (c.calibration().isPresent()) {
                text(zip, "calibration.json", WireJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(c.calibration().get()));
            }
            text(zip, "queue.txt", c.queue().map(q -> "queued=" + q.queued() + "\nsending=" + q.sending() + "\nparked=" + q.parked()
                    + "\nsynced=" + q.synced() + "\noldestQueuedAgeSeconds=" + q.oldestQueuedAgeSeconds() + "\n").orElse("unknown\n"));
            Path logDir = org.ticketwindow.idcheck.app.logging.LogDirectory.path(); // where logback writes, not a guess
            if (Files.isDirectory(logDir)) {
                try (Stream<Path> logs = Files.list(logDir)) {
                    // the current files only: rolled archives are compressed, and a tail of a .gz is unreadable
                    for (Path log : logs.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".log")).sorted().toList()) {
                        file(zip, "logs/" + log.getFileName(), log, MAX_LOG_BYTES);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String environment(Contents c) {
        Runtime rt = Runtime.getRuntime();
        return "created=" + Instant.now() + "\nversion=" + c.version() + "\ncounter=" + c.counterId() + "\nkind=" + c.counterKind()
                + "\ntraining=" + c.training() + "\njava=" + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                + ")\njavafx=" + System.getProperty("javafx.version", "?") + "\nos=" + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch") + "\nprocessors=" + rt.availableProcessors()
                + "\nmaxHeapMb=" + rt.maxMemory() / (1024 * 1024) + "\nconfig=" + c.home().config().toAbsolutePath()
                + "\nstate=" + c.home().state().toAbsolutePath() + "\nlogs=" + c.home().logs().toAbsolutePath()
                + "\nchineseFonts=" + (c.fonts().isEmpty() ? "NONE FOUND" : String.join(", ", c.fonts())) + "\n";
    }

    private static String sam(SamHealth h) {
        return "healthy=" + h.healthy() + "\n" + h.fault().map(f -> "fault=" + f.kind() + f.status().map(s -> " " + s.hex()).orElse("")
                + "\ndetail=" + f.detail() + "\n").orElse("") + h.samId().map(id -> "samId=" + id + "\n").orElse("");
    }

    private static void text(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void file(ZipOutputStream zip, String name, Path file, long maxBytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            if (size > maxBytes) in.skipNBytes(size - maxBytes); // the most recent part is what support needs
            in.transferTo(zip);
        }
        zip.closeEntry();
    }
}
