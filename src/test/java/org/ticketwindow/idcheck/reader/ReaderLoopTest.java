package org.ticketwindow.idcheck.reader;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.sim.SimulatedReaders;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;
import org.ticketwindow.idcheck.testing.TestProfiles;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReaderLoopTest {

    @Test
    @DisplayName("a card moved away during the read is reported (no card, removed mid-read), never left on \"reading\"")
    void cardRemovedDuringTheRead() throws Exception {
        SimulatedSam sam = new SimulatedSam(FaultPlan.none().cardRemovedDuringRead(1.0));
        List<ReaderEvent> events = new CopyOnWriteArrayList<>();
        HardwareProfile profile = TestProfiles.fast(TestProfiles.shipped("simulator"), Duration.ofMillis(100));
        try (ReaderLoop loop = new ReaderLoop(ReaderOwnership.of(SimulatedReaders.open(sam, profile, TestProfiles.TODAY)), ReaderUse.WORKSPACE, events::add).start()) {
            sam.place(CardFixture.builtIn("ordinary"));
            await().atMost(Duration.ofSeconds(5)).until(() -> events.stream().anyMatch(e -> e instanceof ReaderEvent.CardOutcome));
            ReaderEvent first = events.stream().filter(e -> e instanceof ReaderEvent.CardOutcome).findFirst().orElseThrow();
            assertThat(((ReaderEvent.CardOutcome) first).outcome()).isEqualTo(new ReadOutcome.NoCard(true));
            assertThat(events.getFirst()).isInstanceOf(ReaderEvent.Reading.class);
        }
    }

    @Test
    @DisplayName("the reader thread reports a card once (reading, then the outcome), its removal, a fault once, and the recovery")
    void events() throws Exception {
        SimulatedSam sam = new SimulatedSam(FaultPlan.none());
        List<ReaderEvent> events = new CopyOnWriteArrayList<>();
        HardwareProfile profile = TestProfiles.fast(TestProfiles.shipped("simulator"), Duration.ofMillis(100));
        try (ReaderLoop loop = new ReaderLoop(ReaderOwnership.of(SimulatedReaders.open(sam, profile, TestProfiles.TODAY)), ReaderUse.WORKSPACE, events::add).start()) {
            sam.place(CardFixture.builtIn("ordinary"));
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
            assertThat(events.getFirst()).as("found: reading").isInstanceOf(ReaderEvent.Reading.class);
            assertThat(events.get(1)).isInstanceOfSatisfying(ReaderEvent.CardOutcome.class,
                    e -> assertThat(e.outcome()).isInstanceOf(ReadOutcome.Read.class));
            Thread.sleep(300);
            assertThat(events).hasSize(2); // the same card is not reported again while it stays
            sam.remove();
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 3);
            assertThat(events.get(2)).isInstanceOf(ReaderEvent.CardRemoved.class);
            sam.condition(SimulatedSam.Condition.SELF_TEST_FAILED);
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 4);
            assertThat(events.get(3)).isInstanceOf(ReaderEvent.Fault.class);
            Thread.sleep(500);
            assertThat(events).hasSize(4); // one report per fault streak
            sam.condition(SimulatedSam.Condition.OK);
            await().atMost(Duration.ofSeconds(8)).until(() -> events.size() == 5);
            assertThat(events.get(4)).isInstanceOf(ReaderEvent.Recovered.class);
        }
    }

    @Test
    @DisplayName("closing the loop in the middle of a read (the technician starts a calibration) reports no device fault")
    void closeDuringARead() throws Exception {
        SimulatedSam sam = new SimulatedSam(FaultPlan.none());
        List<ReaderEvent> events = new CopyOnWriteArrayList<>();
        // at 9600 baud the read answer takes ~1.3 s on the (simulated) wire: time enough to close during it (with a
        // timeout longer than that: at 100 ms the read timed out first whenever the test thread was slow to look)
        HardwareProfile profile = TestProfiles.fast(TestProfiles.shipped("simulator"), Duration.ofSeconds(3));
        ReaderLoop loop = new ReaderLoop(ReaderOwnership.of(SimulatedReaders.openPaced(sam, profile, TestProfiles.TODAY, 9600)), ReaderUse.WORKSPACE, events::add).start();
        sam.place(CardFixture.builtIn("ordinary"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
        assertThat(events.getFirst()).isInstanceOf(ReaderEvent.Reading.class);
        loop.close();
        Thread.sleep(200);
        assertThat(events).hasSize(1).noneMatch(e -> e instanceof ReaderEvent.Fault);
    }
}
