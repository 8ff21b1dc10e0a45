package org.ticketwindow.idcheck.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The counter's store, opened once per process: {@code DIR/idcheck.db} migrated to the current schema, the
 * installation keys from the {@link KeySource}, results that were on the wire when the last process stopped put back
 * in the queue. {@link #readiness()} is what the console asks before it starts a case.
 */
public final class LocalStore implements AutoCloseable {
    /** Below this much free space a case is not started: its result might not fit. */
    public static final long MIN_FREE_BYTES = 64L * 1024 * 1024;
    public static final String FILE_NAME = "idcheck.db";

    private final Path file;
    private final SqlDatabase db;
    private final ResultQueue results;
    private final ClerkAccounts clerks;
    private final AuditTrail audit;
    private final long minFreeBytes;
    private final IntegrityWatch integrity;

    private LocalStore(Path file, SqlDatabase db, InstallationKeys keys, SequenceMark mark, IntegrityWatch integrity, Clock clock,
                       long minFreeBytes) {
        this.file = file;
        this.db = db;
        this.integrity = integrity;
        this.audit = new AuditTrail(db, keys.auditChain(), clock);
        this.results = new ResultQueue(db, new FieldCipher(keys.fieldEncryption()), audit, mark, integrity, clock);
        this.clerks = new ClerkAccounts(db, audit, clock);
        this.minFreeBytes = minFreeBytes;
    }

    /** How a store is opened: for work, for looking only, or by a technician accepting it as it is. */
    private enum Mode { WORK, INSPECT, ACCEPT, ACCEPT_NEW_KEY }

    public static LocalStore open(Path dir, KeySource keySource, Clock clock) {
        return open(dir, keySource, clock, MIN_FREE_BYTES);
    }

    public static LocalStore open(Path dir, KeySource keySource, Clock clock, long minFreeBytes) {
        return open(dir, keySource, clock, minFreeBytes, Mode.WORK, null);
    }

    /**
     * For looking only ({@code idcheck doctor}), possibly while a console uses the store: results a running console is
     * sending are not put back in the queue, as opening for work does after a crash, and the sequence mark is not written.
     */
    public static LocalStore inspect(Path dir, KeySource keySource, Clock clock) {
        return open(dir, keySource, clock, MIN_FREE_BYTES, Mode.INSPECT, null);
    }

    /**
     * The technician accepts the store as it is ({@code idcheck store accept}): a database older than the sequence mark
     * (restored from a backup, emptied or deleted) continues numbering after the mark, so no sequence number is used
     * twice; the step is in the audit trail under {@code technician}. With {@code newKey}, and only when there is no
     * database (the old one moved aside), a lost installation key is replaced by a new one.
     */
    public static LocalStore accept(Path dir, KeySource keySource, Clock clock, String technician, boolean newKey) {
        if (newKey && nonEmpty(dir.resolve(FILE_NAME))) {
            throw new StoreException(StoreException.Kind.KEY, "a new installation key is made only for a store without a "
                    + "database: move " + dir.resolve(FILE_NAME) + " (and its -wal, -shm) aside first", null);
        }
        return open(dir, keySource, clock, MIN_FREE_BYTES, newKey ? Mode.ACCEPT_NEW_KEY : Mode.ACCEPT, technician);
    }

    /** The sequence mark of a store in {@code dir} (beside its key). */
    public static SequenceMark markOf(Path dir) { return SequenceMark.forStore(dir); }

    private static LocalStore open(Path dir, KeySource keySource, Clock clock, long minFreeBytes, Mode mode, String technician) {
        Path file = dir.resolve(FILE_NAME);
        try {
            AtomicFiles.ownerOnlyDirectory(dir);
            ownerOnly(file);
        } catch (IOException e) {
            throw StoreException.ofIo(e, "cannot create " + file);
        }
        SequenceMark mark = SequenceMark.forStore(dir);
        Optional<Map<String, Long>> marked = mark.read();
        // a store existed when its database has content or a mark was written: then a missing key is a fault, and only
        // a new store (or the technician's accept --new-key) makes one (issue 15: a silent new key loses the queue)
        boolean existed = nonEmpty(file) || marked.isPresent();
        SqlDatabase db = SqlDatabase.open("jdbc:sqlite:" + file);
        try {
            IntegrityWatch integrity = new IntegrityWatch(file, clock);
            if (mode != Mode.INSPECT) integrity.checkNow(); // a damaged file is named as such, even when the key is gone too
            byte[] master = existed && mode != Mode.ACCEPT_NEW_KEY ? keySource.installationKey() : keySource.createOrRead();
            InstallationKeys keys = InstallationKeys.from(master);
            new Migrations("local").apply(db);
            LocalStore store = new LocalStore(file, db, keys, mark, integrity, clock, minFreeBytes);
            store.reconcile(mark, marked, mode, technician);
            if (mode != Mode.INSPECT) store.results.recoverInterrupted();
            return store;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * The database against the sequence mark. Behind it, the database was restored, emptied or replaced: recording now
     * would reuse sequence numbers, so it is a fault until a technician accepts it. Ahead of it (a stop between a
     * commit and the mark's update, or the first start with marks) the mark catches up.
     */
    private void reconcile(SequenceMark mark, Optional<Map<String, Long>> marked, Mode mode, String technician) {
        Map<String, Long> stored = results.highestSequences();
        Map<String, Long> behind = new TreeMap<>();
        marked.ifPresent(m -> m.forEach((counter, high) -> {
            if (stored.getOrDefault(counter, 0L) < high) behind.put(counter, high);
        }));
        if (!behind.isEmpty()) {
            if (mode == Mode.WORK || mode == Mode.INSPECT) {
                StringBuilder d = new StringBuilder();
                behind.forEach((c, high) -> d.append(d.isEmpty() ? "" : ", ").append(c).append(": database at #")
                        .append(stored.getOrDefault(c, 0L)).append(", mark at #").append(high));
                throw new StoreException(StoreException.Kind.BEHIND, d + " (" + mark.file() + "). Technician: if a newer "
                        + "copy of " + file + " exists, put it back; if this copy is the one to keep, run `idcheck store accept "
                        + "--technician ID` (numbering continues after the mark; results recorded after this copy was made are "
                        + "lost unless already synced). See docs/technician-guide.md", null);
            }
            results.continueAfter(behind, technician);
        }
        if (mode == Mode.INSPECT) return;
        Map<String, Long> highest = new TreeMap<>(stored);
        behind.forEach(highest::put);
        try {
            mark.raise(highest);
        } catch (IOException e) {
            throw StoreException.ofIo(e, "cannot write the sequence mark " + mark.file());
        }
    }

    private static boolean nonEmpty(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The database file owner-only before SQLite opens it: SQLite gives its WAL and shared-memory files the database
     * file's mode, so all three are 600 whatever the umask. An existing file from an older version is narrowed.
     */
    private static void ownerOnly(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!AtomicFiles.posix(dir)) return;
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process made it
            }
        }
        for (String suffix : new String[]{"", "-wal", "-shm"}) {
            Path f = dir.resolve(file.getFileName() + suffix);
            if (Files.exists(f) && !AtomicFiles.OWNER_ONLY.containsAll(Files.getPosixFilePermissions(f))) {
                Files.setPosixFilePermissions(f, AtomicFiles.OWNER_ONLY);
            }
        }
    }

    public Path file() { return file; }

    /** The database itself, for technicians' checks and tests. */
    public SqlDatabase database() { return db; }
    public ResultQueue results() { return results; }
    public ClerkAccounts clerks() { return clerks; }
    public AuditTrail audit() { return audit; }

    /**
     * Whether a result could be recorded now: enough free disk, the database takes a write lock, and its pages are
     * sound (SQLite's quick check: measured in docs/store.md).
     */
    public Readiness readiness() {
        try {
            FileStore fs = Files.getFileStore(file);
            if (fs.getUsableSpace() < minFreeBytes) {
                return new Readiness(false, StoreException.Kind.DISK_FULL, fs.getUsableSpace() / (1024 * 1024) + " MB free");
            }
        } catch (IOException e) {
            return new Readiness(false, StoreException.Kind.READ_ONLY, e.getMessage());
        }
        try {
            db.transaction("checking the database can be written", c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO sync_state (key, value) VALUES ('readiness', 'ok') "
                            + "ON CONFLICT (key) DO UPDATE SET value = 'ok'");
                }
                return null;
            });
            integrity.checkNow(); // damage since the start: no case is begun whose result a restore would lose
            return new Readiness(true, null, "");
        } catch (StoreException e) {
            return new Readiness(false, e.kind(), e.getMessage());
        }
    }

    /** Ready to record, or the reason in the clerk's words ({@code kind}) and a detail for the technician. */
    public record Readiness(boolean ready, StoreException.Kind kind, String detail) {}

    /** SQLite's own integrity check ("ok" when sound). */
    public String integrityCheck() {
        return db.read("checking integrity", c -> {
            try (PreparedStatement p = c.prepareStatement("PRAGMA integrity_check"); ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : "no answer";
            }
        });
    }

    @Override public void close() { db.close(); }
}
