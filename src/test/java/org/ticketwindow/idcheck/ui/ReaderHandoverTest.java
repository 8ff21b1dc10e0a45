package org.ticketwindow.idcheck.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.reader.Calibration;
import org.ticketwindow.idcheck.reader.CardReader;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.ReaderLoop;
import org.ticketwindow.idcheck.reader.ReaderOwnership;
import org.ticketwindow.idcheck.reader.ReaderUse;
import org.ticketwindow.idcheck.reader.SamHealth;
import org.ticketwindow.idcheck.reader.serial.SerialReaders;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.sim.SerialReaderEmulator;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;
import org.ticketwindow.idcheck.store.ClerkRole;
import org.ticketwindow.idcheck.store.KeyFile;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.sync.CentralUnavailableException;
import org.ticketwindow.idcheck.sync.Recorder;
import org.ticketwindow.idcheck.testing.SocatPair;
import org.ticketwindow.idcheck.testing.TestProfiles;
import org.ticketwindow.idcheck.verify.CounterKind;
import org.ticketwindow.idcheck.verify.Policy;
import org.ticketwindow.idcheck.verify.VerificationRules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14 §4 on the real serial stack: the technician and workspace view models share one GA 467 reader — the serial
 * emulator behind a socat pty pair, read through jSerialComm, wire time kept at 115200 baud — and the emulator's
 * journal of exchanges shows who talked to the reader when. One owner at a time: a calibration left after two seconds
 * stops, and the workspace's loop reads only after it has stopped, so a good card is never refused (D3).
 */
class ReaderHandoverTest {
    /** The shipped profile with one baud (a pty ignores it; probing five would only cost time). */
    private static final HardwareProfile PROFILE = TestProfiles.shipped("ga467-serial").withBauds(List.of(115200));

    @TempDir Path dir;
    private SocatPair pair;
    private SimulatedSam sam;
    private SerialReaderEmulator emulator;
    private LocalStore store;
    /** The console's JavaFX thread stands in as one thread that runs every UI update in order. */
    private final ExecutorService ui = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("test-ui").factory());
    private final ExecutorService background = Executors.newCachedThreadPool(Thread.ofPlatform().name("test-task-", 0).daemon().factory());
    private final ExecutorService readerThread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("test-reader").daemon().factory());
    private final Tasks tasks = new Tasks(background, ui);
    private final Messages zh = Messages.of(Messages.CHINESE);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach void reader() throws Exception {
        pair = new SocatPair(dir); // skips, saying why, when socat is missing
        sam = new SimulatedSam(FaultPlan.none());
        sam.place(CardFixture.builtIn("ordinary")); // a good card: it must always read
        emulator = SerialReaderEmulator.start(pair.device(), sam, 115200);
        store = LocalStore.open(dir.resolve("data"), new KeyFile(dir.resolve("keys/installation.key")), Clock.systemUTC(), 0);
        store.clerks().add("1001", "测试员", ClerkRole.CLERK, "123456", "test");
    }

    @AfterEach void stop() throws Exception {
        for (AutoCloseable c : toClose.reversed()) c.close();
        ui.shutdownNow();
        background.shutdownNow();
        readerThread.shutdownNow();
        if (store != null) store.close();
        if (emulator != null) emulator.close();
        if (pair != null) pair.close();
    }

    private CardReader serialReader() {
        CardReader r = SerialReaders.open(pair.host(), PROFILE, Clock.systemUTC());
        toClose.add(r);
        return r;
    }

    private TechnicianViewModel technician(ReaderOwnership owner) {
        return new TechnicianViewModel(new TechnicianViewModel.Host() {
            @Override public Optional<ReaderOwnership> reader() { return Optional.of(owner); }
            @Override public List<String> readersFound() { return List.of(pair.host()); }
            @Override public HardwareProfile saveTuning(String id, Map<String, Object> values) { throw new UnsupportedOperationException(); }
            @Override public Path exportDiagnostics(List<String> r, Optional<SamHealth> s, Optional<Calibration.Report> c) {
                throw new UnsupportedOperationException();
            }
        }, readerThread, tasks, zh);
    }

    private WorkspaceViewModel workspace() {
        return new WorkspaceViewModel(CounterKind.STATION_WINDOW, Policy.DEFAULT, "1001", new Recorder(store.results(), "T001"),
                (type, number) -> { throw new CentralUnavailableException("no central in this test", null); },
                () -> { }, new VerificationRules(), Optional.empty(), tasks, zh, Clock.systemUTC());
    }

    /** Runs {@code work} on the stand-in UI thread and returns its answer (view models are touched there only). */
    private <T> T onUi(Callable<T> work) throws Exception { return ui.submit(work).get(10, TimeUnit.SECONDS); }

    @Test
    @DisplayName("D3 issue 14: 300-read calibration left after 2 s — it stops (N of 300), the workspace reads only after, the good card reads, no interleaved exchange")
    void aCalibrationLeftAfterTwoSecondsStopsBeforeTheWorkspaceReads() throws Exception {
        ReaderOwnership owner = ReaderOwnership.of(serialReader());
        TechnicianViewModel tech = technician(owner);
        WorkspaceViewModel desk = workspace();
        List<ReaderState> deskStates = new CopyOnWriteArrayList<>();
        onUi(() -> {
            desk.readerState().addListener((o, was, now) -> deskStates.add(now));
            tech.open(); // SAM check, then the live log reads the card placed
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> onUi(() -> tech.sam().get().contains("安全模块正常")));

        // the technician starts a 300-read calibration
        onUi(() -> {
            tech.reads().set(300);
            tech.calibrate();
            return null;
        });
        Thread.sleep(2000);
        int doneAfterTwoSeconds = onUi(() -> tech.report().get() == null ? 0 : tech.report().get().reads());
        assertThat(onUi(() -> tech.calibrating().get())).as("still calibrating after 2 s").isTrue();
        assertThat(doneAfterTwoSeconds).isBetween(1, 299);
        Optional<String> warning = onUi(tech::leaveWarning);
        assertThat(warning).hasValueSatisfying(w -> assertThat(w).contains("/300 次").contains("停止校准并离开"));

        // ... and leaves the screen (confirmed); the workspace's loop is started at once, without waiting for the
        // hand-back the console waits for: the reader's ownership alone must keep the two apart
        long left = System.nanoTime();
        CompletableFuture<Void> handedBack = onUi(tech::close);
        ReaderLoop deskLoop = new ReaderLoop(owner, ReaderUse.WORKSPACE, desk::onReaderEvent).start();
        toClose.add(deskLoop);
        handedBack.get(5, TimeUnit.SECONDS);
        long handBackMs = (System.nanoTime() - left) / 1_000_000;

        await().atMost(Duration.ofSeconds(10)).until(() -> onUi(() -> desk.readerState().get()) == ReaderState.READ);
        long deskReadMs = (System.nanoTime() - left) / 1_000_000;
        Calibration.Report report = onUi(() -> tech.report().get());
        assertThat(report.stopped()).isTrue();
        assertThat(report.requested()).isEqualTo(300);
        assertThat(report.reads()).isBetween(doneAfterTwoSeconds, 299);
        assertThat(report.outcomes().get(Calibration.Result.READ)).as("every calibration read of the good card read").isEqualTo(report.reads());
        assertThat(onUi(() -> tech.message().get())).isEqualTo("校准已停止：完成 " + report.reads() + "/300 次，成功率 100.0%，P95 "
                + String.format("%.0f", report.p95Ms()) + " ms");
        assertThat(onUi(() -> desk.card().get())).isNotNull();
        Thread.sleep(500); // the card stays on the reader: nothing more may happen at the desk
        assertThat(deskStates).as("D3: the good card is never refused at the desk").doesNotContain(ReaderState.REFUSED, ReaderState.FAULT)
                .contains(ReaderState.READ);
        assertThat(store.results().status().queued()).as("no refusal recorded").isZero();

        List<SimulatedSam.Exchange> journal = sam.journal();
        assertThat(journal.stream().filter(x -> x.command() >> 8 == 0x30).count()).as("reads seen by the emulator")
                .isGreaterThanOrEqualTo(report.reads() + 1L);
        assertThat(interleavings(journal)).as("each find-select-read sequence completes before the next begins").isEmpty();
        System.out.printf("ReaderHandoverTest: %d of 300 reads after 2 s, stopped at %d; reader handed back %d ms after leaving, "
                + "the desk read the card %d ms after leaving; %d exchanges in the journal%n",
                doneAfterTwoSeconds, report.reads(), handBackMs, deskReadMs, journal.size());
        assertThat(journal).as("no 0x41 (read failed) from the reader").noneMatch(x -> x.status() == 0x41);
    }

    @Test
    @DisplayName("D3 control: two users of one serial reader without one owner (the console before issue 14) mix their sequences or spoil reads")
    void withoutOneOwnerTheReaderIsSpoilt() throws Exception {
        CardReader shared = serialReader();
        // two ownerships of one reader: what the console had before, a calibration and a loop each driving it alone
        ReaderOwnership calibrationSide = ReaderOwnership.of(shared);
        ReaderOwnership workspaceSide = ReaderOwnership.of(shared);
        java.util.concurrent.atomic.AtomicBoolean seen = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Calibration.Report> last = new java.util.concurrent.atomic.AtomicReference<>();
        CompletableFuture<Calibration.Report> calibration = CompletableFuture.supplyAsync(() -> {
            try (ReaderOwnership.Lease lease = calibrationSide.acquire(ReaderUse.CALIBRATION, Duration.ZERO)) {
                return Calibration.run(lease.reader(), 300, last::set, seen::get);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, readerThread);
        try (ReaderLoop loop = new ReaderLoop(workspaceSide, ReaderUse.WORKSPACE, e -> { }).start()) {
            await().atMost(Duration.ofSeconds(45)).until(() -> spoilt(last.get()) || calibration.isDone());
            seen.set(true);
        }
        Calibration.Report report = calibration.get(30, TimeUnit.SECONDS);
        assertThat(spoilt(report)).as("the journal shows mixed sequences, or good-card reads failed: " + report.errorCodes()).isTrue();
    }

    private boolean spoilt(Calibration.Report soFar) {
        return !interleavings(sam.journal()).isEmpty() || soFar != null && soFar.outcomes().get(Calibration.Result.READ) < soFar.reads();
    }

    @Test
    @DisplayName("D3 the journal check: whole sequences pass; a find of another user between select and read is caught")
    void theJournalCheck() {
        var whole = journal(0x11FF, 0x90, 0x2001, 0x9F, 0x2002, 0x90, 0x3001, 0x90, 0x3003, 0x91, 0x2001, 0x9F, 0x2001, 0x80);
        assertThat(interleavings(whole)).isEmpty();
        var mixed = journal(0x2001, 0x9F, 0x2002, 0x90, 0x2001, 0x9F, 0x3001, 0x41, 0x2002, 0x90);
        assertThat(interleavings(mixed)).containsExactly("3: 2001:9F then 3001:41", "4: 3001:41 then 2002:90");
    }

    private static List<SimulatedSam.Exchange> journal(int... commandStatus) {
        List<SimulatedSam.Exchange> out = new ArrayList<>();
        for (int i = 0; i < commandStatus.length; i += 2) out.add(new SimulatedSam.Exchange(commandStatus[i], commandStatus[i + 1]));
        return out;
    }

    /**
     * Where the reader's exchanges are not whole sequences: a select not right after a find that found the card, a
     * read not right after a good select, an appended-address read not right after a good read. One owner at a time
     * never produces one; a find of another user between them does (and the next read answers 0x41).
     */
    static List<String> interleavings(List<SimulatedSam.Exchange> journal) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < journal.size(); i++) {
            SimulatedSam.Exchange x = journal.get(i);
            SimulatedSam.Exchange before = i == 0 ? null : journal.get(i - 1);
            boolean whole = switch (x.command()) {
                case 0x2002 -> before != null && before.command() == 0x2001 && before.status() == 0x9F;
                case 0x3001, 0x3010 -> before != null && before.command() == 0x2002 && before.status() == 0x90;
                case 0x3003 -> before != null && (before.command() == 0x3001 || before.command() == 0x3010) && before.status() == 0x90;
                default -> true;
            };
            if (!whole) out.add(i + ": " + before + " then " + x);
        }
        return out;
    }
}
