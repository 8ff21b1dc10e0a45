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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The reader's one owner at a time, on the simulated reader through the real SAM session and frame codec (D3: two
 * users mixing their exchanges turn a good card into "0x41 unreadable", a refusal).
 */
class ReaderOwnershipTest {
    private static final HardwareProfile PROFILE = TestProfiles.fast(TestProfiles.shipped("simulator"), Duration.ofMillis(50));

    private static SimulatedSam samWithCard() throws Exception {
        SimulatedSam sam = new SimulatedSam(FaultPlan.none());
        sam.place(CardFixture.builtIn("ordinary"));
        return sam;
    }

    @Test
    @DisplayName("D3 exclusive: while one use holds the reader another gets a clear refusal naming the holder, and nothing reaches the reader")
    void exclusive() throws Exception {
        SimulatedSam sam = samWithCard();
        try (ReaderOwnership owner = ReaderOwnership.of(SimulatedReaders.open(sam, PROFILE, TestProfiles.TODAY));
             ReaderOwnership.Lease calibration = owner.acquire(ReaderUse.CALIBRATION, Duration.ZERO)) {
            assertThat(owner.holder()).contains(ReaderUse.CALIBRATION);
            int before = sam.journal().size();
            assertThatThrownBy(() -> owner.acquire(ReaderUse.WORKSPACE, Duration.ofMillis(200)))
                    .isInstanceOfSatisfying(ReaderBusyException.class, e -> {
                        assertThat(e.holder()).isEqualTo(ReaderUse.CALIBRATION);
                        assertThat(e.wanted()).isEqualTo(ReaderUse.WORKSPACE);
                        assertThat(e.getMessage()).contains("正在用于校准", "in use by a calibration");
                    });
            assertThat(sam.journal()).hasSize(before);
            assertThat(calibration.reader().read()).isInstanceOf(ReadOutcome.Read.class);
        }
    }

    @Test
    @DisplayName("D3 explicit handover: a waiting use starts only when the holder hands the reader back, and its reader works")
    void handover() throws Exception {
        SimulatedSam sam = samWithCard();
        try (ReaderOwnership owner = ReaderOwnership.of(SimulatedReaders.open(sam, PROFILE, TestProfiles.TODAY))) {
            ReaderOwnership.Lease calibration = owner.acquire(ReaderUse.CALIBRATION, Duration.ZERO);
            CompletableFuture<ReadOutcome> workspace = CompletableFuture.supplyAsync(() -> {
                try (ReaderOwnership.Lease lease = owner.acquire(ReaderUse.WORKSPACE)) {
                    return lease.reader().read();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThat(workspace).as("the workspace waits while the calibration holds the reader").isNotDone();
            calibration.close();
            assertThat(workspace.get(5, TimeUnit.SECONDS)).isInstanceOf(ReadOutcome.Read.class);
            assertThat(owner.holder()).isEmpty();
        }
    }

    @Test
    @DisplayName("a lease's reader refuses every call once handed back: a forgotten user cannot reach the device")
    void releasedLeaseIsDead() throws Exception {
        SimulatedSam sam = samWithCard();
        try (ReaderOwnership owner = ReaderOwnership.of(SimulatedReaders.open(sam, PROFILE, TestProfiles.TODAY))) {
            ReaderOwnership.Lease probe = owner.acquire(ReaderUse.SAM_CHECK, Duration.ZERO);
            CardReader stale = probe.reader();
            assertThat(stale.health().healthy()).isTrue();
            probe.close();
            probe.close(); // twice is harmless
            assertThat(probe.held()).isFalse();
            int before = sam.journal().size();
            assertThatThrownBy(stale::read).isInstanceOf(IllegalStateException.class).hasMessageContaining("after handing it back");
            assertThatThrownBy(stale::presence).isInstanceOf(IllegalStateException.class);
            assertThat(sam.journal()).hasSize(before);
            try (ReaderOwnership.Lease next = owner.acquire(ReaderUse.CALIBRATION, Duration.ZERO)) {
                assertThat(next.reader().read()).isInstanceOf(ReadOutcome.Read.class);
            }
        }
    }

    @Test
    @DisplayName("D3 handing back waits for the exchange in progress on another thread: the next holder never starts mid-sequence")
    void releaseWaitsForTheCallInProgress() throws Exception {
        SimulatedSam sam = samWithCard();
        // at 9600 baud the read answer takes ~1.3 s on the (simulated) wire
        HardwareProfile patient = TestProfiles.fast(TestProfiles.shipped("simulator"), Duration.ofSeconds(3));
        try (ReaderOwnership owner = ReaderOwnership.of(SimulatedReaders.openPaced(sam, patient, TestProfiles.TODAY, 9600))) {
            ReaderOwnership.Lease calibration = owner.acquire(ReaderUse.CALIBRATION, Duration.ZERO);
            CompletableFuture<ReadOutcome> read = CompletableFuture.supplyAsync(() -> calibration.reader().read());
            // the read command is answered, its answer still streaming on the paced wire
            await().atMost(Duration.ofSeconds(5)).until(() -> sam.journal().stream().anyMatch(x -> x.command() >> 8 == 0x30));
            assertThat(read).isNotDone();
            long t0 = System.nanoTime();
            calibration.close(); // from this thread, while the read runs on another
            long waitedMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(waitedMs).as("handed back only after the ~1.3 s answer had come").isGreaterThan(500);
            assertThat(read.get(1, TimeUnit.SECONDS)).isInstanceOf(ReadOutcome.Read.class);
            try (ReaderOwnership.Lease workspace = owner.acquire(ReaderUse.WORKSPACE, Duration.ZERO)) {
                assertThat(workspace.reader().read()).isInstanceOf(ReadOutcome.Read.class);
            }
        }
    }

    @Test
    @DisplayName("a holder that fails hands the reader back (try-with-resources); closing the ownership closes the reader for good")
    void releaseOnFailureAndClose() throws Exception {
        SimulatedSam sam = samWithCard();
        ReaderOwnership owner = ReaderOwnership.of(SimulatedReaders.open(sam, PROFILE, TestProfiles.TODAY));
        assertThatThrownBy(() -> {
            try (ReaderOwnership.Lease lease = owner.acquire(ReaderUse.CALIBRATION, Duration.ZERO)) {
                lease.reader().read();
                throw new IllegalStateException("the calibration failed");
            }
        }).hasMessage("the calibration failed");
        assertThat(owner.holder()).isEmpty();
        owner.close();
        assertThatThrownBy(() -> owner.acquire(ReaderUse.WORKSPACE, Duration.ZERO)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    @DisplayName("D3 the reader loop waits for the holder, reads only after the handover, and hands the reader back when closed")
    void loopTakesTurns() throws Exception {
        SimulatedSam sam = samWithCard();
        List<ReaderEvent> events = new CopyOnWriteArrayList<>();
        try (ReaderOwnership owner = ReaderOwnership.of(SimulatedReaders.open(sam, PROFILE, TestProfiles.TODAY))) {
            ReaderOwnership.Lease calibration = owner.acquire(ReaderUse.CALIBRATION, Duration.ZERO);
            ReaderLoop loop = new ReaderLoop(owner, ReaderUse.WORKSPACE, events::add).start();
            Thread.sleep(300);
            assertThat(events).as("nothing read while the calibration holds the reader").isEmpty();
            assertThat(owner.holder()).contains(ReaderUse.CALIBRATION);
            calibration.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> events.stream().anyMatch(e -> e instanceof ReaderEvent.CardOutcome));
            assertThat(events).filteredOn(e -> e instanceof ReaderEvent.CardOutcome)
                    .allSatisfy(e -> assertThat(((ReaderEvent.CardOutcome) e).outcome()).isInstanceOf(ReadOutcome.Read.class));
            assertThat(owner.holder()).contains(ReaderUse.WORKSPACE);
            loop.close();
            assertThat(owner.holder()).as("closing the loop hands the reader back").isEmpty();
            owner.acquire(ReaderUse.CALIBRATION, Duration.ZERO).close();
        }
    }

    @Test
    @DisplayName("a loop closed while still waiting for the reader never takes it")
    void loopClosedWhileWaiting() throws Exception {
        SimulatedSam sam = samWithCard();
        try (ReaderOwnership owner = ReaderOwnership.of(SimulatedReaders.open(sam, PROFILE, TestProfiles.TODAY))) {
            ReaderOwnership.Lease calibration = owner.acquire(ReaderUse.CALIBRATION, Duration.ZERO);
            ReaderLoop loop = new ReaderLoop(owner, ReaderUse.WORKSPACE, e -> { }).start();
            Thread.sleep(100);
            loop.close();
            calibration.close();
            assertThat(owner.holder()).isEmpty();
        }
    }
}
