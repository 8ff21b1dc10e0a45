package org.ticketwindow.idcheck.reader.sim;

import com.fazecast.jSerialComm.SerialPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketwindow.idcheck.reader.sam.Frame;
import org.ticketwindow.idcheck.reader.sam.FrameDecoder;
import org.ticketwindow.idcheck.reader.sam.SamCommand;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A GA 467 reader on a serial port: decodes host commands and answers with the {@link SimulatedSam}. With a pace
 * baud rate, it keeps real wire time (10 bits a byte at 8N1) in both directions — a pty ignores the baud rate, so
 * without pacing a 1,295-byte answer would arrive instantly instead of in ~112 ms.
 */
public final class SerialReaderEmulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SerialReaderEmulator.class);
    private static final int CHUNK = 64;

    private final String path;
    private final SimulatedSam sam;
    private final int paceBaud;
    private final SerialPort port;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile String failure;

    private SerialReaderEmulator(String path, SerialPort port, SimulatedSam sam, int paceBaud) {
        this.path = path;
        this.port = port;
        this.sam = sam;
        this.paceBaud = paceBaud;
        this.thread = Thread.ofPlatform().name("emulator-" + path).daemon().unstarted(this::serve);
    }

    /** Opens {@code path} and starts answering. {@code paceBaud} 0 means no pacing. */
    public static SerialReaderEmulator start(String path, SimulatedSam sam, int paceBaud) throws IOException {
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortParameters(paceBaud > 0 ? paceBaud : 115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 100, 0);
        if (!port.openPort()) throw new IOException("cannot open " + path + " (error " + port.getLastErrorCode() + ")");
        SerialReaderEmulator e = new SerialReaderEmulator(path, port, sam, paceBaud);
        e.thread.start();
        return e;
    }

    /** The time {@code bytes} take on a line at {@code baud}, 8N1. */
    public static Duration wireTime(int bytes, int baud) {
        return Duration.ofNanos(bytes * 10L * 1_000_000_000L / baud);
    }

    private void serve() {
        FrameDecoder decoder = FrameDecoder.forRequests();
        byte[] buf = new byte[512];
        try {
            while (running) {
                int n = port.readBytes(buf, buf.length);
                if (n < 0) {
                    failure = path + " is gone";
                    log.warn("emulator: {}", failure);
                    return;
                }
                decoder.feed(buf, 0, n);
                FrameDecoder.Event e;
                while ((e = decoder.next()) != null) {
                    if (e instanceof FrameDecoder.Decoded d) answer(d.frame());
                    else if (e instanceof FrameDecoder.Rejected r) write(SamResponseFrames.hostError(r.reason()).encode(), 0);
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    private void answer(Frame request) {
        long receivedAt = System.nanoTime();
        // The request would still have been arriving on a real line: start answering only after its wire time.
        long start = paceBaud > 0 ? receivedAt + wireTime(request.body().length + 8, paceBaud).toNanos() : receivedAt;
        Frame response = sam.answer(SamCommand.fromRequest(request));
        Duration delay = sam.faults().nextDelay();
        byte[] wire = sam.faults().onTheWire(response.encode());
        write(wire, start + delay.toNanos());
        int baud = sam.takePendingBaud();
        if (baud > 0) port.setBaudRate(baud); // 60 nn: the answer went out at the old speed
    }

    /** Writes {@code bytes}; with pacing, chunk i leaves only once it would have fully arrived on a real line. */
    private void write(byte[] bytes, long startNanos) {
        if (paceBaud <= 0) {
            waitUntil(startNanos);
            port.writeBytes(bytes, bytes.length);
            return;
        }
        long perByte = 10L * 1_000_000_000L / paceBaud;
        for (int off = 0; off < bytes.length; off += CHUNK) {
            int len = Math.min(CHUNK, bytes.length - off);
            waitUntil(startNanos + (off + len) * perByte);
            port.writeBytes(bytes, len, off);
        }
    }

    private static void waitUntil(long nanos) {
        long d;
        while ((d = nanos - System.nanoTime()) > 0) LockSupport.parkNanos(d);
    }

    /** Why the emulator stopped by itself (the port went away), or null. */
    public String failure() { return failure; }

    public boolean running() { return stopped.getCount() > 0; }

    public void awaitStop() throws InterruptedException { stopped.await(); }

    @Override public void close() {
        running = false;
        try {
            stopped.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        port.closePort();
    }
}
