package org.ticketwindow.idcheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prepared statements reused for the length of one unit of work. SQLite's driver compiles the SQL again on every
 * {@code prepareStatement}; applying a batch of 500 results runs the same seven statements 500 times, and compiling
 * them was the largest single cost of the central's apply. Callers must not close what {@link #prepare} returns.
 */
public final class StatementCache implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    public StatementCache(Connection connection) {
        this.connection = connection;
    }

    /** The statement for {@code sql}, with its parameters cleared. */
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement p = prepared.get(sql);
        if (p == null) {
            p = connection.prepareStatement(sql);
            prepared.put(sql, p);
        } else {
            p.clearParameters();
        }
        return p;
    }

    @Override public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement p : prepared.values()) {
            try {
                p.close();
            } catch (SQLException e) {
                if (first == null) first = e; else first.addSuppressed(e);
            }
        }
        prepared.clear();
        if (first != null) throw first;
    }
}
