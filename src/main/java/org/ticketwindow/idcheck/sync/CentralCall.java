package org.ticketwindow.idcheck.sync;

import org.ticketwindow.idcheck.wire.Tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 request to the central on a connection of its own, in three phases, each with its own time limit:
 * connecting (TCP), the TLS handshake, and the answer (sending the request and reading the whole answer). The JDK's
 * HttpClient counts the handshake into its connect timeout and cannot say which phase ran out; under load the
 * handshake is the slow part (issue 15). A failure says which phase it happened in and whether that phase's time ran out.
 * <p>
 * A call may run on a connection an earlier call left open ({@link Connection}, HTTP/1.1 keep-alive): it then starts
 * in the answer phase, with no connect or handshake. The central checks the counter's certificate on every request, so
 * a kept connection does not outlive a revocation (decision 0011-t).
 */
final class CentralCall {
    static final int MAX_ANSWER = 64 * 1024 * 1024;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("idcheck-central-watchdog").daemon().factory());

    enum Phase { CONNECT, HANDSHAKE, ANSWER }

    /** Runs {@code task} once after {@code delay} on the calls' watchdog thread (short tasks only). */
    static void after(Duration delay, Runnable task) {
        WATCHDOG.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The central's answer: status and body. */
    record Answer(int status, byte[] body) {}

    /**
     * The call failed in {@code phase}; {@code timedOut} when a time limit ran out: that phase's, or the whole call's
     * ({@code byTotal}) when the call had one and it was the shorter.
     */
    static final class Failed extends IOException {
        final Phase phase;
        final boolean timedOut;
        final boolean byTotal;
        final Duration limit;
        /** The connection broke while sending, but the central had sent TLS data first: most likely an alert. */
        boolean centralSpokeFirst;
        /**
         * The call ran on a kept connection that was gone before any answer came (the central closed it: its idle
         * limit, a restart): nothing says the central failed, so the call may be made again on a new connection.
         */
        boolean keptConnectionGone;

        Failed(Phase phase, boolean timedOut, boolean byTotal, Duration limit, IOException cause) {
            super(phase + (timedOut ? " timed out after " + limit.toMillis() + " ms" : " failed: " + cause), cause);
            this.phase = phase;
            this.timedOut = timedOut;
            this.byTotal = byTotal;
            this.limit = limit;
        }
    }

    /**
     * An open connection to the central that a call left for the next (its answer was complete and framed, and the
     * central did not ask to close): the raw socket, the stream the call used on it (TLS or plain) and that stream's
     * buffered input, which may not be shared by two calls at once.
     */
    static final class Connection {
        private final Socket raw;
        private final Socket stream;
        private final BufferedInputStream in;

        private Connection(Socket raw, Socket stream, BufferedInputStream in) {
            this.raw = raw;
            this.stream = stream;
            this.in = in;
        }

        boolean isOpen() {
            return !raw.isClosed();
        }

        void close() {
            closeQuietly(raw);
        }
    }

    private final Socket socket;
    private final Connection kept;
    private Connection keptAfter;
    private boolean answerStarted;
    private boolean closeAfter;
    private volatile Phase phase = Phase.CONNECT;
    private volatile Phase expired;
    private Duration limit;
    private boolean byTotal;
    private long totalDeadline = Long.MAX_VALUE;
    private Duration total;
    private ScheduledFuture<?> timer;
    private SSLSocket tlsSocket;
    private boolean answerRead;

    /** A call on a new connection. */
    CentralCall() {
        this(null);
    }

    /** A call on {@code kept}, a connection an earlier call left open; a new connection when null. */
    CentralCall(Connection kept) {
        this.kept = kept;
        this.socket = kept != null ? kept.raw : new Socket();
    }

    /** The connection this call left open for the next, or null when it closed it. Only after {@link #run} returned. */
    Connection keptOpen() {
        return keptAfter;
    }

    /** Closes the connection, ending the call wherever it is (the caller was interrupted). */
    void abort() {
        close();
    }

    /**
     * Runs the call. {@code total}, when not null, also bounds the whole call (a lookup: the clerk must not wait for
     * connect + handshake + answer limits added up); each phase then gets the shorter of its limit and what is left.
     */
    Answer run(URI base, SSLContext ssl, SyncSettings timeouts, String method, String path, byte[] body, Duration answerTimeout,
               Duration total) throws Failed {
        if (total != null) {
            this.total = total;
            this.totalDeadline = System.nanoTime() + total.toNanos();
        }
        String host = base.getHost();
        int port = base.getPort() > 0 ? base.getPort() : ssl != null ? 443 : 80;
        try {
            Socket s;
            BufferedInputStream in;
            if (kept != null) {
                s = kept.stream;
                in = kept.in;
            } else {
                s = connect(host, port, ssl, timeouts);
                in = new BufferedInputStream(s.getInputStream());
            }
            enter(Phase.ANSWER, answerTimeout);
            // head and body in one write: one TLS record, and no wait for the central's acknowledgement between them
            byte[] head = head(method, host, port, base, path, body).getBytes(StandardCharsets.US_ASCII);
            byte[] request = body == null ? head : java.util.Arrays.copyOf(head, head.length + body.length);
            if (body != null) System.arraycopy(body, 0, request, head.length, body.length);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            answerRead = true; // from here the TLS layer reads what the central sends
            Answer a = answer(in);
            timer.cancel(false);
            // kept for the next call only after an answer about the results, not a refusal (401/403: the certificate)
            if (!closeAfter && (a.status() == 200 || a.status() == 409)) keptAfter = new Connection(socket, s, in);
            return a;
        } catch (IOException e) {
            Phase failedIn = phase;
            boolean timedOut = expired == failedIn || e instanceof java.net.SocketTimeoutException;
            Failed f = new Failed(failedIn, timedOut, timedOut && byTotal, byTotal ? total : limit, e);
            f.centralSpokeFirst = !timedOut && !answerRead && tlsSocket != null && brokeWhileSending(e) && unread();
            f.keptConnectionGone = kept != null && !timedOut && !answerStarted;
            throw f;
        } finally {
            if (keptAfter == null) close();
        }
    }

    /** The connect and handshake phases of a new connection; the stream to use on it. */
    private Socket connect(String host, int port, SSLContext ssl, SyncSettings timeouts) throws IOException {
        enter(Phase.CONNECT, timeouts.connectTimeout());
        socket.setTcpNoDelay(true); // a kept connection's next request goes out at once, not after the last one's ack
        socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, limit.toMillis()));
        Socket s = socket;
        if (ssl != null) {
            enter(Phase.HANDSHAKE, timeouts.handshakeTimeout());
            // not autoClose: after a failed write the raw socket may still hold what the central sent (see unread)
            SSLSocket tls = (SSLSocket) ssl.getSocketFactory().createSocket(socket, host, port, false);
            tlsSocket = tls;
            SSLParameters p = tls.getSSLParameters(); // carries the server name (SNI) from host
            p.setProtocols(Tls.PROTOCOLS);
            p.setEndpointIdentificationAlgorithm("HTTPS"); // the central's certificate must name host
            tls.setSSLParameters(p);
            tls.startHandshake();
            s = tls;
        }
        return s;
    }

    /**
     * Whether the central sent something our TLS layer never read. In TLS 1.3 the central checks the counter's
     * certificate after the counter has sent its last handshake message; refusing, it sends an alert and closes, and
     * the counter's next write may fail with "broken pipe" before the alert is read. Bytes left unread then are that
     * alert (encrypted, so not readable here); a connection dropped by the network leaves none.
     */
    private boolean unread() {
        try {
            socket.setSoTimeout(300);
            return socket.getInputStream().read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** A broken pipe or reset (not a certificate check failing here, which leaves the central's data unread too). */
    private static boolean brokeWhileSending(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof java.net.SocketException) return true;
        return false;
    }

    private synchronized void enter(Phase next, Duration phaseLimit) {
        if (timer != null) timer.cancel(false);
        Duration left = Duration.ofNanos(Math.max(0, totalDeadline - System.nanoTime()));
        byTotal = totalDeadline != Long.MAX_VALUE && left.compareTo(phaseLimit) < 0;
        Duration within = byTotal ? left : phaseLimit;
        phase = next;
        limit = within;
        // a total limit for the phase (socket timeouts only bound each read, and writes not at all)
        timer = WATCHDOG.schedule(() -> {
            expired = next;
            close();
        }, within.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void close() {
        if (timer != null) timer.cancel(false);
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing: nothing to add
        }
    }

    private static String head(String method, String host, int port, URI base, String path, byte[] body) {
        String authority = (host.contains(":") ? "[" + host + "]" : host) + (base.getPort() > 0 ? ":" + port : "");
        StringBuilder h = new StringBuilder().append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n")
                .append("Accept: application/json\r\n"); // HTTP/1.1: the connection stays open unless one side says close
        if (body != null) {
            h.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        return h.append("\r\n").toString();
    }

    /**
     * Status line, headers, then a body framed by Content-Length, chunked encoding, or the end of the connection (which
     * leaves nothing to keep: {@link #closeAfter}).
     */
    private Answer answer(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) throw new EOFException("the connection closed before the central answered");
        answerStarted = true;
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) throw new IOException("not an HTTP answer: " + abbreviate(status));
        int code;
        try {
            code = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: " + abbreviate(status));
        }
        long length = -1;
        boolean chunked = false;
        String header;
        while ((header = line(in)) != null && !header.isEmpty()) {
            int colon = header.indexOf(':');
            if (colon < 0) continue;
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("content-length")) length = contentLength(value);
            if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) chunked = true;
            if (name.equals("connection") && value.toLowerCase(Locale.ROOT).contains("close")) closeAfter = true;
        }
        if (header == null) throw new EOFException("the connection closed in the middle of the central's answer");
        byte[] body;
        if (chunked) {
            body = chunks(in);
        } else if (length >= 0) {
            if (length > MAX_ANSWER) throw new IOException("the central's answer is larger than " + MAX_ANSWER + " bytes");
            body = in.readNBytes((int) length);
            if (body.length < length) throw new EOFException("the connection closed in the middle of the central's answer");
        } else {
            closeAfter = true;
            body = in.readNBytes(MAX_ANSWER);
        }
        return new Answer(code, body);
    }

    private static long contentLength(String value) throws IOException {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IOException("not an HTTP answer: Content-Length " + abbreviate(value));
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) throw new EOFException("the connection closed in the middle of the central's answer");
            int semicolon = size.indexOf(';');
            int n;
            try {
                n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP answer: chunk size " + abbreviate(size));
            }
            if (n < 0) throw new IOException("not an HTTP answer: chunk size " + abbreviate(size));
            if (n == 0) {
                String trailer;
                while ((trailer = line(in)) != null && !trailer.isEmpty()) { /* trailers are not used */ }
                return out.toByteArray();
            }
            if (out.size() + (long) n > MAX_ANSWER) throw new IOException("the central's answer is larger than " + MAX_ANSWER + " bytes");
            byte[] chunk = in.readNBytes(n);
            if (chunk.length < n) throw new EOFException("the connection closed in the middle of the central's answer");
            out.writeBytes(chunk);
            line(in);
        }
    }

    /**
     * One CRLF-terminated line (at most 8 KiB), without its terminator; null at the end of the stream. A line the end
     * of the stream cut short is a broken answer, not a shorter value.
     */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') break;
            if (c != '\r') b.write(c);
            if (b.size() > 8192) throw new IOException("an HTTP line longer than 8 KiB in the central's answer");
        }
        if (c == -1 && b.size() == 0) return null;
        if (c == -1) throw new EOFException("the connection closed in the middle of the central's answer");
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
