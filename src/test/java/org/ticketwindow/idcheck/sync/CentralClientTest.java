package org.ticketwindow.idcheck.sync;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.central.TrainingPki;
import org.ticketwindow.idcheck.wire.LookupRequest;
import org.ticketwindow.idcheck.wire.Tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The counter's client against servers that misbehave in one phase each (issue 15): connect, TLS handshake and answer
 * have separate time limits, a failure names the phase, and a dropped connection is not called a certificate problem.
 */
class CentralClientTest {
    @TempDir Path dir;
    private TrainingPki pki;
    private SSLContext counterTls;
    private SSLContext serverTls;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void pki() throws Exception {
        pki = new TrainingPki(dir.resolve("pki"));
        pki.init("test CA", Duration.ofDays(1));
        TrainingPki.Issued server = pki.server(List.of("localhost", "127.0.0.1"), Duration.ofDays(1));
        TrainingPki.Issued counter = pki.counter("C1", Duration.ofDays(1));
        counterTls = Tls.context(counter.keyStore(), counter.passwordFile(), pki.dir().resolve(TrainingPki.CA_PEM));
        serverTls = Tls.context(server.keyStore(), server.passwordFile(), pki.dir().resolve(TrainingPki.CA_PEM));
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    private static SyncSettings limits(int connectMs, int handshakeMs, int answerMs) {
        return SyncSettings.DEFAULT.withConnectTimeouts(Duration.ofMillis(connectMs), Duration.ofMillis(handshakeMs))
                .withAnswerTimeouts(Duration.ofMillis(answerMs), Duration.ofMillis(answerMs));
    }

    /** A TCP server on 127.0.0.1 that gives each accepted connection to {@code each} on a thread of its own. */
    private int serve(boolean tls, Consumer<Socket> each) throws IOException {
        ServerSocket server = tls ? serverTls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress())
                : new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        if (server instanceof SSLServerSocket s) {
            s.setEnabledProtocols(Tls.PROTOCOLS);
            s.setNeedClientAuth(true);
        }
        open.add(server);
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket c = server.accept();
                    open.add(c);
                    Thread.ofVirtual().start(() -> each.accept(c));
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return server.getLocalPort();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final String HEALTH = "{\"status\":\"ok\",\"time\":\"2026-11-30T10:00:00Z\",\"counterId\":\"C1\"}";

    private static void answerHealth(Socket c) {
        try {
            byte[] buf = new byte[4096];
            c.getInputStream().read(buf); // the request (small; one read is enough here)
            byte[] body = HEALTH.getBytes(StandardCharsets.UTF_8);
            c.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            c.getOutputStream().write(body);
            c.getOutputStream().flush();
            c.close();
        } catch (IOException ignored) {
            // the client went away
        }
    }

    @Test
    @DisplayName("S4 a slow TLS handshake (longer than the connect limit, shorter than the handshake limit) succeeds")
    void slowHandshakeWithinItsOwnLimit() throws Exception {
        int port = serve(true, c -> {
            sleep(1_500); // a busy central: connected at once, handshake answered late
            answerHealth(c);
        });
        CentralClient client = new CentralClient(URI.create("https://localhost:" + port), counterTls, limits(1_000, 5_000, 5_000));
        assertThat(client.health().counterId()).isEqualTo("C1");
    }

    @Test
    @DisplayName("S4 a handshake that never finishes is reported as the handshake timeout")
    void handshakeTimeout() throws Exception {
        int port = serve(false, c -> sleep(30_000)); // accepts, never speaks TLS
        CentralClient client = new CentralClient(URI.create("https://localhost:" + port), counterTls, limits(1_000, 800, 5_000));
        long t0 = System.nanoTime();
        assertThatThrownBy(client::health).isInstanceOf(CentralUnavailableException.class)
                .hasMessageContaining("did not finish within 800 ms (handshake timeout)");
        assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(700L, 3_000L);
    }

    @Test
    @DisplayName("S4 a central that takes the request and never answers is reported as the answer timeout")
    void answerTimeout() throws Exception {
        int port = serve(true, c -> {
            try {
                ((SSLSocket) c).startHandshake();
                c.getInputStream().read(new byte[4096]);
                sleep(30_000);
            } catch (IOException ignored) {
                // the client went away
            }
        });
        CentralClient client = new CentralClient(URI.create("https://localhost:" + port), counterTls, limits(1_000, 2_000, 700));
        assertThatThrownBy(() -> client.submitOne("r1", "{}".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("did not answer within 700 ms (answer timeout)");
    }

    @Test
    @DisplayName("S4 a lookup stays within its own limit, connecting and handshake included, and says where it was")
    void lookupWithinItsLimit() throws Exception {
        int port = serve(false, c -> sleep(30_000)); // accepts, never speaks TLS
        CentralClient client = new CentralClient(URI.create("https://localhost:" + port), counterTls, limits(3_000, 10_000, 800));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client.lookup(new LookupRequest(org.ticketwindow.idcheck.verify.DocumentType.values()[0], "X")))
                .hasMessageContaining("no answer within 800 ms (still in the TLS handshake");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3_000L);
    }

    @Test
    @DisplayName("S4 a connection that cannot be made in time is reported as the connect timeout")
    void connectTimeout() throws Exception {
        // a listener that never accepts, its backlog full: the kernel drops further connection attempts
        ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        open.add(full);
        for (int i = 0; i < 4; i++) {
            Socket s = new Socket();
            open.add(s);
            try {
                s.connect(full.getLocalSocketAddress(), 300);
            } catch (IOException expected) {
                // the backlog is full
            }
        }
        CentralClient client = new CentralClient(URI.create("http://127.0.0.1:" + full.getLocalPort()), null, limits(600, 2_000, 2_000));
        assertThatThrownBy(client::health).hasMessageContaining("within 600 ms (connect timeout)");
    }

    @Test
    @DisplayName("S4 a connection dropped during the handshake or mid-answer is reported as dropped, not as a certificate problem")
    void droppedConnections() throws Exception {
        int handshake = serve(false, c -> {
            try {
                c.getInputStream().read(new byte[16]); // part of the ClientHello, then gone
                c.close();
            } catch (IOException ignored) {
                // gone anyway
            }
        });
        CentralClient a = new CentralClient(URI.create("https://localhost:" + handshake), counterTls, limits(1_000, 2_000, 2_000));
        assertThatThrownBy(a::health).hasMessageContaining("dropped during the TLS handshake").hasMessageNotContaining("certificate");

        int midAnswer = serve(true, c -> {
            try {
                c.getInputStream().read(new byte[4096]);
                c.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"status\"".getBytes(StandardCharsets.US_ASCII));
                c.getOutputStream().flush();
                c.close();
            } catch (IOException ignored) {
                // gone anyway
            }
        });
        CentralClient b = new CentralClient(URI.create("https://localhost:" + midAnswer), counterTls, limits(1_000, 2_000, 2_000));
        assertThatThrownBy(b::health).hasMessageContaining("dropped before the central's answer was complete")
                .hasMessageNotContaining("certificate");

        // cut inside a header line, and a header that is not a number: an outage with a message, never a crash
        for (String cut : List.of("HTTP/1.1 200 OK\r\nContent-Length: ", "HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n{}")) {
            int port = serve(true, c -> {
                try {
                    c.getInputStream().read(new byte[4096]);
                    c.getOutputStream().write(cut.getBytes(StandardCharsets.US_ASCII));
                    c.getOutputStream().flush();
                    c.close();
                } catch (IOException ignored) {
                    // gone anyway
                }
            });
            CentralClient d = new CentralClient(URI.create("https://localhost:" + port), counterTls, limits(1_000, 2_000, 2_000));
            assertThatThrownBy(d::health).isInstanceOf(CentralUnavailableException.class)
                    .hasMessageContaining("dropped before the central's answer was complete");
        }
    }

    @Test
    @DisplayName("S6 a central whose certificate does not name the host is refused: the central's certificate, not the counter's")
    void wrongHostName() throws Exception {
        TrainingPki.Issued elsewhere = pki.server(List.of("elsewhere.example"), Duration.ofDays(1));
        serverTls = Tls.context(elsewhere.keyStore(), elsewhere.passwordFile(), pki.dir().resolve(TrainingPki.CA_PEM));
        int port = serve(true, CentralClientTest::answerHealth);
        CentralClient client = new CentralClient(URI.create("https://localhost:" + port), counterTls, limits(1_000, 2_000, 2_000));
        assertThatThrownBy(client::health).hasMessageContaining("the central's certificate is not accepted here");
    }

    /**
     * Answers requests on one connection until the client closes it or {@code perConnection} are answered, then
     * closes; {@code closeHeader} adds "Connection: close" to every answer.
     */
    private static Consumer<Socket> keepAlive(int perConnection, boolean closeHeader) {
        return c -> {
            try (c) {
                java.io.InputStream in = new java.io.BufferedInputStream(c.getInputStream());
                for (int n = 0; n < perConnection; n++) {
                    if (!answerOne(c, in, closeHeader)) return; // the client closed
                }
                if (closeHeader) sleep(2_000); // says close, but leaves it to the client
            } catch (IOException ignored) {
                // the client went away
            }
        };
    }

    /** A request's head, up to its empty line; null when the connection ended first. */
    private static String head(java.io.InputStream in) throws IOException {
        StringBuilder h = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            h.append((char) c);
            if (h.length() >= 4 && h.substring(h.length() - 4).equals("\r\n\r\n")) return h.toString();
        }
        return null;
    }

    /** Reads one request on {@code c} and answers it with the health body, leaving the connection open. */
    private static java.io.InputStream answerOneKeepingOpen(Socket c) throws IOException {
        java.io.InputStream in = new java.io.BufferedInputStream(c.getInputStream());
        answerOne(c, in, false);
        return in;
    }

    /**
     * Reads one request (head and body) from {@code in} and answers it on {@code c} with the health body, with
     * "Connection: close" when {@code closeHeader}; false when the client had closed instead.
     */
    private static boolean answerOne(Socket c, java.io.InputStream in, boolean closeHeader) throws IOException {
        String head = head(in);
        if (head == null) return false;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (m.find()) in.readNBytes(Integer.parseInt(m.group(1)));
        byte[] body = HEALTH.getBytes(StandardCharsets.UTF_8);
        c.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + (closeHeader ? "\r\nConnection: close" : "") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        c.getOutputStream().write(body);
        c.getOutputStream().flush();
        return true;
    }

    /** How many connections {@code calls} health calls made to a TLS central that serves each as {@code each}. */
    private int connectionsFor(int calls, Consumer<Socket> each) throws Exception {
        var accepted = new java.util.concurrent.atomic.AtomicInteger();
        int port = serveCounting(accepted, each);
        CentralClient client = new CentralClient(URI.create("https://localhost:" + port), counterTls, limits(1_000, 2_000, 2_000));
        for (int i = 0; i < calls; i++) assertThat(client.health().counterId()).isEqualTo("C1");
        return accepted.get();
    }

    /** A TLS server as {@link #serve} that counts the connections it accepted. */
    private int serveCounting(java.util.concurrent.atomic.AtomicInteger accepted, Consumer<Socket> each) throws IOException {
        return serve(true, c -> {
            accepted.incrementAndGet();
            each.accept(c);
        });
    }

    @Test
    @DisplayName("S2 calls share one connection while the central keeps it open: one TLS handshake for a drain, not one a batch")
    void callsShareOneConnection() throws Exception {
        assertThat(connectionsFor(5, keepAlive(100, false))).isEqualTo(1);
    }

    @Test
    @DisplayName("S4 a connection left unused is closed by the counter after the keep time: idle counters hold none")
    void idleConnectionClosedByTheCounter() throws Exception {
        var closedAfter = new java.util.concurrent.CompletableFuture<Long>();
        int port = serve(true, c -> {
            long[] answeredAt = {0};
            try (c) {
                java.io.InputStream in = answerOneKeepingOpen(c);
                answeredAt[0] = System.nanoTime();
                closedAfter.complete(head(in) == null ? (System.nanoTime() - answeredAt[0]) / 1_000_000 : -1L);
            } catch (IOException e) {
                closedAfter.complete((System.nanoTime() - answeredAt[0]) / 1_000_000);
            }
        });
        CentralClient client = new CentralClient(URI.create("https://localhost:" + port), counterTls, limits(1_000, 2_000, 2_000));
        assertThat(client.health().counterId()).isEqualTo("C1");
        long ms = closedAfter.get(CentralClient.KEEP_IDLE.toMillis() + 5_000, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(ms).isBetween(CentralClient.KEEP_IDLE.toMillis() - 500, CentralClient.KEEP_IDLE.toMillis() + 2_000);
    }

    @Test
    @DisplayName("S4 a kept connection the central has closed is replaced by a new one: the call succeeds, no error shown")
    void keptConnectionClosedByTheCentral() throws Exception {
        var accepted = new java.util.concurrent.atomic.AtomicInteger();
        int port = serveCounting(accepted, keepAlive(1, false)); // one answer a connection, then closed without a word
        CentralClient client = new CentralClient(URI.create("https://localhost:" + port), counterTls, limits(1_000, 2_000, 2_000));
        for (int i = 0; i < 3; i++) {
            assertThat(client.health().counterId()).isEqualTo("C1");
            sleep(100); // the central's close has arrived before the next call
        }
        assertThat(accepted.get()).isEqualTo(3);
    }

    @Test
    @DisplayName("S4 a central that answers \"Connection: close\" gets a new connection for the next call")
    void connectionCloseIsHonoured() throws Exception {
        assertThat(connectionsFor(3, keepAlive(100, true))).isEqualTo(3);
    }

    @Test
    @DisplayName("S4 a kept connection whose central stops answering is a timeout, not resent: the batch goes back to the queue")
    void keptConnectionThatStopsAnswering() throws Exception {
        var accepted = new java.util.concurrent.atomic.AtomicInteger();
        // the first answer keeps the connection; the central then reads the next request and never answers
        int stalls = serveCounting(accepted, c -> {
            try {
                java.io.InputStream in = answerOneKeepingOpen(c);
                head(in);
                sleep(30_000);
            } catch (IOException ignored) {
                // the client went away
            }
        });
        CentralClient client = new CentralClient(URI.create("https://localhost:" + stalls), counterTls, limits(1_000, 2_000, 700));
        assertThat(client.health().counterId()).isEqualTo("C1");
        assertThatThrownBy(() -> client.submitOne("r1", "{}".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("did not answer within 700 ms (answer timeout)");
        assertThat(accepted.get()).isEqualTo(1); // not sent again on a new connection
    }
}
