package org.ticketwindow.idcheck.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketwindow.idcheck.central.CentralServer;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.store.QueuedResult;
import org.ticketwindow.idcheck.store.ResultState;
import org.ticketwindow.idcheck.testing.CentralFixture;
import org.ticketwindow.idcheck.testing.Counters;
import org.ticketwindow.idcheck.wire.AnswerKind;
import org.ticketwindow.idcheck.wire.MissingResults;
import org.ticketwindow.idcheck.wire.ResultAnswer;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How the counter settles each result by the central's answer, against the real central (issue 15, items 3 and 6). */
class SettlementTest {
    @TempDir Path dir;

    private static SyncSettings fast(int batch) {
        return SyncSettings.DEFAULT.withBatchSize(batch).withBackoff(Duration.ofMillis(10), Duration.ofMillis(100));
    }

    @Test
    @DisplayName("S2 S4 a repeat of a rejected result is never 'synced': a lost answer parks it again, a retry after the fix applies it")
    void rejectedRepeatIsNotSettled() throws Exception {
        try (CentralFixture central = CentralFixture.start(dir, 5); LocalStore store = Counters.store(dir.resolve("counter"))) {
            QueuedResult r = Counters.record(store, "C9", 0, 1).getFirst(); // recorded as C9, sent with C1's certificate
            var sent = store.results().claim(1).getFirst();
            assertThat(central.client("C1").submitOne(sent.id(), sent.body()).answer()).isEqualTo(AnswerKind.REJECTED);
            store.results().retryLater(List.of(r.id()), "the answer was lost"); // the counter never heard that answer

            new SyncWorker(store.results(), central.client("C1"), fast(10)).runOnce();
            assertThat(store.results().items(null, 5)).singleElement().satisfies(i -> {
                assertThat(i.state()).isEqualTo(ResultState.PARKED);
                assertThat(i.lastError()).contains("REJECTED").contains("certificate is for counter C1");
            });

            // the technician installs C9's certificate; the supervisor sends the parked result again: it is decided
            // again and applied, not answered "DUPLICATE" with nothing applied and its id used up
            assertThat(store.results().retryParked(r.id(), "sup-01")).isTrue();
            new SyncWorker(store.results(), central.client("C9"), fast(10)).runOnce();
            assertThat(store.results().items(null, 5)).singleElement().satisfies(i -> {
                assertThat(i.state()).isEqualTo(ResultState.SYNCED);
                assertThat(i.answer()).startsWith("APPLIED");
            });
            assertThat(central.service.stats()).containsEntry("received", 1L).containsEntry("applied", 1L)
                    .containsEntry("rejected", 0L).containsEntry("statusChanges", 1L).containsEntry("gaps", 0L);
        }
    }

    @Test
    @DisplayName("S2 a DUPLICATE settles only with a settling first answer (an older central may answer DUPLICATE of REJECTED)")
    void duplicateCarriesFirstAnswer() {
        ResultAnswer ofRejected = new ResultAnswer("id", AnswerKind.DUPLICATE, "x", null, List.of(), AnswerKind.REJECTED, 0, 0, false);
        ResultAnswer unsaid = new ResultAnswer("id", AnswerKind.DUPLICATE, "", null, List.of(), null, 0, 0, false);
        ResultAnswer ofApplied = new ResultAnswer("id", AnswerKind.DUPLICATE, "", null, List.of(), AnswerKind.APPLIED, 0, 0, false);
        ResultAnswer ofConflict = new ResultAnswer("id", AnswerKind.DUPLICATE, "", null, List.of(), AnswerKind.CONFLICT, 0, 0, false);
        assertThat(List.of(ofRejected, unsaid, ofApplied, ofConflict)).extracting(ResultAnswer::settles)
                .containsExactly(false, false, true, true);
    }

    @ParameterizedTest(name = "S4 batch {0}")
    @ValueSource(ints = {1, 10})
    @DisplayName("S4 a result the central keeps failing on (HTTP 500) is isolated and parked; the others flow")
    void poisonIsIsolated(int batch) throws Exception {
        try (CentralFixture central = CentralFixture.start(dir, 30);
             CentralServer plain = CentralServer.start(central.service, new InetSocketAddress("127.0.0.1", 0), null, Clock.systemUTC());
             LocalStore store = Counters.store(dir.resolve("counter"))) {
            List<QueuedResult> recorded = Counters.record(store, "C1", 0, 12);
            String poison = recorded.get(3).id();
            try (FailingOn failing = new FailingOn(plain.address().getPort(), poison);
                 SyncWorker worker = new SyncWorker(store.results(), new CentralClient(failing.url(), null,
                         Duration.ofSeconds(2), Duration.ofSeconds(5)), fast(batch))) {
                worker.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> store.results().status().synced() == 11);
                await().atMost(Duration.ofSeconds(10)).until(() -> store.results().status().parked() == 1);
                assertThat(store.results().items(ResultState.PARKED, 5)).singleElement().satisfies(i -> {
                    assertThat(i.id()).isEqualTo(poison);
                    assertThat(i.lastError()).contains("failed on this result").contains("HTTP 500");
                });
                assertThat(failing.failures.get()).isGreaterThanOrEqualTo(SyncWorker.POISON_STRIKES);
            }
            assertThat(central.service.stats()).containsEntry("applied", 11L);
        }
    }

    @Test
    @DisplayName("S2 S3 the central restored from a backup: the gap it reports makes the counter send again what it had synced since")
    void centralRestoredFromBackup() throws Exception {
        Path backup = dir.resolve("central-backup.db");
        CentralFixture central = CentralFixture.start(dir, 30);
        try (LocalStore store = Counters.store(dir.resolve("counter"))) {
            try {
                Counters.record(store, "C1", 0, 4);
                new SyncWorker(store.results(), central.client("C1"), fast(10)).runOnce();
                backUp(central, backup); // the operator's nightly backup
                Counters.record(store, "C1", 4, 6); // #5-#10, synced after the backup
                new SyncWorker(store.results(), central.client("C1"), fast(10)).runOnce();
                assertThat(store.results().status().synced()).isEqualTo(10);
            } finally {
                central.close();
            }
            // the central is restored from the backup: #5-#10 are gone there, the counter has them as synced
            try (org.ticketwindow.idcheck.central.CentralService restored = org.ticketwindow.idcheck.central.CentralService.open(
                    "jdbc:sqlite:" + backup, Clock.systemUTC());
                 CentralServer server = CentralServer.start(restored, new InetSocketAddress("127.0.0.1", 0),
                         org.ticketwindow.idcheck.central.CentralTls.inPkiDirectory(central.pki.dir()), Clock.systemUTC())) {
                assertThat(restored.stats()).containsEntry("received", 4L);
                CentralClient client = central.client("C1", URI.create("https://localhost:" + server.address().getPort()));
                Counters.record(store, "C1", 10, 1); // the next result reveals the gap #5-#10
                SyncReport r = new SyncWorker(store.results(), client, fast(10)).runOnce();
                assertThat(r.ok()).isTrue();
                assertThat(restored.stats()).containsEntry("received", 11L).containsEntry("applied", 11L)
                        .containsEntry("gaps", 0L).containsEntry("reordered", 6L);
                assertThat(store.results().status().synced()).isEqualTo(11);
                assertThat(store.results().status().queued()).isZero();
            }
        }
    }

    /** The central's database copied as a consistent backup (SQLite's VACUUM INTO), as an operator would. */
    private static void backUp(CentralFixture central, Path backup) {
        central.service.database().read("backup", c -> {
            try (var st = c.createStatement()) {
                st.execute("VACUUM INTO '" + backup + "'");
            }
            return null;
        });
    }

    @Test
    @DisplayName("S2 S3 a central restored from a backup asks an idle counter for what it lost: the counter sends it again without recording anything new (issue 15 item 4)")
    void centralRestoredAsksAnIdleCounter() throws Exception {
        Path backup = dir.resolve("central-backup-idle.db");
        CentralFixture central = CentralFixture.start(dir.resolve("idle"), 30);
        try (LocalStore store = Counters.store(dir.resolve("idle-counter"))) {
            try {
                Counters.record(store, "C1", 0, 3);
                new SyncWorker(store.results(), central.client("C1"), fast(10)).runOnce();
                backUp(central, backup);
                Counters.record(store, "C1", 3, 5); // #4-#8, synced after the backup
                new SyncWorker(store.results(), central.client("C1"), fast(10)).runOnce();
            } finally {
                central.close();
            }
            try (org.ticketwindow.idcheck.central.CentralService restored = org.ticketwindow.idcheck.central.CentralService.open(
                    "jdbc:sqlite:" + backup, Clock.systemUTC());
                 CentralServer server = CentralServer.start(restored, new InetSocketAddress("127.0.0.1", 0),
                         org.ticketwindow.idcheck.central.CentralTls.inPkiDirectory(central.pki.dir()), Clock.systemUTC())) {
                CentralClient client = central.client("C1", URI.create("https://localhost:" + server.address().getPort()));
                assertThat(client.missing("C1", 8).missing()).containsExactly(new MissingResults.Range(4, 8));
                // nothing new is recorded: the worker asks the central, which answers what it lacks, and sends it
                SyncReport r = new SyncWorker(store.results(), client, fast(10)).runOnce();
                assertThat(r.ok()).isTrue();
                assertThat(restored.stats()).containsEntry("received", 8L).containsEntry("applied", 8L).containsEntry("gaps", 0L);
                assertThat(client.missing("C1", 8).missing()).isEmpty();
                assertThat(store.results().status().queued()).isZero();
            }
        }
    }

    @Test
    @DisplayName("S4 a store locked by another program: the worker logs one line per retry, no stack trace, and syncs once it is free")
    void lockedStoreIsOneLine() throws Exception {
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log = new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        ch.qos.logback.classic.Logger worker = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(SyncWorker.class);
        worker.addAppender(log);
        try (CentralFixture central = CentralFixture.start(dir, 5); LocalStore store = Counters.store(dir.resolve("counter"));
             java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store.file());
             java.sql.Statement st = other.createStatement()) {
            Counters.record(store, "C1", 0, 2);
            st.execute("BEGIN EXCLUSIVE");
            try (SyncWorker w = new SyncWorker(store.results(), central.client("C1"),
                    new SyncSettings(10, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofMillis(200),
                            SyncSettings.DEFAULT.lookupTimeout(), SyncSettings.DEFAULT.submitTimeout(),
                            SyncSettings.DEFAULT.connectTimeout(), SyncSettings.DEFAULT.handshakeTimeout()))) {
                w.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> log.list.stream().anyMatch(e -> e.getFormattedMessage().contains("unavailable")));
                st.execute("ROLLBACK");
                await().atMost(Duration.ofSeconds(30)).until(() -> store.results().status().synced() == 2);
            }
            assertThat(log.list).filteredOn(e -> e.getFormattedMessage().contains("local store"))
                    .isNotEmpty().allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
        } finally {
            worker.detachAppender(log);
        }
    }

    /** A loopback relay to the central that answers HTTP 500 to any request carrying one result id: a central bug. */
    private static final class FailingOn implements AutoCloseable {
        final AtomicInteger failures = new AtomicInteger();
        private final HttpServer server;
        private final HttpClient http = HttpClient.newHttpClient();

        FailingOn(int centralPort, String poison) throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", ex -> relay(ex, centralPort, poison));
            server.start();
        }

        private void relay(HttpExchange ex, int centralPort, String poison) throws java.io.IOException {
            try (ex; InputStream in = ex.getRequestBody()) {
                byte[] body = in.readAllBytes();
                if (new String(body, StandardCharsets.UTF_8).contains(poison) || ex.getRequestURI().getPath().contains(poison)) {
                    failures.incrementAndGet();
                    ex.sendResponseHeaders(500, -1);
                    return;
                }
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + centralPort + ex.getRequestURI()))
                        .header("Content-Type", "application/json")
                        .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                if (r.body().length > 0) ex.getResponseBody().write(r.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        URI url() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort()); }

        @Override public void close() { server.stop(0); }
    }
}
