package org.ticketwindow.idcheck.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The database, every change in a committed transaction. Failures come out as {@link StoreException}.
 * <ul>
 *   <li>SQLite: one connection, one transaction at a time (the lock). SQLite has one writer per database file anyway:
 *       more connections would only wait for each other inside SQLite (busy timeout, retries) instead of in a fair
 *       Java lock. It is opened with WAL, {@code synchronous=FULL} (a commit is on disk when it returns: S1), a busy
 *       timeout and secure delete.</li>
 *   <li>PostgreSQL (the central): a pool of connections (HikariCP, {@code poolSize} of them), so transactions run
 *       concurrently; at READ COMMITTED whatever the server's default, since the central's locking is written for it
 *       (decision 0014).</li>
 * </ul>
 */
public final class SqlDatabase implements AutoCloseable {

    public enum Dialect { SQLITE, POSTGRESQL }

    /** Connections in use, idle, threads waiting for one, and the most there can be. */
    public record PoolState(int active, int idle, int waiting, int max) {}

    /** Connections per central instance on PostgreSQL unless configured (docs/operator-guide.md). */
    public static final int DEFAULT_POOL_SIZE = 8;
    /** How long a transaction waits for a free connection before it fails (the central answers 503; the counter retries). */
    static final long CONNECTION_WAIT_MS = 10_000;

    /** Work inside a transaction (or a read). */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Connection single;
    private final HikariDataSource pool;
    private final Dialect dialect;
    private final ReentrantLock lock = new ReentrantLock();
    /** The current thread's transaction's actions after commit (null outside a transaction). */
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    private SqlDatabase(Connection single, HikariDataSource pool, Dialect dialect) {
        this.single = single;
        this.pool = pool;
        this.dialect = dialect;
    }

    public static SqlDatabase open(String url) {
        return open(url, DEFAULT_POOL_SIZE);
    }

    /** {@code poolSize}: connections on PostgreSQL (SQLite always has one). */
    public static SqlDatabase open(String url, int poolSize) {
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
                return new SqlDatabase(DriverManager.getConnection(url, p), null, Dialect.SQLITE);
            }
            if (url.startsWith("jdbc:postgresql:")) return new SqlDatabase(null, pool(url, poolSize), Dialect.POSTGRESQL);
        } catch (SQLException e) {
            throw StoreException.of(e, "opening the database");
        }
        throw new IllegalArgumentException("unsupported database URL (use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB): "
                + masked(url));
    }

    private static HikariDataSource pool(String url, int size) throws SQLException {
        if (size < 1) throw new IllegalArgumentException("the pool needs at least one connection, not " + size);
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setPoolName("idcheck-db");
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(size); // a fixed pool: no connection set-up on a busy moment
        c.setConnectionTimeout(CONNECTION_WAIT_MS);
        c.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // the database's view of the pools (pg_stat_activity, `central stats`): which process, and how many it may hold
        c.addDataSourceProperty("ApplicationName", applicationName(size));
        try {
            return new HikariDataSource(c);
        } catch (RuntimeException e) { // HikariPool.PoolInitializationException: the first connection failed
            if (e.getCause() instanceof SQLException s) throw s;
            throw new SQLException("cannot open the connection pool to " + masked(url) + ": " + e.getMessage(), e);
        }
    }

    /** {@code idcheck <pid>@<host> pool <max>}: how the database names this process's connections (63 bytes at most). */
    static String applicationName(int max) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "?";
        }
        String name = "idcheck " + ProcessHandle.current().pid() + "@" + host;
        String tail = " pool " + max;
        return name.substring(0, Math.min(name.length(), 63 - tail.length())) + tail;
    }

    private static String masked(String url) {
        return url.replaceAll("password=[^&]*", "password=***");
    }

    public Dialect dialect() { return dialect; }

    /**
     * PostgreSQL's transaction-scoped advisory locks of this program: the first key of
     * {@code pg_advisory_xact_lock(int, int)} names what the second one is, so they never meet another program's.
     */
    public enum LockSpace {
        /** Schema migrations (key 0): two instances starting at once migrate one after the other. */
        MIGRATIONS,
        /** A counter's sequence (key: the counter id's {@link String#hashCode}): its batches one at a time. */
        COUNTERS;

        int classId() { return 0x1dc40000 + ordinal(); }
    }

    /**
     * Takes a PostgreSQL advisory lock held until the transaction ends (commit, rollback, or the connection dropped);
     * it waits while another transaction holds it. Callers holding several take them in ascending key order.
     */
    public static void lockUntilCommit(Connection c, LockSpace space, int key) throws SQLException {
        try (var p = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            p.setInt(1, space.classId());
            p.setInt(2, key);
            p.execute();
        }
    }

    /** This process's connections: the pool's, or SQLite's one connection (active while a transaction holds it). */
    public PoolState poolState() {
        if (pool == null) {
            boolean held = lock.isLocked();
            return new PoolState(held ? 1 : 0, held ? 0 : 1, lock.getQueueLength(), 1);
        }
        HikariPoolMXBean m = pool.getHikariPoolMXBean();
        if (m == null) return new PoolState(0, 0, 0, pool.getMaximumPoolSize()); // closed
        return new PoolState(m.getActiveConnections(), m.getIdleConnections(), m.getThreadsAwaitingConnection(),
                pool.getMaximumPoolSize());
    }

    /**
     * Runs {@code action} once the current transaction has committed (never if it rolls back): for side effects that
     * must only report what is durable, such as the audit log file. Call it inside {@link #transaction}.
     */
    void afterCommit(Runnable action) {
        List<Runnable> actions = afterCommit.get();
        if (actions == null) throw new IllegalStateException("afterCommit outside a transaction");
        actions.add(action);
    }

    /** Runs {@code work} in one transaction: committed (durably, for SQLite) when this returns, rolled back on failure. */
    public <T> T transaction(String doing, Work<T> work) {
        if (pool == null) lock.lock();
        List<Runnable> outer = afterCommit.get(); // a transaction inside another (SQLite's lock is reentrant) shares its list
        List<Runnable> actions = outer != null ? outer : new ArrayList<>();
        afterCommit.set(actions);
        try (Lease lease = lease()) {
            Connection connection = lease.connection;
            connection.setAutoCommit(false);
            try {
                T out = work.run(connection);
                connection.commit();
                List<Runnable> committed = List.copyOf(actions);
                actions.clear();
                for (Runnable a : committed) a.run();
                return out;
            } catch (SQLException | RuntimeException e) {
                actions.clear();
                try {
                    connection.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                restoreAutoCommit(connection);
            }
        } catch (SQLException e) {
            throw StoreException.of(e, doing);
        } finally {
            if (outer == null) afterCommit.remove();
            if (pool == null) lock.unlock();
        }
    }

    /**
     * Back to autocommit. After SQLite rolled a failed transaction back by itself (SQLITE_FULL does), the driver's
     * implicit COMMIT here fails with "no transaction is active": that must not replace the real error.
     */
    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is in autocommit mode either way
        }
    }

    /** Runs {@code work} outside a transaction (reads, pragmas). */
    public <T> T read(String doing, Work<T> work) {
        if (pool == null) lock.lock();
        try (Lease lease = lease()) {
            return work.run(lease.connection);
        } catch (SQLException e) {
            throw StoreException.of(e, doing);
        } finally {
            if (pool == null) lock.unlock();
        }
    }

    /** A connection for one unit of work: the pool's goes back to it afterwards, SQLite's one stays open. */
    private Lease lease() throws SQLException {
        return pool == null ? new Lease(single, false) : new Lease(pool.getConnection(), true);
    }

    private record Lease(Connection connection, boolean giveBack) implements AutoCloseable {
        @Override public void close() throws SQLException {
            if (giveBack) connection.close();
        }
    }

    @Override public void close() {
        if (pool != null) {
            pool.close(); // waits for connections in use to come back (or evicts them after its timeout)
            return;
        }
        lock.lock();
        try {
            single.close();
        } catch (SQLException ignored) {
            // closing a connection that failed: nothing left to save
        } finally {
            lock.unlock();
        }
    }
}
