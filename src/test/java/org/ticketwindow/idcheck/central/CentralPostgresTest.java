package org.ticketwindow.idcheck.central;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.store.Migrations;
import org.ticketwindow.idcheck.store.OutgoingResult;
import org.ticketwindow.idcheck.store.SqlDatabase;
import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.sync.SyncReport;
import org.ticketwindow.idcheck.sync.SyncSettings;
import org.ticketwindow.idcheck.sync.SyncWorker;
import org.ticketwindow.idcheck.testing.CentralFixture;
import org.ticketwindow.idcheck.testing.Counters;
import org.ticketwindow.idcheck.testing.Tools;
import org.ticketwindow.idcheck.wire.AnswerKind;
import org.ticketwindow.idcheck.wire.ResultAnswer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** One element sent: a recorded result, the same id with another result's body, or a malformed one. */
    enum Kind { RESULT, REUSED_ID, MALFORMED }

    record Element(Kind kind, int index, int other) {}

    /** C1's recorded results (persons repeat, so later ones meet records earlier ones moved), and one of C9's. */
    private static List<OutgoingResult> pool;

    private static synchronized List<OutgoingResult> pool() throws Exception {
        if (pool == null) {
            Path home = Files.createTempDirectory("idcheck-batch-pool");
            try (LocalStore store = Counters.store(home)) {
                for (int i = 0; i < 30; i++) Counters.record(store, "C1", i % 12, 1);
                Counters.record(store, "C9", 5, 1);
                pool = store.results().claim(100);
            }
        }
        return pool;
    }

    @Provide
    Arbitrary<List<Element>> mixes() {
        Arbitrary<Element> e = Combinators.combine(Arbitraries.of(Kind.RESULT, Kind.RESULT, Kind.RESULT, Kind.RESULT,
                        Kind.REUSED_ID, Kind.MALFORMED), Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 30))
                .as(Element::new);
        return e.list().ofMinSize(1).ofMaxSize(60);
    }

    /**
     * Issue 19: a batch applied at once (its reads prefetched, its inserts batched) answers and leaves the records,
     * sequences and gaps exactly as the same results applied one per request: idempotency and DUPLICATE (S2), the 409
     * on a reused id, gaps and reordering (S3), a rejection rolled back (issue 15), the central's own decision
     * (RD-31, CONFLICT where it differs). Both on SQLite and, when IDCHECK_PG_URL answers, on PostgreSQL.
     */
    @Property(tries = 25)
    @Label("S2 S3 RD-31 issue 19: batch apply equals per-result apply on generated mixes (SQLite and PostgreSQL)")
    void batchEqualsOneByOne(@ForAll("mixes") List<Element> mix) throws Exception {
        List<IncomingResult> sent = new ArrayList<>();
        List<OutgoingResult> results = pool();
        for (Element m : mix) {
            OutgoingResult r = results.get(m.index() % results.size());
            sent.add(switch (m.kind()) {
                case RESULT -> new IncomingResult(r.id(), r.body());
                case REUSED_ID -> {
                    OutgoingResult o = results.get(m.other() % results.size());
                    yield new IncomingResult(r.id(), new String(o.body(), StandardCharsets.UTF_8).replace(o.id(), r.id())
                            .getBytes(StandardCharsets.UTF_8));
                }
                case MALFORMED -> new IncomingResult("bad-" + m.other(), ("{\"resultId\": \"bad-" + m.other()
                        + "\", \"counterId\": \"C1\", \"sequence\": " + m.index() + ", \"evidence\": null}")
                        .getBytes(StandardCharsets.UTF_8));
            });
        }
        Path sqlite = Files.createTempDirectory("idcheck-batch");
        try {
            compare("jdbc:sqlite:" + sqlite.resolve("one.db"), "jdbc:sqlite:" + sqlite.resolve("batch.db"), sent);
        } finally {
            try (var files = Files.walk(sqlite)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        String base = System.getenv().getOrDefault("IDCHECK_PG_URL", DEFAULT_URL);
        String one = "t" + Long.toHexString(System.nanoTime());
        String batch = one + "b";
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + one);
            s.execute("CREATE SCHEMA " + batch);
        } catch (SQLException e) {
            System.out.println("batch apply on PostgreSQL not compared: no server at "
                    + base.replaceAll("password=[^&]*", "password=***"));
            return;
        }
        try {
            String sep = base.contains("?") ? "&" : "?";
            compare(base + sep + "currentSchema=" + one, base + sep + "currentSchema=" + batch + "&reWriteBatchedInserts=true", sent);
        } finally {
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + one + " CASCADE");
                s.execute("DROP SCHEMA IF EXISTS " + batch + " CASCADE");
            }
        }
    }

    private static void compare(String oneUrl, String batchUrl, List<IncomingResult> sent) {
        try (CentralService one = CentralService.open(oneUrl, Clock.systemUTC());
             CentralService batch = CentralService.open(batchUrl, Clock.systemUTC())) {
            for (CentralService s : List.of(one, batch)) s.insert(org.ticketwindow.idcheck.app.TrainingRecords.generated(12));
            List<ResultAnswer> oneByOne = new ArrayList<>();
            for (IncomingResult r : sent) oneByOne.addAll(one.submit(List.of(r), "C1").answers());
            List<ResultAnswer> atOnce = batch.submit(sent, "C1").answers();
            assertThat(atOnce).isEqualTo(oneByOne);
            assertThat(batch.stats()).isEqualTo(one.stats());
            assertThat(batch.openGaps()).isEqualTo(one.openGaps());
            assertThat(states(batch)).isEqualTo(states(one));
        }
    }

    private static Map<String, Object> states(CentralService s) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            for (String id : List.of("F-" + i, "C-" + i)) out.put(id, s.record(id).map(r -> r.status()).orElse(null));
        }
        out.put("missing", s.missing("C1", 40));
        return out;
    }
}
