package org.ticketwindow.idcheck.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.app.TrainingRecords;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.ReaderEvent;
import org.ticketwindow.idcheck.reader.StageTimings;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.store.OutgoingResult;
import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.sync.CentralRefusedException;
import org.ticketwindow.idcheck.sync.Recorder;
import org.ticketwindow.idcheck.testing.CentralFixture;
import org.ticketwindow.idcheck.testing.Counters;
import org.ticketwindow.idcheck.verify.CounterKind;
import org.ticketwindow.idcheck.verify.Decision;
import org.ticketwindow.idcheck.verify.ExtraFactorCheck;
import org.ticketwindow.idcheck.verify.ExtraFactorKind;
import org.ticketwindow.idcheck.verify.Outcome;
import org.ticketwindow.idcheck.verify.Policy;
import org.ticketwindow.idcheck.verify.StatusChange;
import org.ticketwindow.idcheck.verify.VerificationRules;
import org.ticketwindow.idcheck.wire.AnswerKind;
import org.ticketwindow.idcheck.wire.LookupRequest;
import org.ticketwindow.idcheck.wire.ResultAnswer;
import org.ticketwindow.idcheck.wire.ResultEnvelope;
import org.ticketwindow.idcheck.wire.WireJson;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RD-42 end to end: the workspace records how many times the extra factor was given, the queued body carries the count
 * to the central (a real one: TLS, SQLite, the training records), and the central decides each result exactly as the
 * counter did, with the count or without it (a body queued before the count was kept).
 */
class ExtraFactorAttemptsTest {
    private static final Tasks NOW = new Tasks(Runnable::run, Runnable::run);
    private static final String COUNTER = "C1";
    @TempDir Path dir;

    /** What the counter decided, the body it queued and what the central answered to those exact bytes. */
    private record Sent(Decision counter, ExtraFactorCheck recorded, ResultAnswer central) {}

    @Test
    @DisplayName("V2 RD-42 the extra factor's attempts are recorded with the result and arrive at the central, which decides as the counter did whatever the count")
    void attemptsAreRecordedAndTheCentralDecidesTheSame() throws Exception {
        try (CentralFixture central = CentralFixture.start(dir.resolve("central"), 0);
             LocalStore store = Counters.store(dir.resolve("counter"))) {
            CentralClient client = central.client(COUNTER);
            Recorder recorder = new Recorder(store.results(), COUNTER);

            Sent first = send(central, client, store, recorder, false, "1234");
            Sent second = send(central, client, store, recorder, false, "9999", "1234");
            Sent refused = send(central, client, store, recorder, false, "9999", "9998", "9997");
            Sent older = send(central, client, store, recorder, true, "9999", "1234");

            assertThat(first.recorded()).isEqualTo(new ExtraFactorCheck(ExtraFactorCheck.Status.MATCHED, ExtraFactorKind.PHONE_LAST4, null, 1));
            assertThat(second.recorded()).isEqualTo(new ExtraFactorCheck(ExtraFactorCheck.Status.MATCHED, ExtraFactorKind.PHONE_LAST4, null, 2));
            assertThat(refused.recorded()).isEqualTo(new ExtraFactorCheck(ExtraFactorCheck.Status.NOT_MATCHED, ExtraFactorKind.PHONE_LAST4, null, 3));
            assertThat(older.recorded().attempts()).as("a body without the count reads as 0").isZero();

            for (Sent s : List.of(first, second, refused, older)) {
                assertThat(s.central().answer()).as(s.central().summary()).isEqualTo(AnswerKind.APPLIED);
                assertThat(s.central().outcome()).isEqualTo(s.counter().outcome());
                assertThat(effects(s.central().changes())).isEqualTo(effects(s.counter().statusChanges()));
            }
            assertThat(first.counter().outcome()).isEqualTo(Outcome.PASSED);
            assertThat(effects(first.central().changes())).isNotEmpty();
            assertThat(refused.counter().outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(refused.central().changes()).isEmpty();
            // one, two or an unknown number of attempts: the same decision at the central
            for (Sent s : List.of(second, older)) {
                assertThat(s.central().outcome()).isEqualTo(first.central().outcome());
                assertThat(effects(s.central().changes())).isEqualTo(effects(first.central().changes()));
                assertThat(s.central().reason()).isEqualTo(first.central().reason());
            }
        }
    }

    /**
     * One passenger at the workspace: the training card with a special name, the extra factor given as {@code values}
     * (phone last 4; the record holds 1234), recorded; the queued body goes to the central holding the records as
     * seeded. {@code asOlderCounter}: the count is taken out of the body first, as a counter before RD-42 queued it.
     */
    private static Sent send(CentralFixture central, CentralClient client, LocalStore store, Recorder recorder,
                             boolean asOlderCounter, String... values) throws Exception {
        central.service.resetRecords(TrainingRecords.tray());
        WorkspaceViewModel vm = new WorkspaceViewModel(CounterKind.STATION_WINDOW, Policy.DEFAULT, "1001", recorder,
                (type, number) -> {
                    try {
                        return client.lookup(new LookupRequest(type, number)).records();
                    } catch (CentralRefusedException e) {
                        throw new AssertionError(e);
                    }
                }, () -> { }, new VerificationRules(), Optional.empty(), NOW, Messages.of(Messages.CHINESE), Clock.systemUTC());
        vm.onReaderEvent(new ReaderEvent.CardOutcome("simulator",
                new ReadOutcome.Read(CardFixture.builtIn("rare-pua").card(), StageTimings.NONE)));
        for (String v : values) vm.giveExtraFactor(ExtraFactorKind.PHONE_LAST4, v);
        Decision decided = vm.decision().get();
        assertThat(vm.canRecord().get()).as("recordable").isTrue();
        vm.record();
        List<OutgoingResult> queued = store.results().claim(10);
        assertThat(queued).hasSize(1);
        byte[] body = queued.getFirst().body();
        if (asOlderCounter) {
            ObjectNode tree = (ObjectNode) WireJson.mapper().readTree(body);
            assertThat(((ObjectNode) tree.get("evidence").get("extraFactor")).remove("attempts")).isNotNull();
            body = WireJson.mapper().writeValueAsBytes(tree);
        }
        ExtraFactorCheck recorded = WireJson.mapper().readValue(body, ResultEnvelope.class).evidence().extraFactor();
        return new Sent(decided, recorded, client.submitOne(queued.getFirst().id(), body));
    }

    private static List<String> effects(List<StatusChange> changes) {
        return changes.stream().map(c -> c.recordId() + "->" + c.to() + c.frozen()).toList();
    }
}
