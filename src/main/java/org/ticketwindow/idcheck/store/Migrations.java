package org.ticketwindow.idcheck.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema scripts {@code /db/SET/V1.sql, V2.sql, …} applied in order, each in its own transaction, recorded
 * in {@code schema_version} with a checksum (an edited script that was already applied is an error). Flyway's
 * SQLite support is not in its open-source edition's core any more, and this is 80 lines (docs/decisions/0008).
 * Statements end with a semicolon at the end of a line; {@code --} starts a comment line. A statement after the
 * comment line {@value #POSTGRESQL_ONLY} runs on PostgreSQL only (a storage setting SQLite has no words for); the
 * script, and so its checksum, is the same on both.
 */
public final class Migrations {
    static final String POSTGRESQL_ONLY = "-- on PostgreSQL only:";

    private final String set;

    public Migrations(String set) {
        this.set = set;
    }

    public record Script(int version, String sql, String checksum) {}

    /** The scripts of this set, in version order (the first missing number ends the list). */
    public List<Script> scripts() {
        List<Script> out = new ArrayList<>();
        for (int v = 1; ; v++) {
            try (InputStream in = Migrations.class.getResourceAsStream("/db/" + set + "/V" + v + ".sql")) {
                if (in == null) return out;
                String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                out.add(new Script(v, sql, Digests.sha256Hex(sql.getBytes(StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read migration V" + v + " of " + set, e);
            }
        }
    }

    /** Applies what is missing; returns the versions applied now. */
    public List<Integer> apply(SqlDatabase db) {
        db.transaction("creating schema_version", c -> {
            // several central instances starting at once on one PostgreSQL database: one migrates, the others then see it
            if (db.dialect() == SqlDatabase.Dialect.POSTGRESQL) SqlDatabase.lockUntilCommit(c, SqlDatabase.LockSpace.MIGRATIONS, 0);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, checksum TEXT NOT NULL, "
                        + "applied_at BIGINT NOT NULL)");
            }
            return null;
        });
        List<Integer> applied = new ArrayList<>();
        List<Script> scripts = scripts();
        for (Script script : scripts) {
            boolean done = db.transaction("migrating to V" + script.version(), c -> {
                if (db.dialect() == SqlDatabase.Dialect.POSTGRESQL) SqlDatabase.lockUntilCommit(c, SqlDatabase.LockSpace.MIGRATIONS, 0);
                String have = checksum(c, script.version());
                if (have != null) {
                    if (!have.equals(script.checksum())) {
                        throw new StoreException(StoreException.Kind.SCHEMA, "migration V" + script.version() + " of "
                                + set + " was changed after it was applied", null);
                    }
                    return false;
                }
                try (Statement s = c.createStatement()) {
                    for (String statement : statements(script.sql(), db.dialect())) s.execute(statement);
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
                    p.setInt(1, script.version());
                    p.setString(2, script.checksum());
                    p.setLong(3, System.currentTimeMillis());
                    p.executeUpdate();
                }
                return true;
            });
            if (done) applied.add(script.version());
        }
        int newest = db.read("reading the schema version", c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                return r.next() ? r.getInt(1) : 0;
            }
        });
        if (newest > scripts.size()) {
            throw new StoreException(StoreException.Kind.SCHEMA, "the database is at schema V" + newest + " of " + set
                    + ", newer than this program (V" + scripts.size() + ")", null);
        }
        return applied;
    }

    private static String checksum(Connection c, int version) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT checksum FROM schema_version WHERE version = ?")) {
            p.setInt(1, version);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** The script's statements that run on {@code dialect}, in order. */
    static List<String> statements(String sql, SqlDatabase.Dialect dialect) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean runsHere = true; // false after the PostgreSQL-only mark, on another dialect, until the statement ends
        for (String line : sql.split("\n")) {
            String t = line.strip();
            if (t.equals(POSTGRESQL_ONLY)) runsHere = dialect == SqlDatabase.Dialect.POSTGRESQL;
            if (t.isEmpty() || t.startsWith("--")) continue;
            current.append(line).append('\n');
            if (t.endsWith(";")) { // a trigger is written on one line: its inner semicolons are not at a line end
                if (runsHere) out.add(current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
                runsHere = true;
            }
        }
        if (runsHere && !current.toString().isBlank()) out.add(current.toString().strip());
        return out;
    }
}
