package org.ticketwindow.idcheck.sync;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketwindow.idcheck.app.TrainingRecords;
import org.ticketwindow.idcheck.central.CentralServer;
import org.ticketwindow.idcheck.central.TrainingPki;
import org.ticketwindow.idcheck.reader.sim.FictionalPeople;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.store.OutgoingResult;
import org.ticketwindow.idcheck.store.QueuedResult;
import org.ticketwindow.idcheck.store.ResultQueue;
import org.ticketwindow.idcheck.store.ResultState;
import org.ticketwindow.idcheck.testing.CentralFixture;
import org.ticketwindow.idcheck.testing.Counters;
import org.ticketwindow.idcheck.testing.FaultProxy;
import org.ticketwindow.idcheck.testing.People;
import org.ticketwindow.idcheck.verify.CaseKind;
import org.ticketwindow.idcheck.verify.CounterKind;
import org.ticketwindow.idcheck.verify.Decision;
import org.ticketwindow.idcheck.verify.DocumentRole;
import org.ticketwindow.idcheck.verify.DocumentType;
import org.ticketwindow.idcheck.verify.Outcome;
import org.ticketwindow.idcheck.verify.Presented;
import org.ticketwindow.idcheck.verify.RecordStatus;
import org.ticketwindow.idcheck.verify.VerificationCase;
import org.ticketwindow.idcheck.verify.VerificationRules;
import org.ticketwindow.idcheck.wire.AnswerKind;
import org.ticketwindow.idcheck.wire.FoundRecord;
import org.ticketwindow.idcheck.wire.LookupAnswer;
import org.ticketwindow.idcheck.wire.LookupRequest;
import org.ticketwindow.idcheck.wire.RecordBasis;
import org.ticketwindow.idcheck.wire.ResultAnswer;
import org.ticketwindow.idcheck.wire.Tls;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The counter's sync against the real reference central, over TLS with client certificates, breaking things on purpose. */
class SyncCentralTest {
    @TempDir Path dir;

    private static SyncSettings fast(int batch) {
        return SyncSettings.DEFAULT.withBatchSize(batch).withBackoff(Duration.ofMillis(10), Duration.ofMillis(200));
    }

    @ParameterizedTest(name = "S2 over {0}")
    @ValueSource(strings = {"https", "http-loopback"})
    @DisplayName("S2 through a proxy that drops, resets, delays and fails requests, every result is applied exactly once")
    void exactlyOnceThroughFaults(String transport) throws Exception {
        int n = 400;
        try (CentralFixture central = CentralFixture.start(dir, n);
             CentralServer plain = CentralServer.start(central.service, new InetSocketAddress("127.0.0.1", 0), null, Clock.systemUTC());
             FaultProxy proxy = new FaultProxy(transport.equals("https") ? central.port() : plain.address().getPort(),
                     !transport.equals("https"), 20261121L);
             LocalStore store = Counters.store(dir.resolve("counter"))) {
            CentralClient client = transport.equals("https")
                    ? central.client("C1", URI.create("https://localhost:" + proxy.port()))
                    : new CentralClient(URI.create("http://127.0.0.1:" + proxy.port()), null, Duration.ofSeconds(2), Duration.ofSeconds(5));
            List<QueuedResult> recorded = new java.util.ArrayList<>(Counters.record(store, "C1", 0, 100));
            proxy.faulty = true;
            try (SyncWorker worker = new SyncWorker(store.results(), client, fast(20))) {
                worker.start();
                // the clerk keeps recording while the network misbehaves: every new connection may be broken
                while (recorded.size() < n) {
                    recorded.addAll(Counters.record(store, "C1", recorded.size(), 10));
                    worker.nudge();
                    Thread.sleep(40);
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> proxy.injectedTotal() >= 20);
                proxy.faulty = false;
                worker.nudge();
                await().atMost(Duration.ofSeconds(60)).until(() -> store.results().status().synced() == n);
            }
            Map<String, Object> stats = central.service.stats();
            assertThat(stats).containsEntry("received", (long) n).containsEntry("applied", (long) n)
                    .containsEntry("rejected", 0L).containsEntry("conflicts", 0L).containsEntry("gaps", 0L);
            // exactly once in effect: each person's record changed once (an offline result decides one record, the one
            // RecordChoice picks, as the counter would have online: RD-31)
            assertThat(stats).containsEntry("statusChanges", (long) n);
            assertThat(store.results().ids()).containsExactlyElementsOf(recorded.stream().map(QueuedResult::id).toList());
            assertThat(store.results().status().parked()).isZero();
            System.out.println("S2 " + transport + ": faults injected " + java.util.Arrays.toString(proxy.injected)
                    + ", repeats answered from the first answer: " + stats.get("duplicates"));
        }
    }

    @Test
    @DisplayName("S3 a gap is detected and reported, and filled when the missing result arrives late (reorder)")
    void gapsAndReorders() throws Exception {
        try (CentralFixture central = CentralFixture.start(dir, 10); LocalStore store = Counters.store(dir.resolve("counter"))) {
            CentralClient client = central.client("C1");
            Counters.record(store, "C1", 0, 5);
            List<OutgoingResult> out = store.results().claim(5);
            List<ResultAnswer> a = client.send(List.of(out.get(0).body(), out.get(1).body(), out.get(3).body())).answers().answers();
            assertThat(a.get(2)).extracting(ResultAnswer::gapFrom, ResultAnswer::gapTo).containsExactly(3L, 3L);
            assertThat(central.service.stats()).containsEntry("gaps", 1L);
            assertThat(central.service.openGaps()).containsEntry("C1", List.of(3L));
            ResultAnswer late = client.send(List.of(out.get(2).body())).answers().answers().getFirst();
            assertThat(late.reordered()).isTrue();
            assertThat(late.answer()).isEqualTo(AnswerKind.APPLIED);
            assertThat(central.service.stats()).containsEntry("gaps", 0L).containsEntry("reordered", 1L);
            // a second result claiming an already used sequence number is rejected, not applied
            try (LocalStore other = Counters.store(dir.resolve("other"))) {
                Counters.record(other, "C1", 6, 2);
                ResultAnswer reuse = client.send(List.of(other.results().claim(1).getFirst().body())).answers().answers().getFirst();
                assertThat(reuse.answer()).isEqualTo(AnswerKind.REJECTED);
                assertThat(reuse.reason()).contains("already used");
            }
        }
    }

    @Test
    @DisplayName("S4 a poisoned result parks with its reason and the rest flow")
    void poisonParks() throws Exception {
        try (CentralFixture central = CentralFixture.start(dir, 20); LocalStore store = Counters.store(dir.resolve("counter"))) {
            Counters.record(store, "C1", 0, 3);
            Counters.record(store, "C9", 3, 1); // the certificate says C1: the central rejects this one
            store.results().record("C1", "clerk-01", (id, seq, at) ->
                    new ResultQueue.Draft("{\"resultId\": \"broken".getBytes(StandardCharsets.UTF_8), "ON_SITE", "PENDING_CENTRAL"));
            Counters.record(store, "C1", 10, 3);
            SyncReport r = new SyncWorker(store.results(), central.client("C1"), fast(50)).runOnce();
            assertThat(r.ok()).isTrue();
            assertThat(store.results().status()).satisfies(s -> {
                assertThat(s.synced()).isEqualTo(6);
                assertThat(s.parked()).isEqualTo(2);
            });
            assertThat(store.results().items(ResultState.PARKED, 10)).extracting(i -> i.lastError())
                    .anySatisfy(e -> assertThat(e).contains("REJECTED").contains("certificate is for counter C1"))
                    .anySatisfy(e -> assertThat(e).contains("HTTP 400"));
        }
    }

    @Test
    @DisplayName("S2 a repeat gets the first answer; the same id with a different body is 409 and never applied")
    void idempotency() throws Exception {
        try (CentralFixture central = CentralFixture.start(dir, 5); LocalStore store = Counters.store(dir.resolve("counter"))) {
            CentralClient client = central.client("C1");
            Counters.record(store, "C1", 0, 1);
            OutgoingResult o = store.results().claim(1).getFirst();
            ResultAnswer first = client.submitOne(o.id(), o.body());
            ResultAnswer again = client.submitOne(o.id(), o.body());
            assertThat(first.answer()).isEqualTo(AnswerKind.APPLIED);
            assertThat(again.answer()).isEqualTo(AnswerKind.DUPLICATE);
            assertThat(again.first()).isEqualTo(AnswerKind.APPLIED);
            assertThat(again.outcome()).isEqualTo(first.outcome());
            byte[] altered = new String(o.body(), StandardCharsets.UTF_8).replace("clerk-01", "clerk-02").getBytes(StandardCharsets.UTF_8);
            assertThat(client.submitOne(o.id(), altered).answer()).isEqualTo(AnswerKind.REUSED_ID);
            assertThat(central.service.stats()).containsEntry("received", 1L).containsEntry("duplicates", 1L)
                    .containsEntry("reusedIds", 1L).containsEntry("statusChanges", 1L);
        }
    }

    @Test
    @DisplayName("online: the lookup gives the record and its version; the central applies by the rules, or answers CONFLICT when the record moved on")
    void onlineAndConflict() throws Exception {
        try (CentralFixture central = CentralFixture.start(dir, 5);
             LocalStore a = Counters.store(dir.resolve("a")); LocalStore b = Counters.store(dir.resolve("b"))) {
            VerificationRules rules = new VerificationRules();
            var card = FictionalPeople.card(2);
            LookupAnswer found = central.client("A").lookup(new LookupRequest(DocumentType.RID, card.idNumber().value()));
            assertThat(found.records()).extracting(f -> f.record().id()).containsExactly("F-2");
            FoundRecord f = found.records().getFirst();
            for (LocalStore s : List.of(a, b)) {
                VerificationCase c = VerificationCase.builder(CounterKind.STATION_WINDOW, CaseKind.ON_SITE, People.TODAY)
                        .document(DocumentRole.HOLDER, new Presented.Chip(card)).record(f.record()).build();
                Decision d = rules.decide(c);
                assertThat(d.outcome()).isEqualTo(Outcome.PASSED);
                new Recorder(s.results(), s == a ? "A" : "B").record("clerk-01", c, d, List.of(new RecordBasis("F-2", f.version())));
            }
            new SyncWorker(a.results(), central.client("A"), fast(10)).runOnce();
            assertThat(central.service.record("F-2")).get().extracting(r -> r.status()).isEqualTo(RecordStatus.PASSED);
            new SyncWorker(b.results(), central.client("B"), fast(10)).runOnce();
            assertThat(b.results().items(null, 1).getFirst().answer()).startsWith("CONFLICT");
            assertThat(central.service.stats()).containsEntry("applied", 1L).containsEntry("conflicts", 1L);
        }
    }

    @Test
    @DisplayName("offline: the central decides a PENDING_CENTRAL result with the extra factor hash it carries (S7)")
    void offlineExtraFactorHash() throws Exception {
        try (CentralFixture central = CentralFixture.start(dir, 0); LocalStore s = Counters.store(dir.resolve("c"))) {
            var rare = org.ticketwindow.idcheck.reader.sim.CardFixture.builtIn("rare-pua").card();
            VerificationRules rules = new VerificationRules();
            for (String phone : List.of("0000", "1234")) {
                VerificationCase c = VerificationCase.builder(CounterKind.STATION_WINDOW, CaseKind.ON_SITE, People.TODAY)
                        .document(DocumentRole.HOLDER, new Presented.Chip(rare))
                        .extraFactor(new org.ticketwindow.idcheck.verify.ExtraFactor.Given(
                                org.ticketwindow.idcheck.verify.ExtraFactorKind.PHONE_LAST4, phone)).build();
                Decision d = rules.decide(c);
                assertThat(d.outcome()).isEqualTo(Outcome.PENDING_CENTRAL);
                new Recorder(s.results(), "C1").record("clerk-01", c, d, List.of());
            }
            assertThat(new String(s.results().claim(1).getFirst().body(), StandardCharsets.UTF_8)).doesNotContain("\"0000\"");
            s.results().retryLater(s.results().ids(), "test");
            new SyncWorker(s.results(), central.client("C1"), fast(10)).runOnce();
            List<String> answers = s.results().items(null, 5).stream().map(i -> i.answer()).toList();
            assertThat(answers).anySatisfy(x -> assertThat(x).contains("REFUSED").contains("V2"))
                    .anySatisfy(x -> assertThat(x).contains("PASSED"));
            assertThat(central.service.record("T-rare-pua")).get().extracting(r -> r.status()).isEqualTo(RecordStatus.PASSED);
        }
    }

    @Test
    @DisplayName("S6 an unknown or revoked client certificate is refused; plain HTTP only to loopback")
    void transportSecurity() throws Exception {
        try (CentralFixture central = CentralFixture.start(dir, 0)) {
            CentralClient good = central.client("C1");
            assertThat(good.health().counterId()).isEqualTo("C1");

            TrainingPki stranger = new TrainingPki(dir.resolve("other-pki"));
            stranger.init("someone else's CA", Duration.ofDays(1));
            TrainingPki.Issued foreign = stranger.counter("C1", Duration.ofDays(1));
            CentralClient unknown = new CentralClient(central.url(), Tls.context(foreign.keyStore(), foreign.passwordFile(),
                    central.pki.dir().resolve(TrainingPki.CA_PEM)), Duration.ofSeconds(2), Duration.ofSeconds(5));
            assertThatThrownBy(unknown::health).isInstanceOf(CentralUnavailableException.class);

            CentralClient c2 = central.client("C2");
            assertThat(c2.health().status()).isEqualTo("ok");
            assertThat(central.pki.revoke("C2")).isEqualTo(1);
            CentralClient c2again = new CentralClient(central.url(), Tls.context(central.pki.dir().resolve("counters/C2.p12"),
                    central.pki.dir().resolve("counters/C2.password"), central.pki.dir().resolve(TrainingPki.CA_PEM)),
                    Duration.ofSeconds(2), Duration.ofSeconds(5));
            assertThatThrownBy(c2again::health).isInstanceOf(CentralUnavailableException.class);
            assertThat(good.health().status()).isEqualTo("ok");

            assertThatThrownBy(() -> new CentralClient(URI.create("http://192.0.2.10:8080"), null, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                    .hasMessageContaining("only to a loopback address");
            assertThatThrownBy(() -> CentralServer.start(central.service, new InetSocketAddress("0.0.0.0", 0), null, Clock.systemUTC()))
                    .hasMessageContaining("loopback");
        }
    }

    @Test
    @DisplayName("S4 a dead central costs the counter a status line: the error is shown, results stay queued")
    void deadCentral() throws Exception {
        try (LocalStore s = Counters.store(dir)) {
            Counters.record(s, "C1", 0, 3);
            CentralClient nowhere = new CentralClient(URI.create("http://127.0.0.1:9"), null, Duration.ofMillis(300), Duration.ofMillis(300));
            SyncReport r = new SyncWorker(s.results(), nowhere, fast(10)).runOnce();
            assertThat(r.ok()).isFalse();
            assertThat(s.results().status()).satisfies(st -> {
                assertThat(st.queued()).isEqualTo(3);
                assertThat(st.lastError()).contains("cannot connect");
            });
        }
    }

    @Test
    @DisplayName("S4 backoff: full jitter under an exponential ceiling with a cap")
    void backoff() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new java.util.Random(1));
        assertThat(b.ceiling(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(b.ceiling(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(b.ceiling(40)).isEqualTo(Duration.ofSeconds(2));
        for (int i = 1; i < 50; i++) assertThat(b.delay(i)).isBetween(Duration.ZERO, b.ceiling(i));
        assertThat(java.util.stream.IntStream.range(0, 200).mapToObj(i -> b.delay(10)).distinct().count()).isGreaterThan(50);
    }

}
