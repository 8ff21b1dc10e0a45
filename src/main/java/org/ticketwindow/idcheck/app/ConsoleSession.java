package org.ticketwindow.idcheck.app;

import org.ticketwindow.idcheck.etp.EtpVerifier;
import org.ticketwindow.idcheck.etp.TrustList;
import org.ticketwindow.idcheck.reader.ReaderBusyException;
import org.ticketwindow.idcheck.reader.ReaderOwnership;
import org.ticketwindow.idcheck.reader.ReaderUse;
import org.ticketwindow.idcheck.photo.PhotoDecoder;
import org.ticketwindow.idcheck.photo.PhotoService;
import org.ticketwindow.idcheck.photo.TrainingPortraits;
import org.ticketwindow.idcheck.reader.connect.ReaderProbe;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.ProfileException;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.connect.ReaderConnection;
import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.sync.SyncWorker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.util.Optional;

/**
 * What the console runs on, wired once: the counter runtime (store, settings), training mode when no installation
 * central is configured, the card reader and the sync worker. An installation's reader is the installation file's
 * {@code reader.profile} (and {@code reader.port}); training mode drives the simulated reader.
 */
public final class ConsoleSession implements AutoCloseable {
    /** How long saving the tuning waits for the reader's holder (the screen stops its own users first). */
    private static final java.time.Duration TUNING_WAIT = java.time.Duration.ofSeconds(5);
    private final CounterRuntime runtime;
    private final TrainingMode training;
    private final CentralClient central;
    private final SyncWorker sync;
    private final Clock clock;
    /** The reader, reached only through a lease: the workspace, the technician screen and the tuning take turns. */
    private final ReaderOwnership reader;
    private final PhotoService photos;
    /** Why the configured reader could not be opened (shown as a device fault), if it could not. */
    private final ReadOutcome.DeviceFault readerFault;
    /** PD2 / S8: the personal fields of synced results are purged after the retention, checked daily. */
    private final java.util.concurrent.ScheduledExecutorService retention =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("idcheck-retention").daemon().factory());

    private ConsoleSession(CounterRuntime runtime, TrainingMode training, CentralClient central, SyncWorker sync, ReaderOwnership reader,
                           ReadOutcome.DeviceFault readerFault, PhotoService photos, Clock clock) {
        this.readerFault = readerFault;
        this.photos = photos;
        this.runtime = runtime;
        this.training = training;
        this.central = central;
        this.sync = sync;
        this.reader = reader;
        this.clock = clock;
    }

    public static ConsoleSession open(AppHome home, Clock clock) throws ProfileException {
        CounterRuntime rt = CounterRuntime.open(home, clock);
        try {
            // no central configured: nothing real to verify against, so the console trains (a counter.properties with only
            // counter.kind=AGENCY lets agency staff practise the agency limits)
            boolean isTraining = rt.settings().centralUrl() == null;
            TrainingMode training = isTraining ? TrainingMode.start(home, rt.store().clerks(), clock) : null;
            CentralClient central = training != null ? rt.central(training.centralUrl().toString())
                    : rt.settings().centralUrl() != null ? rt.central(null) : null;
            SyncWorker sync = central == null ? null : new SyncWorker(rt.store().results(), central, rt.syncSettings());
            ReaderOwnership reader = null;
            ReadOutcome.DeviceFault readerFault = null;
            PhotoDecoder decoder = PhotoDecoder.none();
            if (training != null) {
                HardwareProfile profile = ProfileDirectory.load(home).byId("simulator")
                        .orElseThrow(() -> new IllegalStateException("the simulator profile is missing from hardware-profiles/"));
                reader = ReaderOwnership.of(training.reader(profile, clock));
                decoder = TrainingPortraits.decoder(PhotoDecoder.of(profile.photoDecoder())); // the tray's drawn portraits
            } else if (rt.settings().readerProfile() != null) {
                String id = rt.settings().readerProfile();
                HardwareProfile profile = ProfileDirectory.load(home).byId(id).orElseThrow(() -> new CounterSettings.SettingsException(
                        home.counterSettings() + ": reader.profile: no hardware profile '" + id + "' (see idcheck probe)"));
                ReaderConnection c = ReaderConnection.open(profile, Optional.ofNullable(rt.settings().readerPort()), clock);
                reader = c.reader().orElse(null);
                readerFault = c.fault().orElse(null);
                decoder = PhotoDecoder.of(profile.photoDecoder());
            }
            if (sync != null) sync.start();
            PhotoService photos = new PhotoService(decoder);
            photos.warmUp(); // the vendor library's helper starts now, not with the first card
            ConsoleSession session = new ConsoleSession(rt, training, central, sync, reader, readerFault, photos, clock);
            session.scheduleRetention();
            return session;
        } catch (RuntimeException | ProfileException e) {
            rt.close();
            throw e;
        }
    }

    public CounterRuntime runtime() { return runtime; }
    public Optional<TrainingMode> training() { return Optional.ofNullable(training); }
    public Optional<CentralClient> central() { return Optional.ofNullable(central); }
    public Optional<ReaderOwnership> reader() { return Optional.ofNullable(reader); }
    public Optional<ReadOutcome.DeviceFault> readerFault() { return Optional.ofNullable(readerFault); }

    /** Decodes card photos in the background (the profile's decoder; training portraits in training mode). */
    public PhotoService photos() { return photos; }

    /**
     * The electronic proof checker: training mode trusts its own issuer only; an installation trusts the issuers of its
     * {@code etp.trust-list} file. Empty when neither exists.
     */
    public Optional<EtpVerifier> proofVerifier() throws TrustList.TrustListException {
        if (training != null) return Optional.of(new EtpVerifier(training.proofTrust(), EtpVerifier.DEFAULT_SKEW));
        Path trust = runtime.settings().etpTrustList();
        return trust == null ? Optional.empty() : Optional.of(new EtpVerifier(TrustList.load(trust), EtpVerifier.DEFAULT_SKEW));
    }

    /**
     * The technician's tuning of the profile in use: validated and saved to the override file, then the reader is
     * reopened with it, holding the reader meanwhile (a user still holding it makes this wait, then fail).
     */
    public synchronized HardwareProfile saveTuning(String profileId, Map<String, Object> values)
            throws ProfileException, IOException, ReaderBusyException, InterruptedException {
        HardwareProfile tuned = ProfileDirectory.saveOverride(runtime.home(), profileId, values).byId(profileId)
                .orElseThrow(() -> new IllegalStateException("profile " + profileId + " vanished"));
        if (reader != null && training != null) {
            try (ReaderOwnership.Lease lease = reader.acquire(ReaderUse.TUNING, TUNING_WAIT)) {
                lease.replace(training.reader(tuned, clock));
            }
        }
        return tuned;
    }

    /**
     * Serial ports and PC/SC readers on this machine with the profiles that match each (the same probe as
     * {@code idcheck probe}), and the simulated reader in training mode.
     */
    public List<org.ticketwindow.idcheck.text.Text> readersFound() throws ProfileException {
        List<org.ticketwindow.idcheck.text.Text> out = new ArrayList<>();
        if (training != null) out.add(org.ticketwindow.idcheck.text.Text.of("probe.simulator"));
        out.addAll(ReaderProbe.run(ProfileDirectory.load(runtime.home()), List.of()).texts());
        return out;
    }

    /** A result was recorded: send it now rather than at the next idle poll. */
    public void nudgeSync() { if (sync != null) sync.nudge(); }

    private void scheduleRetention() {
        java.time.Duration keep = java.time.Duration.ofDays(runtime.settings().retentionDays());
        retention.scheduleWithFixedDelay(() -> {
            try {
                int n = runtime.store().results().purge(keep);
                if (n > 0) org.slf4j.LoggerFactory.getLogger(ConsoleSession.class).info("retention: {} synced results purged of personal data", n);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ConsoleSession.class).warn("retention purge failed: {}", e.toString());
            }
        }, 1, 24 * 60, java.util.concurrent.TimeUnit.MINUTES); // not at start-up: the login comes first
    }

    @Override public void close() {
        retention.shutdownNow();
        if (reader != null) reader.close();
        photos.close();
        if (sync != null) sync.close();
        if (training != null) training.close();
        runtime.close();
    }
}
