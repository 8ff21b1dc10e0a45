package org.ticketwindow.idcheck.store;

import org.ticketwindow.idcheck.text.Texts;

import java.sql.SQLException;

/**
 * A store failure in the clerk's words with the next step (never a personal value): the disk is full, the database is
 * locked by another program, the file is damaged, read-only, or the installation key is missing. The console refuses
 * to start a case it could not record rather than lose it.
 */
public final class StoreException extends RuntimeException {

    public enum Kind {
        DISK_FULL,
        LOCKED,
        CORRUPT,
        READ_ONLY,
        KEY,
        BEHIND,
        SCHEMA,
        FAILED;
    }

    private final Kind kind;

    public StoreException(Kind kind, String detail, Throwable cause) {
        super(Texts.english().of(kind) + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"), cause);
        this.kind = kind;
    }

    public Kind kind() { return kind; }

    /** Classifies a file-system failure: a read-only file system or denied access, a full disk, or other. */
    public static StoreException ofIo(java.io.IOException e, String doing) {
        String m = String.valueOf(e.getMessage());
        Kind kind = e instanceof java.nio.file.AccessDeniedException || m.contains("Read-only file system") ? Kind.READ_ONLY
                : m.contains("No space left") || m.contains("Disk quota exceeded") ? Kind.DISK_FULL : Kind.FAILED;
        return new StoreException(kind, doing + ": " + e.getClass().getSimpleName() + " " + m, e);
    }

    /** Classifies a JDBC failure by SQLite's primary result code (PostgreSQL's SQL states for the central). */
    public static StoreException of(SQLException e, String doing) {
        int primary = e.getErrorCode() & 0xff;
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Kind kind = switch (primary) {
            case 13 -> Kind.DISK_FULL;            // SQLITE_FULL
            case 5, 6 -> Kind.LOCKED;             // SQLITE_BUSY, SQLITE_LOCKED
            case 11, 26 -> Kind.CORRUPT;          // SQLITE_CORRUPT, SQLITE_NOTADB
            case 8 -> Kind.READ_ONLY;             // SQLITE_READONLY
            default -> state.equals("53100") ? Kind.DISK_FULL : state.startsWith("XX") ? Kind.CORRUPT : Kind.FAILED;
        };
        // The driver's message carries SQL and codes only: we never bind personal values into SQL text.
        return new StoreException(kind, doing + ": " + e.getMessage(), e);
    }
}
