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
import org.ticketwindow.idcheck.wire.AnswerKind;
import org.ticketwindow.idcheck.wire.BatchAnswer;
import org.ticketwindow.idcheck.wire.Health;
import org.ticketwindow.idcheck.wire.LookupRequest;
import org.ticketwindow.idcheck.wire.ResultAnswer;
import org.ticketwindow.idcheck.wire.Tls;
import org.ticketwindow.idcheck.wire.WireJson;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The reference central's HTTP API (wire/central.yaml) on the JDK's server: HTTPS with TLS 1.3 and a client
 * certificate required (its CN is the counter id, checked against every result), or plain HTTP on a loopback address
 * only (training, development). Store failures answer 503 so counters retry; malformed requests 400.
 * <p>
 * Slow or stalled clients cannot lock others out: the JDK server does the TLS handshake and reads the request on the
 * executor's thread, so every connection gets a virtual thread of its own (a stalled handshake holds only that), the
 * server closes a connection whose request has not fully arrived within {@link #CONNECTION_BOUNDS}'s limit, and the
 * store work runs on {@link #WORKERS} platform threads of its own: the JDBC drivers block in native code (SQLite's
 * fsync), which would hold one of the few carrier threads that all connections' virtual threads share. The certificate is checked again on every request
 * ({@link RevocationList}): a resumed session or a kept-alive connection must not outlive a revocation.
 */
public final class CentralServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);
    static final int MAX_BODY = 32 * 1024 * 1024;
    /**
     * Threads for store work: requests using the store at once (connections are not limited by this); at least as many
     * as the database has connections (decision 0014), so the pool can be used whole.
     */
    static final int WORKERS = 8;

    /**
     * The JDK server's per-connection bounds (sun.net.httpserver.ServerConfig, JDK 25). It reads them once, when the
     * first server of the JVM is made, so they are set here, before any; a -D on the command line wins. maxReqTime
     * runs from a connection's first byte until the whole request is read, so it bounds the TLS handshake too.
     */
    static final Map<String, String> CONNECTION_BOUNDS = Map.of(
            "sun.net.httpserver.maxReqTime", "20",       // s: handshake + request line, headers and body
            "sun.net.httpserver.maxRspTime", "60",       // s: from the request read to the answer taken
            "sun.net.httpserver.idleInterval", "30",     // s: a kept-alive connection idle, or a new one silent
            "jdk.httpserver.maxConnections", "4096",     // open connections; more are closed at once
            // an answer's last segment goes out at once: on a kept-alive connection Nagle's algorithm would hold it
            // until the counter acknowledged the headers (a delayed ack, tens of ms a batch)
            "sun.net.httpserver.nodelay", "true");

    static {
        CONNECTION_BOUNDS.forEach((k, v) -> {
            if (System.getProperty(k) == null) System.setProperty(k, v);
        });
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final CentralService service;
    private final RevocationList revocations;
    private final SSLContext ssl;
    private final Clock clock;
    private final ExecutorService storeWork;
    private final ObjectMapper json = WireJson.mapper();
    /** Requests being handled now: a stop waits for these (up to its grace), then closes what is left. */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean stopping;

    private CentralServer(HttpServer server, ExecutorService executor, CentralService service, RevocationList revocations,
                          SSLContext ssl, Clock clock) {
        this.server = server;
        this.ssl = ssl;
        this.executor = executor;
        this.service = service;
        this.revocations = revocations;
        this.clock = clock;
        this.storeWork = Executors.newFixedThreadPool(Math.max(WORKERS, service.database().poolState().max()),
                Thread.ofPlatform().name("central-store-", 0).daemon().factory());
    }

    /** Starts listening; {@code tls} null means plain HTTP, refused unless {@code listen} is a loopback address (S6). */
    public static CentralServer start(CentralService service, InetSocketAddress listen, CentralTls tls, Clock clock)
            throws IOException {
        HttpServer server;
        RevocationList revocations = null;
        SSLContext ssl = null;
        if (tls == null) {
            if (listen.getAddress() == null || !listen.getAddress().isLoopbackAddress()) {
                throw new IllegalArgumentException("plain HTTP only on a loopback address; give --tls DIR to listen on "
                        + listen.getHostString());
            }
            server = HttpServer.create(listen, 64);
        } else {
            revocations = tls.revocations(clock);
            usableAtStart(revocations);
            SSLContext context = ssl = tls.sslContext(revocations);
            HttpsServer https = HttpsServer.create(listen, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override public void configure(HttpsParameters params) {
                    SSLParameters p = context.getDefaultSSLParameters();
                    p.setProtocols(Tls.PROTOCOLS);
                    p.setNeedClientAuth(true);
                    params.setSSLParameters(p);
                }
            });
            server = https;
        }
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("central-http-", 0).factory());
        CentralServer c = new CentralServer(server, executor, service, revocations, ssl, clock);
        server.setExecutor(executor);
        server.createContext("/", c::handle);
        server.start();
        LOG.info("central listening on {} ({})", server.getAddress(), tls == null ? "plain HTTP, loopback" : "HTTPS, client certificates");
        return c;
    }

    /** Refuses to start with a revocation list that cannot be used (it would refuse every counter). */
    private static void usableAtStart(RevocationList revocations) {
        try {
            revocations.nextUpdate(); // and warns when it expires within a week
        } catch (CertificateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public InetSocketAddress address() { return server.getAddress(); }

    /** The server's TLS context (null on plain HTTP); tests turn session resumption back on through it. */
    SSLContext sslContext() { return ssl; }

    private void handle(HttpExchange ex) throws IOException {
        inFlight.incrementAndGet();
        try (ex) {
            if (stopping) { // stop() waits for the requests already in flight, not for new ones
                error(ex, 503, "the central is stopping; retry later");
                return;
            }
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            String counter = counterOf(ex);
            if (!stillAccepted(ex)) return;
            try {
                if (path.equals("/v1/health")) {
                    if (!method.equals("GET")) { error(ex, 405, "use GET"); return; }
                    var pool = service.database().poolState();
                    reply(ex, 200, new Health("ok", clock.instant(), counter,
                            new Health.Pool(pool.active(), pool.idle(), pool.waiting(), pool.max())));
                } else if (path.equals("/v1/missing")) {
                    if (!method.equals("GET")) { error(ex, 405, "use GET"); return; }
                    String who = counter != null ? counter : query(ex, "counter"); // plain HTTP (training) names itself
                    String upTo = query(ex, "upTo");
                    if (who == null || upTo == null || !upTo.matches("\\d{1,18}")) {
                        error(ex, 400, "expected ?upTo=N (and ?counter=ID without a client certificate)");
                        return;
                    }
                    reply(ex, 200, work(() -> service.missing(who, Long.parseLong(upTo))));
                } else if (path.equals("/v1/results")) {
                    if (!method.equals("POST")) { error(ex, 405, "use POST"); return; }
                    byte[] body = bytes(ex);
                    if (body == null) return;
                    List<IncomingResult> list = IncomingResult.batch(body);
                    long t0 = System.nanoTime();
                    BatchAnswer answers = work(() -> service.submit(list, counter));
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
                    ResultAnswer a = work(() -> service.submit(List.of(one), counter)).answers().getFirst();
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
                    LookupRequest asked = req;
                    reply(ex, 200, work(() -> service.lookup(asked)));
                } else {
                    error(ex, 404, "no such endpoint");
                }
            } catch (IncomingResult.BadRequest e) {
                error(ex, 400, e.getMessage());
            } catch (StoreException e) {
                LOG.error("central store failure on {} {}: {}", method, path, e.getMessage());
                error(ex, 503, "the central's store is unavailable; retry later");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error(ex, 503, "the central is stopping; retry later");
            } catch (RuntimeException e) {
                LOG.error("central failure on {} {}", method, path, e);
                error(ex, 500, "internal error");
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Store work on the store threads; reading the request and writing the answer stay on the connection's thread. */
    private <T> T work(java.util.function.Supplier<T> task) throws InterruptedException {
        Future<T> f = storeWork.submit(task::get);
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * S6 on every request, not only on a full handshake: a resumed session or a connection kept alive since before a
     * revocation still names the old certificate. Answers 403 (the counter keeps its results queued) when refused.
     */
    private boolean stillAccepted(HttpExchange ex) throws IOException {
        if (!(ex instanceof HttpsExchange hx)) return true;
        try {
            revocations.check((X509Certificate) hx.getSSLSession().getPeerCertificates()[0]);
            return true;
        } catch (CertificateException | SSLPeerUnverifiedException e) {
            LOG.warn("request refused on a connection from {}: {}", ex.getRemoteAddress(), e.getMessage());
            error(ex, 403, "this counter's certificate is not accepted now (revoked or expired, or the central's "
                    + "revocation list is out of date)");
            return false;
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

    /** A query parameter's value (ASCII names and values only: no personal data travels in URLs). */
    private static String query(HttpExchange ex, String name) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) return null;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) return pair.substring(eq + 1);
        }
        return null;
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

    /**
     * Stops accepting connections and lets the requests in flight finish and be answered, for up to {@code grace};
     * then closes what is left (a request cut off then was either applied or not, and the counter resends it: S2).
     */
    public void stop(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        // The JDK server's stop(delay) closes the listener at once (no new connections), then also waits for
        // connections that carry no request (an idle kept-alive connection, a port check): it took the whole grace
        // every time. So it runs on a thread of its own, and this waits for the requests in flight only.
        stopping = true;
        int seconds = (int) Math.min(Integer.MAX_VALUE, (grace.toMillis() + 999) / 1000);
        if (seconds == 0) {
            server.stop(0);
        } else {
            Thread.ofPlatform().daemon().name("central-stop").start(() -> server.stop(seconds));
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        for (ExecutorService e : List.of(executor, storeWork)) {
            e.shutdown();
            try {
                if (!e.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) e.shutdownNow();
            } catch (InterruptedException interrupted) {
                e.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override public void close() {
        stop(Duration.ZERO);
    }
}
