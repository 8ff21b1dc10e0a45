package org.ticketwindow.idcheck.app;

import org.ticketwindow.idcheck.etp.EtpVerifier;
import org.ticketwindow.idcheck.etp.TrustList;
import org.ticketwindow.idcheck.reader.CardReader;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.ProfileException;
import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.sync.SyncWorker;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What the console runs on, wired once: the counter runtime (store, settings), training mode when no installation
 * configuration exists, the card reader and the sync worker. Real installations get their reader from the hardware
 * profile (issue 6 configures it); this session drives the simulated reader in training mode.
 */
public final class ConsoleSession implements AutoCloseable {
    private final CounterRuntime runtime;
    private final TrainingMode training;
    private final CentralClient central;
    private final SyncWorker sync;
    private final CardReader reader;

    private ConsoleSession(CounterRuntime runtime, TrainingMode training, CentralClient central, SyncWorker sync, CardReader reader) {
        this.runtime = runtime;
        this.training = training;
        this.central = central;
        this.sync = sync;
        this.reader = reader;
    }

    public static ConsoleSession open(AppHome home, Clock clock) throws ProfileException {
        CounterRuntime rt = CounterRuntime.open(home, clock);
        try {
            boolean isTraining = rt.settings().equals(CounterSettings.TRAINING);
            TrainingMode training = isTraining ? TrainingMode.start(home, rt.store().clerks(), clock) : null;
            CentralClient central = training != null ? rt.central(training.centralUrl().toString())
                    : rt.settings().centralUrl() != null ? rt.central(null) : null;
            SyncWorker sync = central == null ? null : new SyncWorker(rt.store().results(), central, rt.syncSettings());
            CardReader reader = null;
            if (training != null) {
                HardwareProfile profile = ProfileDirectory.load(home).byId("simulator")
                        .orElseThrow(() -> new IllegalStateException("the simulator profile is missing from hardware-profiles/"));
                reader = training.reader(profile, clock);
            }
            if (sync != null) sync.start();
            return new ConsoleSession(rt, training, central, sync, reader);
        } catch (RuntimeException | ProfileException e) {
            rt.close();
            throw e;
        }
    }

    public CounterRuntime runtime() { return runtime; }
    public Optional<TrainingMode> training() { return Optional.ofNullable(training); }
    public Optional<CentralClient> central() { return Optional.ofNullable(central); }
    public Optional<CardReader> reader() { return Optional.ofNullable(reader); }

    /**
     * The electronic proof checker: training mode trusts its own issuer only; an installation trusts the issuers of its
     * {@code etp.trust-list} file. Empty when neither exists.
     */
    public Optional<EtpVerifier> proofVerifier() throws TrustList.TrustListException {
        if (training != null) return Optional.of(new EtpVerifier(training.proofTrust(), EtpVerifier.DEFAULT_SKEW));
        Path trust = runtime.settings().etpTrustList();
        return trust == null ? Optional.empty() : Optional.of(new EtpVerifier(TrustList.load(trust), EtpVerifier.DEFAULT_SKEW));
    }

    /** A result was recorded: send it now rather than at the next idle poll. */
    public void nudgeSync() { if (sync != null) sync.nudge(); }

    @Override public void close() {
        if (sync != null) sync.close();
        if (training != null) training.close();
        runtime.close();
    }
}
