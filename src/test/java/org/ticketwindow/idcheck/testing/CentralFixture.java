package org.ticketwindow.idcheck.testing;

import org.ticketwindow.idcheck.app.TrainingRecords;
import org.ticketwindow.idcheck.central.CentralServer;
import org.ticketwindow.idcheck.central.CentralService;
import org.ticketwindow.idcheck.central.CentralTls;
import org.ticketwindow.idcheck.central.TrainingPki;
import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.wire.Tls;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A real central for tests: a training PKI in a temporary directory, the service on a SQLite file (or the given URL),
 * seeded with fictional records, listening with TLS and client certificates on 127.0.0.1 (an ephemeral port).
 */
public final class CentralFixture implements AutoCloseable {
    public final TrainingPki pki;
    public final CentralService service;
    public final CentralServer server;

    private CentralFixture(TrainingPki pki, CentralService service, CentralServer server) {
        this.pki = pki;
        this.service = service;
        this.server = server;
    }

    public static CentralFixture start(Path dir, int fictional) throws Exception {
        return start(dir, "jdbc:sqlite:" + dir.resolve("central.db"), fictional);
    }

    public static CentralFixture start(Path dir, String dbUrl, int fictional) throws Exception {
        TrainingPki pki = new TrainingPki(dir.resolve("pki"));
        pki.init("test CA", Duration.ofDays(30));
        pki.server(List.of("localhost", "127.0.0.1"), Duration.ofDays(30));
        CentralService service = CentralService.open(dbUrl, Clock.systemUTC());
        service.insert(TrainingRecords.tray());
        service.insert(TrainingRecords.generated(fictional));
        CentralServer server = CentralServer.start(service, new InetSocketAddress("127.0.0.1", 0),
                CentralTls.inPkiDirectory(pki.dir()), Clock.systemUTC());
        return new CentralFixture(pki, service, server);
    }

    public int port() { return server.address().getPort(); }

    public URI url() { return URI.create("https://localhost:" + port()); }

    /** A client with a fresh certificate for {@code counter}, to {@code url} (e.g. through a proxy). */
    public CentralClient client(String counter, URI url) throws Exception {
        TrainingPki.Issued cert = pki.counter(counter, Duration.ofDays(30));
        return new CentralClient(url, Tls.context(cert.keyStore(), cert.passwordFile(), pki.dir().resolve(TrainingPki.CA_PEM)),
                Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    public CentralClient client(String counter) throws Exception { return client(counter, url()); }

    @Override public void close() {
        server.close();
        service.close();
    }
}
