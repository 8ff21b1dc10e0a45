package org.ticketwindow.idcheck.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 that breaks connections on purpose while {@link #faulty} is on: drops them mid-request or
 * mid-response, resets them, delays them, or (plain HTTP only) answers 500/503 itself. Seeded, so a failing run can
 * be repeated.
 */
public final class FaultProxy implements AutoCloseable {
    public enum Fault { NONE, DROP_MID_REQUEST, DROP_MID_RESPONSE, RESET, DELAY, HTTP_500, HTTP_503 }

    private final ServerSocket listener;
    private final int upstreamPort;
    private final boolean httpFaults;
    private final Random random;
    public volatile boolean faulty;
    public final AtomicInteger[] injected = new AtomicInteger[Fault.values().length];

    public FaultProxy(int upstreamPort, boolean httpFaults, long seed) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        this.httpFaults = httpFaults;
        this.random = new Random(seed);
        for (int i = 0; i < injected.length; i++) injected[i] = new AtomicInteger();
        Thread.ofPlatform().daemon().name("fault-proxy").start(this::acceptLoop);
    }

    public int port() { return listener.getLocalPort(); }

    public int injectedTotal() {
        int n = 0;
        for (int i = 1; i < injected.length; i++) n += injected[i].get();
        return n;
    }

    /** A fault for the next chunk going upstream (request) or back (response), or NONE; about one chunk in three. */
    private synchronized Fault pick(boolean request) {
        if (!faulty || random.nextInt(3) != 0) return Fault.NONE;
        Fault f;
        if (!request) {
            f = Fault.DROP_MID_RESPONSE;
        } else {
            Fault[] kinds = httpFaults
                    ? new Fault[]{Fault.DROP_MID_REQUEST, Fault.RESET, Fault.DELAY, Fault.HTTP_500, Fault.HTTP_503}
                    : new Fault[]{Fault.DROP_MID_REQUEST, Fault.RESET, Fault.DELAY};
            f = kinds[random.nextInt(kinds.length)];
        }
        injected[f.ordinal()].incrementAndGet();
        return f;
    }

    private synchronized int cut(int max) { return random.nextInt(max); }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread.ofPlatform().daemon().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; Socket up = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            client.setTcpNoDelay(true);
            up.setTcpNoDelay(true);
            Thread toUp = Thread.ofPlatform().daemon().start(() -> pump(client, up, true));
            pump(up, client, false);
            toUp.join(1000);
        } catch (IOException | InterruptedException e) {
            // a broken connection is the point of this proxy
        }
    }

    /** Copies chunk by chunk, breaking the connection when a fault is drawn for a chunk. */
    private void pump(Socket from, Socket to, boolean request) {
        byte[] buf = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                Fault f = pick(request);
                switch (f) {
                    case NONE -> out.write(buf, 0, n);
                    case DELAY -> {
                        Thread.sleep(300);
                        out.write(buf, 0, n);
                    }
                    case DROP_MID_REQUEST, DROP_MID_RESPONSE -> {
                        out.write(buf, 0, cut(n));
                        out.flush();
                        return;
                    }
                    case RESET -> {
                        from.setSoLinger(true, 0);
                        to.setSoLinger(true, 0);
                        return;
                    }
                    case HTTP_500, HTTP_503 -> {
                        String status = f == Fault.HTTP_500 ? "500 Internal Server Error" : "503 Service Unavailable";
                        from.getOutputStream().write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        from.getOutputStream().flush();
                        return;
                    }
                }
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // closed under us
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override public void close() throws IOException { listener.close(); }
}
