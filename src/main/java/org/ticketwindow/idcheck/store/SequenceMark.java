package org.ticketwindow.idcheck.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The highest sequence number each counter has used, kept outside the database ({@code keys/sequence.mark}, beside the
 * installation key) so that a store restored from an older copy, emptied or deleted cannot silently start numbering
 * again: the central would reject every later result as a reused sequence (S3, issue 15). Raised after every recorded
 * result, never lowered; written whole ({@link AtomicFiles}) under a file lock, so two processes recording at once
 * keep the higher number. One line per counter: {@code COUNTER SEQUENCE}.
 */
public final class SequenceMark {
    private final Path file;

    public SequenceMark(Path file) {
        this.file = file;
    }

    /** Beside the installation key of a store in {@code dataDir}: {@code ../keys/sequence.mark}. */
    public static SequenceMark forStore(Path dataDir) {
        return new SequenceMark(dataDir.toAbsolutePath().resolveSibling("keys").resolve("sequence.mark"));
    }

    public Path file() { return file; }

    /** The mark, or empty when there is none (a new installation, or one from before marks). */
    public Optional<Map<String, Long>> read() {
        try {
            return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new StoreException(StoreException.Kind.KEY, "cannot read the sequence mark " + file + ": " + e.getMessage()
                    + "; restore it from the backup taken with the installation key (docs/technician-guide.md)", e);
        }
    }

    /** Raises the mark to at least {@code highest} for each counter (creating it when missing); never lowers it. */
    public void raise(Map<String, Long> highest) throws IOException {
        AtomicFiles.ownerOnlyDirectory(file.toAbsolutePath().getParent());
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            Map<String, Long> now = new TreeMap<>();
            try {
                now.putAll(parse(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (NoSuchFileException none) {
                // first mark
            }
            boolean changed = !Files.exists(file);
            for (Map.Entry<String, Long> e : highest.entrySet()) {
                Long was = now.get(e.getKey());
                if (was == null || was < e.getValue()) {
                    now.put(e.getKey(), e.getValue());
                    changed = true;
                }
            }
            if (!changed) return;
            StringBuilder out = new StringBuilder("# highest sequence number used per counter; never lower it (docs/store.md)\n");
            now.forEach((k, v) -> out.append(k).append(' ').append(v).append('\n'));
            AtomicFiles.replace(file, out.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Map<String, Long> parse(String text) {
        Map<String, Long> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] parts = t.split(" ");
            if (parts.length != 2) throw new IllegalArgumentException("a line is not COUNTER SEQUENCE");
            out.put(parts[0], Long.parseLong(parts[1]));
        }
        return out;
    }
}
