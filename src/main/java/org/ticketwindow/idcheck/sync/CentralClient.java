package org.ticketwindow.idcheck.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.ticketwindow.idcheck.wire.BatchAnswer;
import org.ticketwindow.idcheck.wire.Health;
import org.ticketwindow.idcheck.wire.LookupAnswer;
import org.ticketwindow.idcheck.wire.LookupRequest;
import org.ticketwindow.idcheck.wire.MissingResults;
import org.ticketwindow.idcheck.wire.ResultAnswer;
import org.ticketwindow.idcheck.wire.WireJson;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The counter's HTTPS client for the central API (wire/central.yaml): TLS 1.3 with the counter's certificate
 * (S6); plain HTTP only to a loopback address. Submissions carry the queued envelopes' bytes as they were recorded
 * (a resend is byte-identical, which the central's idempotency check relies on). Each request has a time limit per
 * phase ({@link CentralCall}: connect, TLS handshake, answer) and a failure says which phase and what happened: a
 * refused certificate, a dropped connection and a timeout are different things to the technician. Lookups have a
 * short answer limit: the counter never waits long for them.
 * <p>
 * The connection a call leaves open serves the next call (HTTP/1.1 keep-alive), so a drain's batches share one TLS
 * handshake instead of paying one each: the handshakes' elliptic-curve work was a fifth of the counter's CPU in a
 * drain (docs/benchmarks.md, issue 19). The central checks the certificate on every request (decision 0011-t).
 */
public final class CentralClient {
    /**
     * How long an open connection is kept for the next call; then the counter closes it. Long enough for a drain's
     * batches (the next follows its answer within milliseconds), short enough that idle counters do not fill the
     * central's connection limit (4096 open at once), and under its own idle limit (30 s).
     */
    static final Duration KEEP_IDLE = Duration.ofSeconds(5);

    private final URI base;
    private final SSLContext ssl;
    private final SyncSettings timeouts;
    /** The connection the last call left open, for the next; taken by one call at a time. */
    private final AtomicReference<CentralCall.Connection> idle = new AtomicReference<>();

    /** Answer limits as given; connect and handshake limits as {@link SyncSettings#DEFAULT}. */
    public CentralClient(URI base, SSLContext ssl, Duration lookupTimeout, Duration submitTimeout) {
        this(base, ssl, SyncSettings.DEFAULT.withAnswerTimeouts(lookupTimeout, submitTimeout));
    }

    public CentralClient(URI base, SSLContext ssl, SyncSettings timeouts) {
        this.base = requireSafeTransport(base);
        if (this.base.getScheme().equalsIgnoreCase("https") && ssl == null) {
            throw new IllegalArgumentException("https needs the counter's TLS material");
        }
        this.ssl = this.base.getScheme().equalsIgnoreCase("https") ? ssl : null;
        this.timeouts = timeouts;
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
        return new PendingBatch(start("POST", "/v1/results", body.toByteArray(), timeouts.submitTimeout(), null), envelopes.size());
    }

    /** A batch on its way to the central. */
    public final class PendingBatch {
        private final Running response;
        private final int size;

        private PendingBatch(Running response, int size) {
            this.response = response;
            this.size = size;
        }

        /** Waits for the central's answer: one per envelope, in order. */
        public BatchAnswer answers() throws CentralUnavailableException, CentralRefusedException {
            BatchAnswer answer = parse(response.await("sending results"), BatchAnswer.class);
            if (answer.answers().size() != size) {
                throw new CentralUnavailableException(CentralUnavailableException.Problem.INCOMPLETE_ANSWER, "the central answered " + answer.answers().size() + " of " + size
                        + " results", null);
            }
            return answer;
        }
    }

    /** Sends one envelope on its own ({@code PUT /v1/results/{id}}); a 409 comes back as a REUSED_ID answer. */
    public ResultAnswer submitOne(String resultId, byte[] envelope) throws CentralUnavailableException, CentralRefusedException {
        CentralCall.Answer r = start("PUT", "/v1/results/" + resultId, envelope, timeouts.submitTimeout(), null).await("sending a result");
        if (r.status() == 409) return read(r.body(), ResultAnswer.class);
        return parse(r, ResultAnswer.class);
    }

    public LookupAnswer lookup(LookupRequest request) throws CentralUnavailableException, CentralRefusedException {
        try {
            return parse(start("POST", "/v1/lookup", WireJson.mapper().writeValueAsBytes(request), timeouts.lookupTimeout(),
                    timeouts.lookupTimeout()).await("looking up records"), LookupAnswer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asks which of this counter's results up to {@code upTo} (its highest synced sequence) the central lacks.
     * {@code counterId} names the counter on plain HTTP (training); with TLS the certificate does.
     */
    public MissingResults missing(String counterId, long upTo) throws CentralUnavailableException, CentralRefusedException {
        String path = "/v1/missing?upTo=" + upTo + "&counter=" + java.net.URLEncoder.encode(counterId, java.nio.charset.StandardCharsets.UTF_8);
        return parse(start("GET", path, null, timeouts.lookupTimeout(), timeouts.lookupTimeout())
                .await("asking the central what it lacks"), MissingResults.class);
    }

    public Health health() throws CentralUnavailableException, CentralRefusedException {
        return parse(start("GET", "/v1/health", null, timeouts.lookupTimeout(), timeouts.lookupTimeout())
                .await("checking the central"), Health.class);
    }

    /**
     * Starts a call on a virtual thread of its own, so a batch can be on its way while the next is prepared. Lookups
     * and health checks pass their answer limit as {@code total} too: the whole call, connecting included, stays
     * within it, as the clerk waits for it.
     */
    private Running start(String method, String path, byte[] body, Duration answerTimeout, Duration total) {
        Running running = new Running();
        Thread.ofVirtual().name("idcheck-central-call").start(() -> {
            try {
                running.answer.complete(call(running, method, path, body, answerTimeout, total));
            } catch (Throwable e) {
                running.answer.completeExceptionally(e);
            }
        });
        return running;
    }

    /**
     * The call on the kept connection when there is one; on a new connection when there is none, or when the kept one
     * was gone before the central answered (its idle limit, a restart). Making the call again is safe: results are
     * idempotent by id and bytes (S3), and the other calls only read.
     */
    private CentralCall.Answer call(Running running, String method, String path, byte[] body, Duration answerTimeout,
                                    Duration total) throws CentralCall.Failed {
        long began = System.nanoTime();
        CentralCall.Connection kept = idle.getAndSet(null); // one left unused for KEEP_IDLE is closed and gone from here
        if (kept != null && kept.isOpen()) {
            CentralCall call = running.calling(new CentralCall(kept));
            try {
                return keepOpen(call, call.run(base, ssl, timeouts, method, path, body, answerTimeout, total));
            } catch (CentralCall.Failed f) {
                if (!f.keptConnectionGone || running.aborted) throw f;
                if (total != null) {
                    total = total.minusNanos(System.nanoTime() - began);
                    if (total.isNegative() || total.isZero()) throw f;
                }
            }
        }
        CentralCall call = running.calling(new CentralCall());
        return keepOpen(call, call.run(base, ssl, timeouts, method, path, body, answerTimeout, total));
    }

    /**
     * Leaves the connection {@code call} kept open for the next call (one is kept; another open one is closed), and
     * closes it after {@link #KEEP_IDLE} if no call has taken it by then.
     */
    private CentralCall.Answer keepOpen(CentralCall call, CentralCall.Answer answer) {
        CentralCall.Connection open = call.keptOpen();
        if (open != null) {
            CentralCall.Connection before = idle.getAndSet(open);
            if (before != null) before.close();
            CentralCall.after(KEEP_IDLE, () -> {
                if (idle.compareAndSet(open, null)) open.close(); // still unused: closed by us, not left to the central
            });
        }
        return answer;
    }

    /** A call in progress: the attempt being made, which an interrupted caller ends. */
    private final class Running {
        private final CompletableFuture<CentralCall.Answer> answer = new CompletableFuture<>();
        private volatile CentralCall current;
        private volatile boolean aborted;

        synchronized CentralCall calling(CentralCall call) {
            current = call;
            if (aborted) call.abort();
            return call;
        }

        private synchronized void abort() {
            aborted = true;
            if (current != null) current.abort();
        }

        CentralCall.Answer await(String doing) throws CentralUnavailableException {
            try {
                return answer.get();
            } catch (InterruptedException e) {
                abort();
                Thread.currentThread().interrupt();
                throw new CentralUnavailableException(CentralUnavailableException.Problem.INTERRUPTED, doing + ": interrupted", e);
            } catch (ExecutionException e) {
                throw unavailable(doing, e.getCause());
            }
        }
    }

    private CentralUnavailableException unavailable(String doing, Throwable e) {
        if (e instanceof RuntimeException r) throw r; // a programming error, not an outage
        if (e instanceof Error r) throw r;
        if (!(e instanceof CentralCall.Failed f)) return new CentralUnavailableException(doing + ": " + e, e);
        String where = base.getHost() + ":" + (base.getPort() > 0 ? base.getPort() : ssl != null ? 443 : 80);
        Throwable cause = f.getCause();
        String alert = alert(cause);
        String what;
        CentralUnavailableException.Problem problem;
        if (f.timedOut) {
            problem = f.phase == CentralCall.Phase.CONNECT ? CentralUnavailableException.Problem.CANNOT_CONNECT
                    : CentralUnavailableException.Problem.TIMED_OUT;
        } else if (alert != null || f.centralSpokeFirst) {
            problem = CentralUnavailableException.Problem.CERTIFICATE_REFUSED;
        } else if (f.phase == CentralCall.Phase.HANDSHAKE && cause instanceof SSLHandshakeException h && !dropped(h)) {
            problem = CentralUnavailableException.Problem.CENTRAL_CERTIFICATE_REJECTED;
        } else {
            problem = f.phase == CentralCall.Phase.CONNECT ? CentralUnavailableException.Problem.CANNOT_CONNECT
                    : CentralUnavailableException.Problem.DROPPED;
        }
        if (f.timedOut && f.byTotal) {
            what = "no answer within " + seconds(f.limit) + " (" + switch (f.phase) {
                case CONNECT -> "still connecting to " + where;
                case HANDSHAKE -> "still in the TLS handshake with " + where;
                case ANSWER -> "waiting for the central's answer";
            } + ")";
        } else if (f.timedOut) {
            what = switch (f.phase) {
                case CONNECT -> "could not connect to " + where + " within " + seconds(f.limit) + " (connect timeout)";
                case HANDSHAKE -> "the TLS handshake with " + where + " did not finish within " + seconds(f.limit) + " (handshake timeout)";
                case ANSWER -> "the central did not answer within " + seconds(f.limit) + " (answer timeout)";
            };
        } else if (alert != null || f.centralSpokeFirst) {
            // TLS 1.3: the central checks the counter's certificate after the counter's side of the handshake is
            // done, so its refusal can arrive as the answer to the request, or break the next write
            what = "the central refused the TLS connection (" + (alert != null ? alert : "it sent an alert and closed")
                    + "): this counter's certificate is unknown, revoked or expired, or the central's revocation list is out of date";
        } else if (f.phase == CentralCall.Phase.HANDSHAKE && cause instanceof SSLHandshakeException h && !dropped(h)) {
            what = "the central's certificate is not accepted here: " + h.getMessage();
        } else {
            what = switch (f.phase) {
                case CONNECT -> "cannot connect to " + where + " (" + brief(cause) + ")";
                case HANDSHAKE -> "the connection to " + where + " was dropped during the TLS handshake (" + brief(cause) + ")";
                case ANSWER -> "the connection was dropped before the central's answer was complete (" + brief(cause) + ")";
            };
        }
        return new CentralUnavailableException(problem, doing + ": " + what, e);
    }

    /** The TLS alert the central sent, if that is what ended the call ("Received fatal alert: certificate_unknown"). */
    private static String alert(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            int at = t instanceof SSLException && t.getMessage() != null ? t.getMessage().indexOf("Received fatal alert: ") : -1;
            if (at >= 0) return t.getMessage().substring(at + "Received fatal alert: ".length());
        }
        return null;
    }

    /** The peer went away mid-handshake (end of stream or reset), rather than a certificate check failing here. */
    private static boolean dropped(SSLHandshakeException h) {
        for (Throwable t = h.getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException || t instanceof java.net.SocketException) return true;
        }
        String m = String.valueOf(h.getMessage());
        return m.contains("Remote host terminated") || m.contains("Connection reset") || m.contains("Socket closed");
    }

    private static String brief(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static <T> T parse(CentralCall.Answer r, Class<T> type) throws CentralUnavailableException, CentralRefusedException {
        int s = r.status();
        if (s >= 500 || s == 408 || s == 429) {
            throw new CentralUnavailableException(CentralUnavailableException.Problem.CENTRAL_ERROR, "the central answered HTTP " + s, null);
        }
        if (s == 401 || s == 403) { // about this counter's certificate, not the results: they stay queued (S6)
            throw new CentralUnavailableException(CentralUnavailableException.Problem.CERTIFICATE_REFUSED, "the central refused this counter's certificate (HTTP " + s + "): "
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
            throw new CentralUnavailableException(CentralUnavailableException.Problem.UNREADABLE_ANSWER, "the central's answer could not be read: " + e.getMessage(), e);
        }
    }
}
