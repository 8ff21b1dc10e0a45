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
import org.ticketwindow.idcheck.testing.People;
import org.ticketwindow.idcheck.testing.Tools;
import org.ticketwindow.idcheck.reader.sim.FictionalPeople;
import org.ticketwindow.idcheck.wire.FoundRecord;
import org.ticketwindow.idcheck.wire.LookupRequest;
import org.ticketwindow.idcheck.wire.RecordBasis;
import org.ticketwindow.idcheck.sync.Recorder;
import org.ticketwindow.idcheck.wire.Tls;
import org.ticketwindow.idcheck.verify.CaseKind;
import org.ticketwindow.idcheck.verify.CounterKind;
import org.ticketwindow.idcheck.verify.Decision;
import org.ticketwindow.idcheck.verify.DocumentRole;
import org.ticketwindow.idcheck.verify.DocumentType;
import org.ticketwindow.idcheck.verify.Presented;
import org.ticketwindow.idcheck.verify.VerificationCase;
import org.ticketwindow.idcheck.verify.VerificationRules;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            // issue 19: records leave room on their page for their status change (V2, on PostgreSQL only)
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 var options = s.executeQuery("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = 'records'::regclass")) {
                assertThat(options.next()).isTrue();
                assertThat(options.getString(1)).isEqualTo("fillfactor=50");
            }
        } finally {
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** A fresh schema on the PostgreSQL server of IDCHECK_PG_URL (the test is skipped, with the reason, without one). */
    private static String schema() {
        String base = System.getenv().getOrDefault("IDCHECK_PG_URL", DEFAULT_URL);
        String schema = "t" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            Tools.assume(false, "no PostgreSQL server at " + base.replaceAll("password=[^&]*", "password=***") + " (" + e.getMessage() + ")");
        }
        return schema;
    }

    private static String urlOf(String schema) {
        String base = System.getenv().getOrDefault("IDCHECK_PG_URL", DEFAULT_URL);
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void drop(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(System.getenv().getOrDefault("IDCHECK_PG_URL", DEFAULT_URL));
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** A counter's client to {@code port} with a certificate of the fixture's CA; patient: batches may wait for locks. */
    private static CentralClient client(CentralFixture f, String counter, int port) throws Exception {
        TrainingPki.Issued cert = f.pki.counter(counter, java.time.Duration.ofDays(30));
        return new CentralClient(java.net.URI.create("https://localhost:" + port),
                Tls.context(cert.keyStore(), cert.passwordFile(), f.pki.dir().resolve(TrainingPki.CA_PEM)),
                java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(60));
    }

    /** A second central instance in this JVM on the fixture's database, PKI and records. */
    private static CentralServer second(CentralFixture f, CentralService service) throws Exception {
        return CentralServer.start(service, new java.net.InetSocketAddress("127.0.0.1", 0),
                CentralTls.inPkiDirectory(f.pki.dir()), Clock.systemUTC());
    }

    /**
     * Issue 19, decision 0014: two instances on one database, six counters sending at once, every batch sent to one
     * instance and at the same moment again to the other (a counter's retry landing elsewhere while the first send is
     * still being applied). Each result is APPLIED exactly once and answered DUPLICATE (of APPLIED) the other time; no
     * sequence gap or reordering is reported; no request fails (a deadlock would come back as a 503).
     */
    @Test
    @DisplayName("S2 S3 issue 19: two instances on one PostgreSQL, retries crossing instances: exactly once, no false gap, no deadlock")
    void twoInstancesExactlyOnce() throws Exception {
        String schema = schema();
        int counters = 6, each = 40, batch = 10;
        try (CentralFixture a = CentralFixture.start(dir.resolve("a"), urlOf(schema), counters * each);
             CentralService serviceB = CentralService.open(urlOf(schema), 4, Clock.systemUTC());
             CentralServer b = second(a, serviceB)) {
            List<java.util.concurrent.Future<Map<String, List<ResultAnswer>>>> sent = new ArrayList<>();
            try (var threads = java.util.concurrent.Executors.newFixedThreadPool(counters)) {
                for (int k = 0; k < counters; k++) {
                    String counter = "C" + (k + 1);
                    int first = k * each;
                    LocalStore store = Counters.store(dir.resolve(counter));
                    Counters.record(store, counter, first, each);
                    List<OutgoingResult> out = store.results().claim(each);
                    store.close();
                    CentralClient toA = client(a, counter, a.port());
                    CentralClient toB = client(a, counter, b.address().getPort());
                    int parity = k % 2;
                    sent.add(threads.submit(() -> {
                        Map<String, List<ResultAnswer>> answers = new LinkedHashMap<>();
                        for (int from = 0; from < out.size(); from += batch) {
                            List<byte[]> bodies = out.subList(from, from + batch).stream().map(OutgoingResult::body).toList();
                            boolean aFirst = (from / batch) % 2 == parity;
                            var one = (aFirst ? toA : toB).send(bodies);
                            var retry = (aFirst ? toB : toA).send(bodies);
                            for (var pending : List.of(one, retry)) {
                                for (ResultAnswer r : pending.answers().answers()) {
                                    answers.computeIfAbsent(r.resultId(), id -> new ArrayList<>()).add(r);
                                }
                            }
                        }
                        return answers;
                    }));
                }
            }
            int results = 0;
            for (var f : sent) {
                for (List<ResultAnswer> both : f.get().values()) {
                    results++;
                    assertThat(both).extracting(ResultAnswer::answer)
                            .containsExactlyInAnyOrder(AnswerKind.APPLIED, AnswerKind.DUPLICATE);
                    assertThat(both).filteredOn(r -> r.answer() == AnswerKind.DUPLICATE)
                            .extracting(ResultAnswer::first).containsExactly(AnswerKind.APPLIED);
                    assertThat(both).allSatisfy(r -> assertThat(r.gapFrom()).isZero());
                }
            }
            long n = (long) counters * each;
            assertThat(results).isEqualTo(n);
            assertThat(a.service.stats()).containsEntry("received", n).containsEntry("applied", n)
                    .containsEntry("duplicates", n).containsEntry("statusChanges", n).containsEntry("gaps", 0L)
                    .containsEntry("reordered", 0L).containsEntry("conflicts", 0L).containsEntry("rejected", 0L)
                    .containsEntry("counters", (long) counters);
            assertThat(serviceB.openGaps()).isEmpty();
            for (int k = 0; k < counters; k++) assertThat(serviceB.missing("C" + (k + 1), each).missing()).isEmpty();
            assertThat(serviceB.database().poolState().max()).isEqualTo(4);
        } finally {
            drop(schema);
        }
    }

    /**
     * Decision 0014: two counters decided online about the same record from the same lookup (same version), their
     * results sent at the same moment to two instances: one is APPLIED, the other a CONFLICT, never two status changes.
     */
    @Test
    @DisplayName("RD-31 issue 19: concurrent batches about one record on two instances: one APPLIED, one CONFLICT")
    void sameRecordOneAppliedOneConflict() throws Exception {
        String schema = schema();
        int people = 16;
        try (CentralFixture a = CentralFixture.start(dir.resolve("a"), urlOf(schema), 4 * people);
             CentralService serviceB = CentralService.open(urlOf(schema), 4, Clock.systemUTC());
             CentralServer b = second(a, serviceB)) {
            VerificationRules rules = new VerificationRules();
            List<CentralClient.PendingBatch> pending = new ArrayList<>();
            List<List<byte[]>> pairs = new ArrayList<>();
            List<CentralClient[]> clients = new ArrayList<>();
            for (int person = 0; pairs.size() < people; person++) {
                var card = FictionalPeople.card(person);
                String id = "F-" + person;
                FoundRecord f = serviceB.lookup(new LookupRequest(DocumentType.RID, card.idNumber().value())).records().stream()
                        .filter(r -> r.record().id().equals(id)).findFirst().orElseThrow();
                VerificationCase c = VerificationCase.builder(CounterKind.STATION_WINDOW, CaseKind.ON_SITE, People.TODAY)
                        .document(DocumentRole.HOLDER, new Presented.Chip(card)).record(f.record()).build();
                Decision d = rules.decide(c);
                if (d.statusChanges().size() != 1) continue; // a person whose record this case does not move
                List<byte[]> two = new ArrayList<>();
                CentralClient[] pair = new CentralClient[2];
                for (int side = 0; side < 2; side++) {
                    String counter = (side == 0 ? "A" : "B") + person;
                    try (LocalStore s = Counters.store(dir.resolve(counter))) {
                        new Recorder(s.results(), counter).record("clerk-01", c, d, List.of(new RecordBasis(id, f.version())));
                        two.add(s.results().claim(1).getFirst().body());
                    }
                    pair[side] = client(a, counter, side == 0 ? a.port() : b.address().getPort());
                }
                pairs.add(two);
                clients.add(pair);
            }
            for (int p = 0; p < people; p++) { // all at once: each pair's two batches race for the same record
                pending.add(clients.get(p)[0].send(List.of(pairs.get(p).get(0))));
                pending.add(clients.get(p)[1].send(List.of(pairs.get(p).get(1))));
            }
            for (int p = 0; p < people; p++) {
                AnswerKind x = pending.get(2 * p).answers().answers().getFirst().answer();
                AnswerKind y = pending.get(2 * p + 1).answers().answers().getFirst().answer();
                assertThat(List.of(x, y)).as("person %d", p).containsExactlyInAnyOrder(AnswerKind.APPLIED, AnswerKind.CONFLICT);
            }
            assertThat(a.service.stats()).containsEntry("applied", (long) people).containsEntry("conflicts", (long) people)
                    .containsEntry("statusChanges", (long) people);
        } finally {
            drop(schema);
        }
    }

    /**
     * Decision 0014: a central process killed with SIGKILL in the middle of a batch (its records changed and results
     * inserted, not committed: the test holds the counter's row so the batch's last write waits), the counter's batch
     * then sent to the other instance: PostgreSQL rolled the first back, so every result is applied once, there.
     */
    @Test
    @DisplayName("S2 issue 19: a central process killed mid-batch, the batch retried on the other instance: applied exactly once")
    void killedMidBatch() throws Exception {
        String schema = schema();
        int n = 200;
        Process killed = null;
        try (CentralFixture b = CentralFixture.start(dir.resolve("b"), urlOf(schema), n);
             Connection blocker = DriverManager.getConnection(urlOf(schema))) {
            int port;
            try (var free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(javaBin, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    "org.ticketwindow.idcheck.cli.Main", "central", "--listen", "127.0.0.1:" + port, "--db", urlOf(schema),
                    "--tls", b.pki.dir().toString(), "--pool", "2").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("killed.log").toFile());
            pb.environment().put("IDCHECK_HOME", dir.resolve("killed-home").toString());
            killed = pb.start();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(dir.resolve("killed.log")).contains("central listening")) {
                assertThat(killed.isAlive()).as("the central process started: %s", Files.readString(dir.resolve("killed.log"))).isTrue();
                assertThat(System.nanoTime()).as("the central process listening within 60 s").isLessThan(deadline);
                Thread.sleep(100);
            }
            List<byte[]> bodies;
            try (LocalStore store = Counters.store(dir.resolve("C1"))) {
                Counters.record(store, "C1", 0, n);
                bodies = store.results().claim(n).stream().map(OutgoingResult::body).toList();
            }
            // the batch's last write (the counter's highest sequence) waits for this transaction's row
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("INSERT INTO counters (counter_id, highest_sequence) VALUES ('C1', 0)");
            }
            var first = client(b, "C1", port).send(bodies);
            String app = "idcheck " + killed.pid() + "@%";
            deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (waitingOnLock(blocker, app) == 0) {
                assertThat(System.nanoTime()).as("the killed central's batch reached its last write").isLessThan(deadline);
                Thread.sleep(50);
            }
            killed.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the process
            killed.waitFor();
            blocker.rollback(); // the dead process's transaction goes on, finds its client gone and is rolled back
            assertThatThrownBy(first::answers).isInstanceOf(org.ticketwindow.idcheck.sync.CentralUnavailableException.class);
            List<ResultAnswer> retried = client(b, "C1", b.port()).send(bodies).answers().answers();
            assertThat(retried).extracting(ResultAnswer::answer).containsOnly(AnswerKind.APPLIED).hasSize(n);
            assertThat(b.service.stats()).containsEntry("received", (long) n).containsEntry("applied", (long) n)
                    .containsEntry("statusChanges", (long) n).containsEntry("duplicates", 0L).containsEntry("gaps", 0L);
            List<ResultAnswer> again = client(b, "C1", b.port()).send(bodies).answers().answers();
            assertThat(again).extracting(ResultAnswer::answer).containsOnly(AnswerKind.DUPLICATE);
            assertThat(b.service.stats()).containsEntry("statusChanges", (long) n).containsEntry("duplicates", (long) n);
        } finally {
            if (killed != null) killed.destroyForcibly();
            drop(schema);
        }
    }

    private static int waitingOnLock(Connection c, String applicationName) throws SQLException {
        try (var p = c.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name LIKE ? "
                + "AND wait_event_type = 'Lock'")) {
            p.setString(1, applicationName);
            try (var r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
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
        // past CentralService.PARALLEL_FROM too: a large batch decides ahead on every core (issue 19)
        return e.list().ofMinSize(1).ofMaxSize(160);
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
            long aheadBefore = batch.decidedAhead();
            List<ResultAnswer> atOnce = batch.submit(sent, "C1").answers();
            assertThat(atOnce).isEqualTo(oneByOne);
            if (sent.size() >= CentralService.PARALLEL_FROM) {
                assertThat(batch.decidedAhead() - aheadBefore).as("decisions worked out ahead and used").isPositive();
            }
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
