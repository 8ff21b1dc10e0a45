package org.ticketwindow.idcheck.central;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.sync.CentralUnavailableException;
import org.ticketwindow.idcheck.testing.CentralFixture;
import org.ticketwindow.idcheck.testing.Counters;
import org.ticketwindow.idcheck.testing.Tools;
import org.ticketwindow.idcheck.wire.Tls;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S6 against the real central over real TLS: a counter revoked after it connected must not get a result in by resuming
 * its TLS session or by keeping its connection alive, and an expired revocation list refuses everyone (issue 15).
 */
class CentralTlsTest {
    @TempDir Path dir;

    /** "as shipped": no session tickets at all; "resumption on": tickets back on, so only the per-request check is left. */
    private static void configure(CentralFixture central, String mode) {
        if (mode.equals("resumption on")) central.server.sslContext().getServerSessionContext().setSessionTimeout(86_400);
    }

    @ParameterizedTest(name = "S6 openssl -sess_out/-sess_in, {0}: a session saved before the revocation gets nothing applied after it")
    @ValueSource(strings = {"as shipped", "resumption on"})
    void opensslResumptionAfterRevocation(String mode) throws Exception {
        Tools.assume(Tools.onPath("openssl"), "openssl is not installed");
        try (CentralFixture central = CentralFixture.start(dir, 0); LocalStore store = Counters.store(dir.resolve("counter"))) {
            configure(central, mode);
            Path pem = pem(central.pki.counter("C020", Duration.ofDays(30)));
            Counters.record(store, "C020", 0, 2);
            var results = store.results().claim(2);
            Path session = dir.resolve("session.pem");

            String first = sClient(central, pem, List.of("-sess_out", session.toString()), post(results.get(0).body()));
            assertThat(first).contains("HTTP/1.1 200").contains("APPLIED");
            assertThat(central.service.stats()).containsEntry("received", 1L);

            assertThat(central.pki.revoke("C020")).isEqualTo(1);
            if (mode.equals("as shipped")) {
                // no ticket was issued, so there is no session to resume: the next connection is a full handshake
                assertThat(Files.exists(session) && Files.size(session) > 0).as("a session ticket was saved").isFalse();
                String again = sClient(central, pem, List.of(), post(results.get(1).body()));
                assertThat(again).doesNotContain("HTTP/1.1 200");
            } else {
                assertThat(session).isNotEmptyFile();
                String again = sClient(central, pem, List.of("-sess_in", session.toString()), post(results.get(1).body()));
                assertThat(again).as("openssl resumed the session").contains("Reused, TLSv1.3");
                assertThat(again).contains("HTTP/1.1 403").doesNotContain("APPLIED");
            }
            assertThat(central.service.stats()).containsEntry("received", 1L);
        }
    }

    @ParameterizedTest(name = "S6 Java SSLSocket session reuse, {0}: refused after the revocation, nothing applied")
    @ValueSource(strings = {"as shipped", "resumption on"})
    void javaResumptionAfterRevocation(String mode) throws Exception {
        try (CentralFixture central = CentralFixture.start(dir, 0); LocalStore store = Counters.store(dir.resolve("counter"))) {
            configure(central, mode);
            TrainingPki.Issued cert = central.pki.counter("C020", Duration.ofDays(30));
            SSLContext ssl = Tls.context(cert.keyStore(), cert.passwordFile(), central.pki.dir().resolve(TrainingPki.CA_PEM));
            Counters.record(store, "C020", 0, 2);
            var results = store.results().claim(2);

            assertThat(exchange(ssl, central, post(results.get(0).body()))).startsWith("HTTP/1.1 200");
            assertThat(central.pki.revoke("C020")).isEqualTo(1);
            String after;
            try {
                after = exchange(ssl, central, post(results.get(1).body()));
            } catch (SSLException | java.net.SocketException refusedInHandshake) {
                after = "refused in the handshake: " + refusedInHandshake.getMessage();
            }
            if (mode.equals("resumption on")) assertThat(after).startsWith("HTTP/1.1 403"); // resumed: only the request check
            assertThat(after).doesNotStartWith("HTTP/1.1 200");
            assertThat(central.service.stats()).containsEntry("received", 1L);
        }
    }

    @Test
    @DisplayName("S6 a connection kept alive across the revocation is refused on its next request (403); a new one in the handshake")
    void keptAliveConnectionAfterRevocation() throws Exception {
        try (CentralFixture central = CentralFixture.start(dir, 0)) {
            TrainingPki.Issued cert = central.pki.counter("C020", Duration.ofDays(30));
            SSLContext ssl = Tls.context(cert.keyStore(), cert.passwordFile(), central.pki.dir().resolve(TrainingPki.CA_PEM));
            try (SSLSocket s = socket(ssl, central)) {
                byte[] health = "GET /v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                assertThat(keptAlive(s, health)).startsWith("HTTP/1.1 200");
                central.pki.revoke("C020");
                assertThat(keptAlive(s, health)).startsWith("HTTP/1.1 403");
            }
            // the counter's own client keeps its connection open between calls: the request on it is refused (403),
            // the connection is not kept after that, and the next call's handshake is refused
            CentralClient c = client(central, "C1");
            assertThat(c.health().counterId()).isEqualTo("C1");
            central.pki.revoke("C1");
            assertThatThrownBy(c::health).isInstanceOf(CentralUnavailableException.class)
                    .hasMessageContaining("the central refused this counter's certificate (HTTP 403)");
            assertThatThrownBy(c::health).isInstanceOf(CentralUnavailableException.class)
                    .hasMessageContaining("the central refused the TLS connection");
        }
    }

    /** One request on an open connection; reads the answer by its Content-Length and leaves the connection open. */
    private static String keptAlive(SSLSocket s, byte[] request) throws IOException {
        s.getOutputStream().write(request);
        s.getOutputStream().flush();
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) break;
            head.write(c);
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(h);
        if (m.find()) in.readNBytes(Integer.parseInt(m.group(1)));
        return h;
    }

    @Test
    @DisplayName("S6 an expired revocation list refuses every counter (fails closed) until it is re-signed")
    void expiredRevocationList() throws Exception {
        try (CentralFixture central = CentralFixture.start(dir, 0)) {
            CentralClient kept = client(central, "C1");
            assertThat(kept.health().status()).isEqualTo("ok");
            central.pki.resignRevocationList(Duration.ofSeconds(2));
            Thread.sleep(3_000);
            assertThatThrownBy(kept::health).as("request on a kept-alive connection").isInstanceOf(CentralUnavailableException.class);
            assertThatThrownBy(() -> client(central, "C2").health()).as("full handshake").isInstanceOf(CentralUnavailableException.class);

            central.pki.resignRevocationList(TrainingPki.CRL_VALIDITY);
            assertThat(client(central, "C3").health().status()).isEqualTo("ok");
            assertThatThrownBy(() -> CentralServer.start(central.service, new java.net.InetSocketAddress("127.0.0.1", 0),
                    expiredCopy(central), java.time.Clock.systemUTC())).hasMessageContaining("expired");
        }
    }

    /** A counter's client with generous timeouts: the machine may be busy, and timing is not what is tested here. */
    private static CentralClient client(CentralFixture central, String counter) throws Exception {
        TrainingPki.Issued cert = central.pki.counter(counter, Duration.ofDays(30));
        return new CentralClient(central.url(), Tls.context(cert.keyStore(), cert.passwordFile(),
                central.pki.dir().resolve(TrainingPki.CA_PEM)), Duration.ofSeconds(15), Duration.ofSeconds(15));
    }

    /** The PKI's files with a revocation list that expired: the central refuses to start on it. */
    private CentralTls expiredCopy(CentralFixture central) throws Exception {
        TrainingPki other = new TrainingPki(dir.resolve("expired-pki"));
        other.init("expired", Duration.ofDays(1));
        other.server(List.of("localhost"), Duration.ofDays(1));
        other.resignRevocationList(Duration.ofSeconds(1));
        Thread.sleep(1_500);
        return CentralTls.inPkiDirectory(other.dir());
    }

    private static byte[] post(byte[] envelope) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"results\":[".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(envelope);
        body.writeBytes("]}".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        req.writeBytes(("POST /v1/results HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + body.size() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        req.writeBytes(body.toByteArray());
        return req.toByteArray();
    }

    /** One request on a new connection from the context's client side (which offers its cached session). */
    private static String exchange(SSLContext ssl, CentralFixture central, byte[] request) throws IOException {
        try (SSLSocket s = socket(ssl, central)) {
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SSLSocket socket(SSLContext ssl, CentralFixture central) throws IOException {
        SSLSocket s = (SSLSocket) ssl.getSocketFactory().createSocket("localhost", central.port());
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(Tls.PROTOCOLS);
        p.setServerNames(List.of(new SNIHostName("localhost")));
        s.setSSLParameters(p);
        s.setSoTimeout(10_000);
        return s;
    }

    private String sClient(CentralFixture central, Path pem, List<String> extra, byte[] request) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + central.port(),
                "-servername", "localhost", "-tls1_3", "-cert", pem.toString(), "-key", pem.toString(),
                "-CAfile", central.pki.dir().resolve(TrainingPki.CA_PEM).toString(), "-verify_return_error", "-ign_eof"));
        cmd.addAll(extra);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(request);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (InputStream o = p.getInputStream()) {
                o.transferTo(out);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
        reader.join(5_000);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The counter's key and certificate chain as one PEM file, for openssl. */
    private Path pem(TrainingPki.Issued issued) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        char[] password = Tls.readPassword(issued.passwordFile());
        try (InputStream in = Files.newInputStream(issued.keyStore())) {
            ks.load(in, password);
        }
        StringWriter s = new StringWriter();
        s.write("-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, new byte[]{'\n'})
                .encodeToString(ks.getKey("counter", password).getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            for (Certificate c : ks.getCertificateChain("counter")) w.writeObject(c);
        }
        Path file = dir.resolve("counter.pem");
        Files.writeString(file, s.toString());
        return file;
    }
}
