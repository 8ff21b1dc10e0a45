package org.ticketwindow.idcheck.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One JDBC connection, one writer at a time (the lock), every change in a committed transaction. SQLite is opened
 * with WAL, {@code synchronous=FULL} (a commit is on disk when it returns: S1), a busy timeout and secure delete;
 * a PostgreSQL URL (the central) is opened as it is. Failures come out as {@link StoreException}.
 */
public final class SqlDatabase implements AutoCloseable {

    public enum Dialect { SQLITE, POSTGRESQL }

    /** Work inside a transaction (or a read). */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Connection connection;
    private final Dialect dialect;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}: only the thread inside a transaction adds to it. */
    private final List<Runnable> afterCommit = new ArrayList<>();

    private SqlDatabase(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    public static SqlDatabase open(String url) {
        try {
            if (url.startsWith("jdbc:sqlite:")) {
                Properties p = new Properties();
                p.setProperty("journal_mode", "WAL");
                p.setProperty("synchronous", "FULL");
                p.setProperty("busy_timeout", "5000");
                p.setProperty("foreign_keys", "true");
                p.setProperty("secure_delete", "true");
                // No integrity scan here: the counter's store runs SQLite's quick check itself (IntegrityWatch: at open and
                // while recording); LocalStore.integrityCheck() is the full scan (doctor).
                return new SqlDatabase(DriverManager.getConnection(url, p), Dialect.SQLITE);
            }
            if (url.startsWith("jdbc:postgresql:")) return new SqlDatabase(DriverManager.getConnection(url), Dialect.POSTGRESQL);
        } catch (SQLException e) {
            throw StoreException.of(e, "opening the database");
        }
        throw new IllegalArgumentException("unsupported database URL (use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB): "
                + url.replaceAll("password=[^&]*", "password=***"));
    }

    public Dialect dialect() { return dialect; }

    /** Runs {@code work} in one transaction: committed (durably, for SQLite) when this returns, rolled back on failure. */
    /**
     * Runs {@code action} once the current transaction has committed (never if it rolls back): for side effects that
     * must only report what is durable, such as the audit log file. Call it inside {@link #transaction}.
     */
    void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    private void runAfterCommit() {
        List<Runnable> actions = List.copyOf(afterCommit);
        afterCommit.clear();
        for (Runnable a : actions) a.run();
    }

    public <T> T transaction(String doing, Work<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T out = work.run(connection);
                connection.commit();
                runAfterCommit();
                return out;
            } catch (SQLException | RuntimeException e) {
                afterCommit.clear();
                try {
                    connection.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                restoreAutoCommit();
            }
        } catch (SQLException e) {
            throw StoreException.of(e, doing);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Back to autocommit. After SQLite rolled a failed transaction back by itself (SQLITE_FULL does), the driver's
     * implicit COMMIT here fails with "no transaction is active": that must not replace the real error.
     */
    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is in autocommit mode either way
        }
    }

    /** Runs {@code work} outside a transaction (reads, pragmas). */
    public <T> T read(String doing, Work<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw StoreException.of(e, doing);
        } finally {
            lock.unlock();
        }
    }

    @Override public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a connection that failed: nothing left to save
        } finally {
            lock.unlock();
        }
    }
}
