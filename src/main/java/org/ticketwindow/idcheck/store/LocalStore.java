package org.ticketwindow.idcheck.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;

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

    private LocalStore(Path file, SqlDatabase db, InstallationKeys keys, Clock clock, long minFreeBytes) {
        this.file = file;
        this.db = db;
        this.audit = new AuditTrail(db, keys.auditChain(), clock);
        this.results = new ResultQueue(db, new FieldCipher(keys.fieldEncryption()), audit, clock);
        this.clerks = new ClerkAccounts(db, audit, clock);
        this.minFreeBytes = minFreeBytes;
    }

    public static LocalStore open(Path dir, KeySource keySource, Clock clock) {
        return open(dir, keySource, clock, MIN_FREE_BYTES);
    }

    public static LocalStore open(Path dir, KeySource keySource, Clock clock, long minFreeBytes) {
        return open(dir, keySource, clock, minFreeBytes, true);
    }

    /**
     * For looking only ({@code idcheck doctor}), possibly while a console uses the store: results a running console is
     * sending are not put back in the queue, as opening for work does after a crash.
     */
    public static LocalStore inspect(Path dir, KeySource keySource, Clock clock) {
        return open(dir, keySource, clock, MIN_FREE_BYTES, false);
    }

    private static LocalStore open(Path dir, KeySource keySource, Clock clock, long minFreeBytes, boolean recover) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.READ_ONLY, "cannot create " + dir + ": " + e.getMessage(), e);
        }
        InstallationKeys keys = InstallationKeys.from(keySource); // before the database: no key, no store
        Path file = dir.resolve(FILE_NAME);
        SqlDatabase db = SqlDatabase.open("jdbc:sqlite:" + file);
        try {
            new Migrations("local").apply(db);
            LocalStore store = new LocalStore(file, db, keys, clock, minFreeBytes);
            if (recover) store.results.recoverInterrupted();
            return store;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public Path file() { return file; }

    /** The database itself, for technicians' checks and tests. */
    public SqlDatabase database() { return db; }
    public ResultQueue results() { return results; }
    public ClerkAccounts clerks() { return clerks; }
    public AuditTrail audit() { return audit; }

    /** Whether a result could be recorded now: enough free disk, and the database takes a write lock. */
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
