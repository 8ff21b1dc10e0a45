package org.ticketwindow.idcheck.app;

import org.ticketwindow.idcheck.app.logging.AuditLogCatchUp;
import org.ticketwindow.idcheck.app.logging.LogDirectory;
import org.ticketwindow.idcheck.store.KeyFile;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.sync.Recorder;
import org.ticketwindow.idcheck.sync.SyncSettings;
import org.ticketwindow.idcheck.wire.Tls;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.time.Clock;

/**
 * The counter side wired from {@code IDCHECK_HOME}: settings, the local store (key file beside it), the recorder, and
 * a central client when a central is configured or given.
 */
public final class CounterRuntime implements AutoCloseable {
    private final AppHome home;
    private final CounterSettings settings;
    private final LocalStore store;

    private CounterRuntime(AppHome home, CounterSettings settings, LocalStore store) {
        this.home = home;
        this.settings = settings;
        this.store = store;
    }

    public static CounterRuntime open(AppHome home, Clock clock) {
        CounterSettings settings = CounterSettings.load(home.counterSettings());
        LocalStore store = LocalStore.open(home.data(), new KeyFile(home.keyFile()), clock);
        AuditLogCatchUp.run(store.audit(), LogDirectory.path()); // entries committed just before a kill
        return new CounterRuntime(home, settings, store);
    }

    public AppHome home() { return home; }
    public CounterSettings settings() { return settings; }
    public LocalStore store() { return store; }

    public Recorder recorder(String counterId) { return new Recorder(store.results(), counterId); }

    public SyncSettings syncSettings() { return syncSettings(settings); }

    private static SyncSettings syncSettings(CounterSettings settings) { return SyncSettings.DEFAULT.withBatchSize(settings.batchSize()); }

    /** A client for {@code override} or the configured central; TLS material from the settings for https. */
    public CentralClient central(String override) {
        return centralClient(home, settings, override);
    }

    /** The same without a runtime: no store is opened ({@code idcheck doctor} only looks). */
    public static CentralClient centralClient(AppHome home, CounterSettings settings, String override) {
        String url = override != null ? override : settings.centralUrl();
        if (url == null) throw new CounterSettings.SettingsException("no central configured: set central.url in "
                + home.counterSettings() + " or give --central URL");
        URI uri = URI.create(url);
        SSLContext ssl = null;
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            if (settings.keyStore() == null) {
                throw new CounterSettings.SettingsException(home.counterSettings() + ": central.keystore: needed for " + url);
            }
            ssl = Tls.context(settings.keyStore(), settings.keyStorePasswordFile(), settings.caCertificate());
        }
        SyncSettings s = syncSettings(settings);
        return new CentralClient(uri, ssl, s.lookupTimeout(), s.submitTimeout());
    }

    @Override public void close() { store.close(); }
}
