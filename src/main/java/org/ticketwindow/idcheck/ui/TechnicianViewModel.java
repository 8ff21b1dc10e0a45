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
import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.Masking;
import org.ticketwindow.idcheck.reader.Calibration;
import org.ticketwindow.idcheck.reader.CardReader;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.ReaderEvent;
import org.ticketwindow.idcheck.reader.ReaderLoop;
import org.ticketwindow.idcheck.reader.SamHealth;
import org.ticketwindow.idcheck.reader.sam.SamCommand;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The technician screen: the readers found, the profile in use, SAM status and ID, a live (masked) event log, the
 * calibration run, profile tuning saved to the override file, and the diagnostics bundle. The reader is driven by one
 * thread at a time (architecture.md): the live loop while the screen idles, the reader executor during a SAM check or
 * a calibration run.
 */
public final class TechnicianViewModel {
    private static final int LOG_LINES = 300;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** What the screen needs from the console beyond the reader. */
    public interface Host {
        /** The reader in use (empty: none configured). */
        Optional<CardReader> reader();
        /** Serial ports and PC/SC readers found on this machine (may be slow: called in the background). */
        List<String> readersFound() throws Exception;
        /** Validates and saves the tuning of the profile in use, then reopens the reader with it. */
        HardwareProfile saveTuning(String profileId, Map<String, Object> values) throws Exception;
        /** Writes the diagnostics bundle with what this screen found (readers, SAM status, calibration); returns where. */
        java.nio.file.Path exportDiagnostics(List<String> readers, Optional<SamHealth> sam, Optional<Calibration.Report> calibration)
                throws Exception;
    }

    private final Host host;
    private final ExecutorService readerThread;
    private final Tasks tasks;
    private final Messages messages;

    private final ObservableList<String> readers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper profile = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sam = new ReadOnlyStringWrapper("");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final IntegerProperty reads = new SimpleIntegerProperty(50);
    private final ReadOnlyBooleanWrapper calibrating = new ReadOnlyBooleanWrapper(false);
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

    private ReaderLoop loop;
    private SamHealth lastSam;

    public TechnicianViewModel(Host host, ExecutorService readerThread, Tasks tasks, Messages messages) {
        this.host = host;
        this.readerThread = readerThread;
        this.tasks = tasks;
        this.messages = messages;
        host.reader().ifPresentOrElse(r -> showProfile(r.profile()), () -> profile.set(messages.get("tech.noReader")));
    }

    public ObservableList<String> readers() { return readers; }
    public ReadOnlyStringProperty profile() { return profile.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sam() { return sam.getReadOnlyProperty(); }
    public ObservableList<String> log() { return log; }
    public IntegerProperty reads() { return reads; }
    public ReadOnlyBooleanProperty calibrating() { return calibrating.getReadOnlyProperty(); }
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

    /** The screen opened: find readers, check the SAM, start the live log. */
    public void open() {
        tasks.run(host::readersFound, readers::setAll, e -> readers.setAll(messages.get("tech.scanFailed", e.getMessage())));
        checkSam();
    }

    /** The screen closed: the live loop gives the reader back (the workspace starts its own). */
    public void close() { stopLoop(); }

    /** Asks the SAM for its status and ID, then resumes the live log. */
    public void checkSam() {
        Optional<CardReader> r = host.reader();
        if (r.isEmpty()) {
            sam.set(messages.get("tech.noReader"));
            return;
        }
        stopLoop();
        sam.set(messages.get("tech.samChecking"));
        tasks.run(() -> readerThread.submit(() -> r.get().health()).get(), h -> {
            lastSam = h;
            sam.set(h.healthy()
                    ? messages.get("tech.samOk", h.samId().map(id -> id.routonStyle()).orElse("?"))
                    : messages.get("tech.samFault", messages.pick(h.fault().get().clerkZh(), h.fault().get().clerkEn())));
            append(sam.get());
            startLoop();
        }, e -> {
            sam.set(messages.get("tech.samFault", e.getMessage()));
            startLoop();
        });
    }

    /** The calibration run: {@link #reads} reads of the test card on the reader, the report updated as it goes. */
    public void calibrate() {
        Optional<CardReader> r = host.reader();
        if (r.isEmpty() || calibrating.get()) return;
        int n = reads.get();
        if (n < 1 || n > 10_000) {
            message.set(messages.get("tech.readsRange"));
            return;
        }
        stopLoop();
        calibrating.set(true);
        progress.set(0);
        report.set(null);
        append(messages.get("tech.calibrationStarted", n));
        tasks.run(() -> readerThread.submit(() -> Calibration.run(r.get(), n, partial -> tasks.onUi(() -> {
            report.set(partial);
            progress.set(partial.reads() / (double) n);
        }))).get(), done -> {
            report.set(done);
            progress.set(1);
            calibrating.set(false);
            append(messages.get("tech.calibrationDone", done.reads(), String.format("%.1f", done.successRate() * 100),
                    String.format("%.0f", done.p95Ms())));
            startLoop();
        }, e -> {
            calibrating.set(false);
            message.set(messages.get("tech.calibrationFailed", e.getMessage()));
            startLoop();
        });
    }

    /** Saves the tuning fields to the override file (validated with every profile first) and reopens the reader. */
    public void saveTuning() {
        Optional<CardReader> r = host.reader();
        if (r.isEmpty()) return;
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
            message.set(messages.get("tech.notNumber"));
            return;
        }
        String id = r.get().profile().id();
        stopLoop();
        tasks.run(() -> host.saveTuning(id, values), p -> {
            showProfile(p);
            message.set(messages.get("tech.tuningSaved", id));
            append(message.get());
            startLoop();
        }, e -> {
            message.set(messages.get("tech.tuningRefused", e.getMessage()));
            startLoop();
        });
    }

    /** The application log's level, switched at run time (e.g. DEBUG while chasing a reader problem, then back). */
    public void setLogLevel(String level) {
        if (level == null || level.equals(logLevel.get())) return;
        org.ticketwindow.idcheck.app.logging.LogLevels.set(level);
        logLevel.set(level);
        message.set(messages.get("tech.logLevelSet", level));
    }

    /** Writes the diagnostics bundle for support. */
    public void exportDiagnostics() {
        message.set(messages.get("tech.exporting"));
        Optional<SamHealth> s = Optional.ofNullable(lastSam);
        Optional<Calibration.Report> c = Optional.ofNullable(report.get());
        List<String> found = List.copyOf(readers);
        tasks.run(() -> host.exportDiagnostics(found, s, c), path -> message.set(messages.get("tech.exported", path)),
                e -> message.set(messages.get("tech.exportFailed", e.getMessage())));
    }

    private void showProfile(HardwareProfile p) {
        profile.set(messages.get("tech.profile", p.id(), p.displayName(), p.transport(), host.reader().map(CardReader::name).orElse("-")));
        bauds.set(String.join(", ", p.bauds().stream().map(String::valueOf).toList()));
        findMs.set(ms(p.timeout(SamCommand.TimeoutKey.FIND)));
        selectMs.set(ms(p.timeout(SamCommand.TimeoutKey.SELECT)));
        readMs.set(ms(p.timeout(SamCommand.TimeoutKey.READ)));
        pollMs.set(ms(p.pollInterval()));
        rfFrameSize.set(p.rfFrameSize().isPresent() ? String.valueOf(p.rfFrameSize().getAsInt()) : "");
    }

    private static String ms(Duration d) { return d == null ? "" : String.valueOf(d.toMillis()); }

    private void startLoop() {
        if (loop != null) return;
        host.reader().ifPresent(r -> loop = new ReaderLoop(r, e -> tasks.onUi(() -> append(describe(e)))).start());
    }

    private void stopLoop() {
        if (loop == null) return;
        loop.close();
        loop = null;
    }

    /** One log line for a reader event; personal data masked (PD1). */
    String describe(ReaderEvent e) {
        return switch (e) {
            case ReaderEvent.CardOutcome o -> switch (o.outcome()) {
                case ReadOutcome.Read r -> messages.pick(r.clerkZh(), r.clerkEn()) + " · " + masked(r.card()) + " · "
                        + r.timings().total().toMillis() + " ms";
                case ReadOutcome.Refused r -> messages.pick(r.clerkZh(), r.clerkEn()) + " · " + masked(r.card());
                default -> messages.pick(o.outcome().clerkZh(), o.outcome().clerkEn());
            };
            case ReaderEvent.CardRemoved r -> messages.get("tech.removed");
            case ReaderEvent.Reading r -> messages.get("reader.reading");
            case ReaderEvent.Fault f -> messages.pick(f.fault().clerkZh(), f.fault().clerkEn());
            case ReaderEvent.Recovered r -> messages.get("tech.recovered");
        };
    }

    private static String masked(CardData c) {
        return Masking.name(c.name().value()) + " " + Masking.documentNumber(c.idNumber().value());
    }

    private void append(String line) {
        log.add(LocalTime.now().format(TIME) + "  " + line);
        if (log.size() > LOG_LINES) log.remove(0, log.size() - LOG_LINES);
    }
}
