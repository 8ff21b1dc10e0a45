package org.ticketwindow.idcheck.sync;

import com.fasterxml.jackson.core.JsonProcessingException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The counter's HTTPS client for the central API (openapi/central.yaml): TLS 1.3 with the counter's certificate
 * (S6); plain HTTP only to a loopback address. Submissions carry the queued envelopes' bytes as they were recorded
 * (a resend is byte-identical, which the central's idempotency check relies on). Lookups have a short timeout: the
 * counter never waits long for them.
 */
public final class CentralClient {
    private final URI base;
    private final HttpClient http;
    private final Duration lookupTimeout;
    private final Duration submitTimeout;

    public CentralClient(URI base, SSLContext ssl, Duration lookupTimeout, Duration submitTimeout) {
        this.base = requireSafeTransport(base);
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(lookupTimeout.multipliedBy(2));
        if (ssl != null) {
            SSLParameters params = ssl.getDefaultSSLParameters();
            params.setProtocols(Tls.PROTOCOLS);
            b.sslContext(ssl).sslParameters(params);
        }
        this.http = b.build();
        this.lookupTimeout = lookupTimeout;
        this.submitTimeout = submitTimeout;
    }

    /** S6: HTTPS, or plain HTTP to a loopback address only (development and training). */
    public static URI requireSafeTransport(URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("https")) return base;
        if (!scheme.equals("http")) throw new IllegalArgumentException("the central URL must start with https:// (got " + base + ")");
        try {
            if (base.getHost() != null && InetAddress.getByName(base.getHost()).isLoopbackAddress()) return base;
        } catch (UnknownHostException e) {
            // not resolvable: certainly not loopback
        }
        throw new IllegalArgumentException("plain HTTP is allowed only to a loopback address; use https:// for " + base.getHost());
    }

    public URI base() { return base; }

    /**
     * Sends queued envelopes (bytes as recorded) in one batch and returns at once, so the caller can prepare the next
     * batch while the central works on this one; {@link PendingBatch#answers} waits for the answers (one per envelope,
     * in order).
     */
    public PendingBatch send(List<byte[]> envelopes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"results\":[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < envelopes.size(); i++) {
            if (i > 0) body.write(',');
            body.writeBytes(envelopes.get(i));
        }
        body.writeBytes("]}".getBytes(StandardCharsets.US_ASCII));
        return new PendingBatch(http.sendAsync(post("/v1/results", body.toByteArray(), submitTimeout),
                HttpResponse.BodyHandlers.ofByteArray()), envelopes.size());
    }

    /** A batch on its way to the central. */
    public final class PendingBatch {
        private final CompletableFuture<HttpResponse<byte[]>> response;
        private final int size;

        private PendingBatch(CompletableFuture<HttpResponse<byte[]>> response, int size) {
            this.response = response;
            this.size = size;
        }

        /** Waits for the central's answer: one per envelope, in order. */
        public BatchAnswer answers() throws CentralUnavailableException, CentralRefusedException {
            BatchAnswer answer = parse(await(response, "sending results"), BatchAnswer.class);
            if (answer.answers().size() != size) {
                throw new CentralUnavailableException("the central answered " + answer.answers().size() + " of " + size
                        + " results", null);
            }
            return answer;
        }
    }

    /** Sends one envelope on its own ({@code PUT /v1/results/{id}}); a 409 comes back as a REUSED_ID answer. */
    public ResultAnswer submitOne(String resultId, byte[] envelope) throws CentralUnavailableException, CentralRefusedException {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/v1/results/" + resultId)).timeout(submitTimeout)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(envelope)).build();
        HttpResponse<byte[]> r = send(req, "sending a result");
        if (r.statusCode() == 409) return read(r.body(), ResultAnswer.class);
        return parse(r, ResultAnswer.class);
    }

    public LookupAnswer lookup(LookupRequest request) throws CentralUnavailableException, CentralRefusedException {
        try {
            return parse(send(post("/v1/lookup", WireJson.mapper().writeValueAsBytes(request), lookupTimeout), "looking up records"),
                    LookupAnswer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Health health() throws CentralUnavailableException, CentralRefusedException {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/v1/health")).timeout(lookupTimeout).GET().build();
        return parse(send(req, "checking the central"), Health.class);
    }

    private HttpRequest post(String path, byte[] body, Duration timeout) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private HttpResponse<byte[]> send(HttpRequest req, String doing) throws CentralUnavailableException {
        return await(http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray()), doing);
    }

    private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> response, String doing)
            throws CentralUnavailableException {
        try {
            return response.get();
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new CentralUnavailableException(doing + ": interrupted", e);
        } catch (ExecutionException e) {
            throw unavailable(doing, e.getCause());
        }
    }

    private CentralUnavailableException unavailable(String doing, Throwable e) {
        return switch (e) {
            case HttpTimeoutException t -> new CentralUnavailableException(doing + ": the central did not answer in time", t);
            case SSLHandshakeException h -> new CentralUnavailableException(doing + ": TLS handshake refused (certificate unknown, "
                    + "revoked or expired?): " + h.getMessage(), h);
            case ConnectException c -> new CentralUnavailableException(doing + ": cannot connect to " + base.getHost() + ":"
                    + base.getPort(), c);
            case RuntimeException r -> throw r; // a programming error, not an outage
            case Error r -> throw r;
            default -> new CentralUnavailableException(doing + ": connection failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        };
    }

    private static <T> T parse(HttpResponse<byte[]> r, Class<T> type) throws CentralUnavailableException, CentralRefusedException {
        int s = r.statusCode();
        if (s >= 500 || s == 408 || s == 429) {
            throw new CentralUnavailableException("the central answered HTTP " + s, null);
        }
        if (s == 401 || s == 403) { // about this counter's certificate, not the results: they stay queued (S6)
            throw new CentralUnavailableException("the central refused this counter's certificate (HTTP " + s + "): "
                    + new String(r.body(), StandardCharsets.UTF_8), null);
        }
        if (s != 200) throw new CentralRefusedException(s, new String(r.body(), StandardCharsets.UTF_8));
        return read(r.body(), type);
    }

    private static <T> T read(byte[] body, Class<T> type) throws CentralUnavailableException {
        try {
            return WireJson.mapper().readValue(body, type);
        } catch (IOException e) {
            // a body cut short by a dropped connection looks like this: no definite answer
            throw new CentralUnavailableException("the central's answer could not be read: " + e.getMessage(), e);
        }
    }
}
