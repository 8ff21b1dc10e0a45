package org.ticketwindow.idcheck.central;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.sync.SyncReport;
import org.ticketwindow.idcheck.sync.SyncSettings;
import org.ticketwindow.idcheck.sync.SyncWorker;
import org.ticketwindow.idcheck.testing.CentralFixture;
import org.ticketwindow.idcheck.testing.Counters;
import org.ticketwindow.idcheck.wire.Tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S6 on a central reachable by anyone (the operator guide listens on 0.0.0.0): clients that open a connection, send the
 * first 11 bytes of a TLS ClientHello and stall must not lock valid counters out, and the central closes them within
 * its request bound (issue 15). Prints what it measured (docs/benchmarks.md).
 */
class StalledHandshakeTest {
    /** The first 11 bytes of a TLS 1.3 ClientHello: record header (handshake, TLS 1.0 record version, length 200), type, length, version. */
    private static final byte[] HELLO_START = {0x16, 0x03, 0x01, 0x00, (byte) 0xc8, 0x01, 0x00, 0x00, (byte) 0xc4, 0x03, 0x03};
    private static final long MAX_REQ_SECONDS = Long.parseLong(CentralServer.CONNECTION_BOUNDS.get("sun.net.httpserver.maxReqTime"));

    @TempDir Path dir;

    @ParameterizedTest(name = "S6 {0} stalled handshakes: a valid counter's health check and batch still succeed; the stalled are closed")
    @ValueSource(ints = {8, 100})
    void stalledHandshakes(int stalled) throws Exception {
        try (CentralFixture central = CentralFixture.start(dir, 0); LocalStore store = Counters.store(dir.resolve("counter"))) {
            TrainingPki.Issued cert = central.pki.counter("C1", Duration.ofDays(30));
            CentralClient valid = new CentralClient(central.url(), Tls.context(cert.keyStore(), cert.passwordFile(),
                    central.pki.dir().resolve(TrainingPki.CA_PEM)), Duration.ofSeconds(10), Duration.ofSeconds(10));
            Counters.record(store, "C1", 0, 50);
            assertThat(valid.health().status()).isEqualTo("ok"); // warm: class loading and JIT are not what is measured

            List<Socket> stalls = new ArrayList<>();
            try {
                long opened = System.nanoTime();
                for (int i = 0; i < stalled; i++) {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress("127.0.0.1", central.port()), 5_000);
                    s.getOutputStream().write(HELLO_START);
                    s.getOutputStream().flush();
                    stalls.add(s);
                }
                Thread.sleep(500); // every stalled connection has reached the server and its handshake has started

                // a fresh counter (its own new connection and full handshake), then a batch through the sync worker
                CentralClient fresh = new CentralClient(central.url(), Tls.context(cert.keyStore(), cert.passwordFile(),
                        central.pki.dir().resolve(TrainingPki.CA_PEM)), Duration.ofSeconds(10), Duration.ofSeconds(10));
                long t0 = System.nanoTime();
                assertThat(fresh.health().counterId()).isEqualTo("C1");
                long healthMs = (System.nanoTime() - t0) / 1_000_000;
                t0 = System.nanoTime();
                SyncReport r = new SyncWorker(store.results(), fresh, SyncSettings.DEFAULT.withBatchSize(50)).runOnce();
                long batchMs = (System.nanoTime() - t0) / 1_000_000;
                assertThat(r.synced()).isEqualTo(50);
                assertThat(healthMs).as("health check wait, ms").isLessThan(5_000);

                // the central closes every stalled connection within its request bound (+ its 1 s timer tick)
                long closedMs = 0;
                for (Socket s : stalls) {
                    s.setSoTimeout((int) Math.max(1, (MAX_REQ_SECONDS + 5) * 1000 - (System.nanoTime() - opened) / 1_000_000));
                    try {
                        s.getInputStream().readAllBytes(); // an alert may come first; then the end of the stream
                    } catch (SocketTimeoutException e) {
                        throw new AssertionError("a stalled connection was still open after " + (MAX_REQ_SECONDS + 5) + " s", e);
                    } catch (IOException reset) {
                        // closed by the server: reset instead of FIN is as good
                    }
                    closedMs = Math.max(closedMs, (System.nanoTime() - opened) / 1_000_000);
                }
                System.out.printf("MEASURED stalled=%d: valid health check %d ms (new connection, full handshake), batch of 50 %d ms, "
                        + "last stalled connection closed by the central after %d ms (bound %d s)%n", stalled, healthMs, batchMs,
                        closedMs, MAX_REQ_SECONDS);
            } finally {
                for (Socket s : stalls) s.close();
            }
        }
    }
}
