package org.ticketwindow.idcheck.ui;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.Masking;
import org.ticketwindow.idcheck.identity.RailwayTime;
import org.ticketwindow.idcheck.reader.Calibration;
import org.ticketwindow.idcheck.reader.CardReader;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.ReaderEvent;
import org.ticketwindow.idcheck.reader.ReaderBusyException;
import org.ticketwindow.idcheck.reader.ReaderLoop;
import org.ticketwindow.idcheck.reader.ReaderOwnership;
import org.ticketwindow.idcheck.reader.ReaderUse;
import org.ticketwindow.idcheck.reader.SamHealth;
import org.ticketwindow.idcheck.reader.SamId;
import org.ticketwindow.idcheck.reader.TimeoutKey;
import org.ticketwindow.idcheck.text.Text;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The technician screen: the readers found, the profile in use, SAM status and ID, a live (masked) event log, the
 * calibration run, profile tuning saved to the override file, and the diagnostics bundle. The reader has one owner at
 * a time ({@link ReaderOwnership}): the live loop while the screen idles, a SAM check or a calibration run on the
 * reader executor otherwise. A calibration can be stopped (Stop button, or leaving the screen after confirming), and
 * {@link #close()} tells the console when this screen has handed the reader back, so the workspace's loop starts only
 * after the calibration has stopped.
 */
public final class TechnicianViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(TechnicianViewModel.class);
    /** How long a SAM check or a calibration waits for the reader (the live loop hands it back within one read). */
    private static final Duration READER_WAIT = Duration.ofSeconds(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** What the screen needs from the console beyond the reader. */
    public interface Host {
        /** The reader in use (empty: none configured). */
        Optional<ReaderOwnership> reader();
        /** Serial ports and PC/SC readers found on this machine (may be slow: called in the background). */
        List<String> readersFound() throws Exception;
        /** Validates and saves the tuning of the profile in use, then reopens the reader with it. */
        HardwareProfile saveTuning(String profileId, Map<String, Object> values) throws Exception; // holds the reader itself
        /** Writes the diagnostics bundle with what this screen found (readers, SAM status, calibration); returns where. */
        java.nio.file.Path exportDiagnostics(List<String> readers, Optional<SamHealth> sam, Optional<Calibration.Report> calibration)
                throws Exception;
        /** Which photo decoder is configured and whether it loads, as one line (may be slow: called in the background). */
        default String photoDecoder() throws Exception { return ""; }
        /** What the screen keeps for the session across visits and F2 (the last calibration, the reads, the live log). */
        default TechnicianMemory memory() { return new TechnicianMemory(); }
    }

    /** A calibration's reads until the technician chooses another number. */
    static final int DEFAULT_READS = 50;

    private final Host host;
    private final TechnicianMemory memory;
    private final ExecutorService readerThread;
    private final Tasks tasks;
    private final Messages messages;

    private final ObservableList<String> readers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper profile = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sam = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper photoDecoder = new ReadOnlyStringWrapper("");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final IntegerProperty reads = new SimpleIntegerProperty(DEFAULT_READS);
    /** The reads asked of the calibration running or last run. */
    private int requestedReads;
    private final ReadOnlyBooleanWrapper calibrating = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper stopping = new ReadOnlyBooleanWrapper(false);
    /** Read by the calibration between two reads (on the reader thread). */
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<Calibration.Report> report = new ReadOnlyObjectWrapper<>();
    private final StringProperty bauds = new SimpleStringProperty("");
    private final StringProperty findMs = new SimpleStringProperty("");
    private final StringProperty selectMs = new SimpleStringProperty("");
    private final StringProperty readMs = new SimpleStringProperty("");
    private final StringProperty pollMs = new SimpleStringProperty("");
    private final StringProperty rfFrameSize = new SimpleStringProperty("");
    private final StringProperty logLevel = new SimpleStringProperty(org.ticketwindow.idcheck.app.logging.LogLevels.current());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper messageIsProblem = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    /** {@link #message} is the last calibration's "no test card": a card placed replaces it. */
    private boolean noTestCardShown;

    private ReaderLoop loop;
    private SamHealth lastSam;
    /** The last reader work this screen started (SAM check, calibration): done once it has handed the reader back. */
    private CompletableFuture<Void> readerWork = CompletableFuture.completedFuture(null);
    /** The screen was left: nothing restarts the live loop. */
    private boolean closed;

    public TechnicianViewModel(Host host, ExecutorService readerThread, Tasks tasks, Messages messages) {
        this.host = host;
        this.memory = host.memory();
        this.readerThread = readerThread;
        this.tasks = tasks;
        this.messages = messages;
        host.reader().ifPresentOrElse(r -> showProfile(r.profile()), () -> profile.set(messages.get("tech.noReader")));
        reads.set(memory.reads()); // F2 built the screen again: the 10 typed stays 10, not 50 again
        // and the events logged before it stay listed, in this screen's language
        log.setAll(memory.liveLog().stream().map(this::render).toList());
        reads.subscribe(n -> memory.readsChosen(n.intValue()));
        memory.lastCalibration().ifPresent(last -> { // the result stays when the screen is left and opened again
            report.set(last);
            progress.set(last.requested() == 0 ? 0 : last.reads() / (double) last.requested());
            if (last.noTestCard()) noTestCard();
        });
    }

    public ObservableList<String> readers() { return readers; }
    public ReadOnlyStringProperty profile() { return profile.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sam() { return sam.getReadOnlyProperty(); }
    /** The photo decoder configured for this counter and whether it loads (issue 17). */
    public ReadOnlyStringProperty photoDecoder() { return photoDecoder.getReadOnlyProperty(); }
    public ObservableList<String> log() { return log; }
    public IntegerProperty reads() { return reads; }
    public ReadOnlyBooleanProperty calibrating() { return calibrating.getReadOnlyProperty(); }
    /** A stop was asked for and the calibration has not stopped yet (it finishes the read in progress). */
    public ReadOnlyBooleanProperty stopping() { return stopping.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progress() { return progress.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Calibration.Report> report() { return report.getReadOnlyProperty(); }
    public StringProperty bauds() { return bauds; }
    public StringProperty findMs() { return findMs; }
    public StringProperty selectMs() { return selectMs; }
    public StringProperty readMs() { return readMs; }
    public StringProperty pollMs() { return pollMs; }
    public StringProperty rfFrameSize() { return rfFrameSize; }
    public ReadOnlyStringProperty logLevel() { return logLevel; }
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }

    /** Whether the message says something went wrong or was not done (shown in red, not in the green of a success). */
    public javafx.beans.property.ReadOnlyBooleanProperty messageIsProblem() { return messageIsProblem.getReadOnlyProperty(); }

    private void say(String text) {
        messageIsProblem.set(false);
        message.set(text);
        noTestCardShown = false;
    }

    private void warn(String text) {
        messageIsProblem.set(true);
        message.set(text);
        noTestCardShown = false;
    }

    /** The screen opened: find readers, check the SAM, start the live log. */
    public void open() {
        tasks.run(host::readersFound, readers::setAll, e -> readers.setAll(messages.get("tech.scanFailed", e.getMessage())));
        tasks.run(host::photoDecoder, photoDecoder::set, e -> photoDecoder.set(messages.get("tech.photoFailed", e.getMessage())));
        checkSam();
    }

    /**
     * What to ask before the screen is left: a running calibration is stopped by leaving, so the technician confirms
     * first (empty: nothing runs, leave at once).
     */
    public Optional<String> leaveWarning() {
        if (!calibrating.get()) return Optional.empty();
        Calibration.Report r = report.get();
        return Optional.of(messages.get("tech.leaveWhileCalibrating", r == null ? 0 : r.reads(), requestedReads));
    }

    /**
     * The screen is left: a running calibration is stopped after its current read and the live loop gives the reader
     * back. The answer completes (on the reader's thread) once this screen holds the reader no more: the console starts
     * the workspace's loop only then.
     */
    public CompletableFuture<Void> close() {
        closed = true;
        if (calibrating.get()) stopCalibration();
        stopLoop();
        return readerWork;
    }

    /** Asks the SAM for its status and ID, then resumes the live log. */
    public void checkSam() {
        Optional<ReaderOwnership> r = host.reader();
        if (r.isEmpty()) {
            sam.set(messages.get("tech.noReader"));
            return;
        }
        if (closed || calibrating.get()) return;
        stopLoop();
        sam.set(messages.get("tech.samChecking"));
        onReader(r.get(), ReaderUse.SAM_CHECK, CardReader::health, h -> {
            lastSam = h;
            // the id on a line of its own, which it fills at the largest text: too long for it, it breaks after a hyphen,
            // never inside a group of digits (glued whole, it broke "…-00000000" / "42"; UnbrokenTest)
            Text line = h.healthy() ? Text.of("tech.samOk", h.samId().map(SamId::routonStyle).map(Unbroken::breakableAfterHyphens).orElse("?"))
                    : Text.of("tech.samFault", h.fault().get().clerk());
            sam.set(messages.of(line));
            append(line);
            startLoop();
        }, e -> {
            sam.set(messages.get("tech.samFault", e.getMessage()));
            startLoop();
        });
    }

    /** The calibration run: {@link #reads} reads of the test card on the reader, the report updated as it goes. */
    public void calibrate() {
        Optional<ReaderOwnership> r = host.reader();
        if (r.isEmpty() || calibrating.get() || closed) return;
        int n = reads.get();
        if (n < 1 || n > 10_000) {
            warn(messages.get("tech.readsRange"));
            return;
        }
        stopLoop();
        stopRequested.set(false);
        requestedReads = n;
        calibrating.set(true);
        progress.set(0);
        report.set(null);
        say("");
        append(Text.of("tech.calibrationStarted", n));
        onReader(r.get(), ReaderUse.CALIBRATION, reader -> Calibration.run(reader, n, partial -> tasks.onUi(() -> {
            if (calibrating.get()) { // a late progress report never overwrites the final one
                report.set(partial);
                progress.set(partial.reads() / (double) n);
            }
        }), stopRequested::get), done -> {
            calibrating.set(false);
            stopping.set(false);
            report.set(done);
            progress.set(done.reads() / (double) n);
            String rate = String.format("%.1f", done.successRate() * 100);
            String p95 = String.format("%.0f", done.p95Ms());
            memory.calibrated(done); // shown again when the screen is left and opened again
            if (done.noTestCard()) {
                noTestCard();
                append(Text.of("tech.noTestCard"));
            } else if (done.stopped()) {
                Text stopped = Text.of("tech.calibrationStopped", done.reads(), done.requested(), rate, p95);
                say(messages.of(stopped));
                append(stopped);
                LOG.info("calibration on {} stopped after {} of {} reads ({}% read)", done.reader(), done.reads(), done.requested(), rate);
            } else {
                append(Text.of("tech.calibrationDone", done.reads(), rate, p95));
            }
            startLoop();
        }, e -> {
            calibrating.set(false);
            stopping.set(false);
            warn(messages.get("tech.calibrationFailed", e.getMessage()));
            startLoop();
        });
    }

    /** The Stop button: the calibration stops after the read in progress and reports what it did (N of M). */
    public void stopCalibration() {
        if (!calibrating.get() || stopping.get()) return;
        stopRequested.set(true);
        stopping.set(true);
        append(Text.of("tech.calibrationStopping"));
    }

    /** Saves the tuning fields to the override file (validated with every profile first) and reopens the reader. */
    public void saveTuning() {
        Optional<ReaderOwnership> r = host.reader();
        if (r.isEmpty() || calibrating.get() || closed) return;
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            if (!bauds.get().isBlank()) {
                values.put("bauds", java.util.Arrays.stream(bauds.get().split("[,\\s]+")).filter(s -> !s.isBlank()).map(Integer::parseInt).toList());
            }
            Map<String, Integer> timeouts = new LinkedHashMap<>();
            timeouts.put("find", Integer.parseInt(findMs.get().strip()));
            timeouts.put("select", Integer.parseInt(selectMs.get().strip()));
            timeouts.put("read", Integer.parseInt(readMs.get().strip()));
            values.put("timeoutsMs", timeouts);
            values.put("pollIntervalMs", Integer.parseInt(pollMs.get().strip()));
            if (!rfFrameSize.get().isBlank()) values.put("rfFrameSize", Integer.parseInt(rfFrameSize.get().strip()));
        } catch (NumberFormatException e) {
            warn(messages.get("tech.notNumber"));
            return;
        }
        String id = r.get().profile().id();
        stopLoop();
        tasks.run(() -> host.saveTuning(id, values), p -> {
            showProfile(p);
            Text saved = Text.of("tech.tuningSaved", id);
            say(messages.of(saved));
            append(saved);
            startLoop();
        }, e -> {
            warn(messages.get("tech.tuningRefused", e.getMessage()));
            startLoop();
        });
    }

    /** The application log's level, switched at run time (e.g. DEBUG while chasing a reader problem, then back). */
    public void setLogLevel(String level) {
        if (level == null || level.equals(logLevel.get())) return;
        org.ticketwindow.idcheck.app.logging.LogLevels.set(level);
        logLevel.set(level);
        say(messages.get("tech.logLevelSet", level));
    }

    /** Writes the diagnostics bundle for support. */
    public void exportDiagnostics() {
        say(messages.get("tech.exporting"));
        Optional<SamHealth> s = Optional.ofNullable(lastSam);
        Optional<Calibration.Report> c = Optional.ofNullable(report.get());
        List<String> found = List.copyOf(readers);
        tasks.run(() -> host.exportDiagnostics(found, s, c), path -> say(messages.get("tech.exported", path)),
                e -> warn(messages.get("tech.exportFailed", e.getMessage())));
    }

    private void showProfile(HardwareProfile p) {
        profile.set(messages.get("tech.profile", p.id(), p.displayName(messages.english()), p.transport(), host.reader().map(ReaderOwnership::name).orElse("-")));
        bauds.set(String.join(", ", p.bauds().stream().map(String::valueOf).toList()));
        findMs.set(ms(p.timeout(TimeoutKey.FIND)));
        selectMs.set(ms(p.timeout(TimeoutKey.SELECT)));
        readMs.set(ms(p.timeout(TimeoutKey.READ)));
        pollMs.set(ms(p.pollInterval()));
        rfFrameSize.set(p.rfFrameSize().isPresent() ? String.valueOf(p.rfFrameSize().getAsInt()) : "");
    }

    private static String ms(Duration d) { return d == null ? "" : String.valueOf(d.toMillis()); }

    /**
     * Runs {@code work} on the reader executor holding the reader for {@code use}; {@code done} or {@code failed} on
     * the UI. {@link #readerWork} completes once the reader is handed back.
     */
    private <T> void onReader(ReaderOwnership owner, ReaderUse use, ReaderWork<T> work, Consumer<T> done, Consumer<Exception> failed) {
        CompletableFuture<T> result;
        try {
            result = CompletableFuture.supplyAsync(() -> {
                try (ReaderOwnership.Lease lease = owner.acquire(use, READER_WAIT)) {
                    return work.on(lease.reader());
                } catch (ReaderBusyException | InterruptedException e) {
                    throw new CompletionException(e);
                }
            }, readerThread);
        } catch (RejectedExecutionException e) { // the console is shutting down
            failed.accept(e);
            return;
        }
        readerWork = result.handle((v, e) -> null);
        result.whenComplete((v, e) -> tasks.onUi(() -> {
            if (e == null) done.accept(v);
            else failed.accept(e instanceof CompletionException c && c.getCause() instanceof Exception x ? x
                    : e instanceof Exception x ? x : new IllegalStateException(e));
        }));
    }

    /** Something done with the reader while holding it. */
    @FunctionalInterface
    private interface ReaderWork<T> {
        T on(CardReader reader);
    }

    private void startLoop() {
        if (loop != null || closed || calibrating.get()) return;
        host.reader().ifPresent(r -> loop = new ReaderLoop(r, ReaderUse.LIVE_LOG, e -> tasks.onUi(() -> onLiveEvent(e))).start());
    }

    /**
     * A live event: logged; a card on the reader (read, refused or unreadable: it is there) ends the last calibration's
     * "no test card", which stayed red beside the card in the log.
     */
    private void onLiveEvent(ReaderEvent e) {
        append(event(e));
        if (noTestCardShown && e instanceof ReaderEvent.CardOutcome o && !(o.outcome() instanceof ReadOutcome.NoCard)
                && !(o.outcome() instanceof ReadOutcome.DeviceFault)) {
            say(messages.get("tech.testCardPlaced"));
        }
    }

    /** The last calibration's "no test card" warning is the message shown. */
    private void noTestCard() {
        warn(messages.get("tech.noTestCard"));
        noTestCardShown = true;
    }

    private void stopLoop() {
        if (loop == null) return;
        loop.close();
        loop = null;
    }

    /**
     * One log line for a reader event; personal data masked (PD1). The masked name and number are the one personal
     * data a {@code Text} here carries: it is shown on this screen and kept in memory, never logged or stored.
     */
    static Text event(ReaderEvent e) {
        return switch (e) {
            case ReaderEvent.CardOutcome o -> switch (o.outcome()) {
                case ReadOutcome.Read r -> Text.of("tech.liveRead", r.clerk(), masked(r.card()),
                        String.valueOf(r.timings().total().toMillis()));
                case ReadOutcome.Refused r -> Text.of("tech.liveRefused", r.clerk(), masked(r.card()));
                default -> o.outcome().clerk();
            };
            case ReaderEvent.CardRemoved r -> Text.of("tech.removed");
            case ReaderEvent.Reading r -> Text.of("reader.reading");
            case ReaderEvent.Fault f -> f.fault().clerk();
            case ReaderEvent.Recovered r -> Text.of("tech.recovered");
        };
    }

    private static String masked(CardData c) {
        return Masking.name(c.name().value()) + " " + Masking.documentNumber(c.idNumber().value());
    }

    /** Logs a line in the session's memory (kept across F2, as text in no language) and shows it. */
    private void append(Text text) {
        TechnicianMemory.LogLine line = new TechnicianMemory.LogLine(LocalTime.now(RailwayTime.ZONE), text);
        int dropped = memory.log(line);
        log.add(render(line));
        if (dropped > 0) log.remove(0, dropped);
    }

    private String render(TechnicianMemory.LogLine line) { return line.at().format(TIME) + "  " + messages.of(line.text()); }
}
