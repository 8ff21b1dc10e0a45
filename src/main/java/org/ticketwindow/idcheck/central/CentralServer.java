package org.ticketwindow.idcheck.central;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketwindow.idcheck.store.StoreException;
import org.ticketwindow.idcheck.sync.AnswerKind;
import org.ticketwindow.idcheck.sync.BatchAnswer;
import org.ticketwindow.idcheck.sync.Health;
import org.ticketwindow.idcheck.sync.LookupRequest;
import org.ticketwindow.idcheck.sync.ResultAnswer;
import org.ticketwindow.idcheck.sync.Tls;
import org.ticketwindow.idcheck.sync.WireJson;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The reference central's HTTP API (openapi/central.yaml) on the JDK's server: HTTPS with TLS 1.3 and a client
 * certificate required (its CN is the counter id, checked against every result), or plain HTTP on a loopback address
 * only (training, development). Store failures answer 503 so counters retry; malformed requests 400.
 */
public final class CentralServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);
    static final int MAX_BODY = 32 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final CentralService service;
    private final Clock clock;
    private final ObjectMapper json = WireJson.mapper();

    private CentralServer(HttpServer server, ExecutorService executor, CentralService service, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.service = service;
        this.clock = clock;
    }

    /** Starts listening; {@code tls} null means plain HTTP, refused unless {@code listen} is a loopback address (S6). */
    public static CentralServer start(CentralService service, InetSocketAddress listen, CentralTls tls, Clock clock)
            throws IOException {
        HttpServer server;
        if (tls == null) {
            if (listen.getAddress() == null || !listen.getAddress().isLoopbackAddress()) {
                throw new IllegalArgumentException("plain HTTP only on a loopback address; give --tls DIR to listen on "
                        + listen.getHostString());
            }
            server = HttpServer.create(listen, 64);
        } else {
            SSLContext ssl = tls.sslContext();
            HttpsServer https = HttpsServer.create(listen, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(ssl) {
                @Override public void configure(HttpsParameters params) {
                    SSLParameters p = ssl.getDefaultSSLParameters();
                    p.setProtocols(Tls.PROTOCOLS);
                    p.setNeedClientAuth(true);
                    params.setSSLParameters(p);
                }
            });
            server = https;
        }
        ExecutorService executor = Executors.newFixedThreadPool(8, Thread.ofPlatform().name("central-http-", 0).daemon().factory());
        CentralServer c = new CentralServer(server, executor, service, clock);
        server.setExecutor(executor);
        server.createContext("/", c::handle);
        server.start();
        LOG.info("central listening on {} ({})", server.getAddress(), tls == null ? "plain HTTP, loopback" : "HTTPS, client certificates");
        return c;
    }

    public InetSocketAddress address() { return server.getAddress(); }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            String counter = counterOf(ex);
            try {
                if (path.equals("/v1/health")) {
                    if (!method.equals("GET")) { error(ex, 405, "use GET"); return; }
                    reply(ex, 200, new Health("ok", clock.instant(), counter));
                } else if (path.equals("/v1/results")) {
                    if (!method.equals("POST")) { error(ex, 405, "use POST"); return; }
                    byte[] body = bytes(ex);
                    if (body == null) return;
                    List<IncomingResult> list = IncomingResult.batch(body);
                    long t0 = System.nanoTime();
                    BatchAnswer answers = service.submit(list, counter);
                    LOG.debug("batch of {} from {} applied in {} ms", list.size(), counter, (System.nanoTime() - t0) / 1_000_000);
                    reply(ex, 200, answers);
                } else if (path.startsWith("/v1/results/")) {
                    if (!method.equals("PUT")) { error(ex, 405, "use PUT"); return; }
                    String id = path.substring("/v1/results/".length());
                    byte[] body = bytes(ex);
                    if (body == null) return;
                    IncomingResult one = IncomingResult.single(body);
                    if (!id.equals(one.resultId())) {
                        reply(ex, 200, ResultAnswer.rejected(id, "the body is not the result named in the path"));
                        return;
                    }
                    ResultAnswer a = service.submit(List.of(one), counter).answers().getFirst();
                    reply(ex, a.answer() == AnswerKind.REUSED_ID ? 409 : 200, a);
                } else if (path.equals("/v1/lookup")) {
                    if (!method.equals("POST")) { error(ex, 405, "use POST"); return; }
                    JsonNode body = body(ex);
                    if (body == null) return;
                    LookupRequest req;
                    try {
                        req = json.treeToValue(body, LookupRequest.class);
                    } catch (IOException | IllegalArgumentException e) {
                        error(ex, 400, "expected {\"documentType\": …, \"documentNumber\": …}");
                        return;
                    }
                    if (req.documentType() == null || req.documentNumber() == null) { error(ex, 400, "documentType and documentNumber are required"); return; }
                    reply(ex, 200, service.lookup(req));
                } else {
                    error(ex, 404, "no such endpoint");
                }
            } catch (IncomingResult.BadRequest e) {
                error(ex, 400, e.getMessage());
            } catch (StoreException e) {
                LOG.error("central store failure on {} {}: {}", method, path, e.getMessage());
                error(ex, 503, "the central's store is unavailable; retry later");
            } catch (RuntimeException e) {
                LOG.error("central failure on {} {}", method, path, e);
                error(ex, 500, "internal error");
            }
        }
    }

    /** The counter id a client certificate names (its CN); null on the plain loopback listener. */
    private static String counterOf(HttpExchange ex) {
        if (!(ex instanceof HttpsExchange hx)) return null;
        try {
            X509Certificate cert = (X509Certificate) hx.getSSLSession().getPeerCertificates()[0];
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) return rdn.getValue().toString();
            }
            return "";
        } catch (SSLPeerUnverifiedException | InvalidNameException e) {
            return "";
        }
    }

    private JsonNode body(HttpExchange ex) throws IOException {
        byte[] b = bytes(ex);
        if (b == null) return null;
        try {
            return json.readTree(b);
        } catch (IOException e) {
            error(ex, 400, "the body is not JSON");
            return null;
        }
    }

    /** The request body, or null after answering 413 when it is too large. */
    private byte[] bytes(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length <= MAX_BODY) return b;
            error(ex, 413, "request larger than " + MAX_BODY + " bytes; send smaller batches");
            return null;
        }
    }

    private void reply(HttpExchange ex, int status, Object body) throws IOException {
        byte[] b = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    private void error(HttpExchange ex, int status, String message) throws IOException {
        reply(ex, status, Map.of("error", message));
    }

    @Override public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
