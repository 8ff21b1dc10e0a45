package org.ticketwindow.idcheck.central;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.store.OutgoingResult;
import org.ticketwindow.idcheck.store.Migrations;
import org.ticketwindow.idcheck.store.SqlDatabase;
import org.ticketwindow.idcheck.sync.AnswerKind;
import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.sync.ResultAnswer;
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
import java.util.List;

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
            // one record changed per result: the one RecordChoice picks, as the counter would have online (RD-31)
            assertThat(central.service.stats()).containsEntry("received", 200L).containsEntry("applied", 200L)
                    .containsEntry("statusChanges", 200L);
            // issue 15: a rejection rolls back to its savepoint and is decided again when repeated; a malformed result
            // in a batch is REJECTED by itself, the valid one beside it applied (savepoints on PostgreSQL too)
            Counters.record(store, "C9", 300, 1);
            Counters.record(store, "C1", 301, 1);
            List<OutgoingResult> two = store.results().claim(2);
            OutgoingResult c9 = two.stream().filter(o -> o.counterId().equals("C9")).findFirst().orElseThrow();
            OutgoingResult c1r = two.stream().filter(o -> o.counterId().equals("C1")).findFirst().orElseThrow();
            CentralClient c1 = central.client("C1");
            assertThat(c1.submitOne(c9.id(), c9.body()).answer()).isEqualTo(AnswerKind.REJECTED);
            assertThat(c1.submitOne(c9.id(), c9.body()).answer()).isEqualTo(AnswerKind.REJECTED);
            byte[] malformed = ("{\"resultId\": \"" + java.util.UUID.randomUUID() + "\", \"counterId\": \"C1\", \"sequence\": 202, "
                    + "\"evidence\": null}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            List<ResultAnswer> answers = c1.send(List.of(malformed, c1r.body())).answers().answers();
            assertThat(answers).extracting(ResultAnswer::answer).containsExactly(AnswerKind.REJECTED, AnswerKind.APPLIED);
            assertThat(central.service.stats()).containsEntry("applied", 201L).containsEntry("rejected", 2L);
            assertThat(new Migrations("central").apply(central.service.database())).isEmpty();
            assertThat(central.service.database().dialect()).isEqualTo(SqlDatabase.Dialect.POSTGRESQL);
        } finally {
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
