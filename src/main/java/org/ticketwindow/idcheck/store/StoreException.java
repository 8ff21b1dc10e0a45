package org.ticketwindow.idcheck.store;

import java.sql.SQLException;

/**
 * A store failure in the clerk's words with the next step (never a personal value): the disk is full, the database is
 * locked by another program, the file is damaged, read-only, or the installation key is missing. The console refuses
 * to start a case it could not record rather than lose it.
 */
public final class StoreException extends RuntimeException {

    public enum Kind {
        DISK_FULL("磁盘空间已满，无法保存核验结果。请联系技术人员清理磁盘后再办理。",
                "the disk is full: results cannot be saved. Ask a technician to free disk space before continuing."),
        LOCKED("数据库正被其他程序占用。请关闭其他核验台程序后重试。",
                "the database is in use by another program. Close any other console instance and retry."),
        CORRUPT("本地数据库文件已损坏。请勿继续办理，联系技术人员从备份恢复。",
                "the local database file is damaged. Stop and ask a technician to restore it from a backup."),
        READ_ONLY("本地数据库只读，无法保存核验结果。请联系技术人员检查目录权限。",
                "the local database is read-only: results cannot be saved. Ask a technician to check the folder's permissions."),
        KEY("本机加密密钥缺失或无法读取。请联系技术人员。",
                "the installation's encryption key is missing or unreadable. Ask a technician."),
        BEHIND("本地数据库比本机的序号记录旧（可能已从备份恢复、被清空或删除）。请勿继续办理，联系技术人员。",
                "the local database is older than this counter's sequence mark (restored from a backup, emptied or deleted). "
                        + "Do not continue: ask a technician."),
        SCHEMA("本地数据库版本与程序不符。请联系技术人员。",
                "the local database's version does not match this program. Ask a technician."),
        FAILED("本地数据库操作失败。请重试；如仍失败，请联系技术人员。",
                "a local database operation failed. Retry; if it fails again, ask a technician.");

        private final String zh;
        private final String en;

        Kind(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() { return zh; }
        public String en() { return en; }
    }

    private final Kind kind;

    public StoreException(Kind kind, String detail, Throwable cause) {
        super(kind.en() + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"), cause);
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
