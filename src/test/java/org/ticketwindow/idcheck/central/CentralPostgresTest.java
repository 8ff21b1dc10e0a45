package org.ticketwindow.idcheck.central;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.store.Migrations;
import org.ticketwindow.idcheck.store.SqlDatabase;
import org.ticketwindow.idcheck.sync.SyncReport;
import org.ticketwindow.idcheck.sync.SyncSettings;
import org.ticketwindow.idcheck.sync.SyncWorker;
import org.ticketwindow.idcheck.testing.CentralFixture;
import org.ticketwindow.idcheck.testing.Counters;
import org.ticketwindow.idcheck.testing.Tools;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The central on PostgreSQL with the same migrations and SQL. The server comes from {@code IDCHECK_PG_URL}
 * (.ci/run starts a cluster on loopback and sets it); each run works in a schema of its own.
 */
class CentralPostgresTest {
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/idcheck?user=idcheck&password=idcheck";
    @TempDir Path dir;

    @Test
    @DisplayName("S2 S3 PostgreSQL: migrations, seeding, sync and statistics work as on SQLite")
    void postgres() throws Exception {
        String base = System.getenv().getOrDefault("IDCHECK_PG_URL", DEFAULT_URL);
        String schema = "t" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            Tools.assume(false, "no PostgreSQL server at " + base.replaceAll("password=[^&]*", "password=***") + " (" + e.getMessage() + ")");
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (CentralFixture central = CentralFixture.start(dir, url, 200); LocalStore store = Counters.store(dir.resolve("counter"))) {
            Counters.record(store, "C1", 0, 200);
            SyncReport r = new SyncWorker(store.results(), central.client("C1"), SyncSettings.DEFAULT.withBatchSize(50)).runOnce();
            assertThat(r.ok()).isTrue();
            assertThat(central.service.stats()).containsEntry("received", 200L).containsEntry("applied", 200L)
                    .containsEntry("statusChanges", 219L);
            assertThat(new Migrations("central").apply(central.service.database())).isEmpty();
            assertThat(central.service.database().dialect()).isEqualTo(SqlDatabase.Dialect.POSTGRESQL);
        } finally {
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
