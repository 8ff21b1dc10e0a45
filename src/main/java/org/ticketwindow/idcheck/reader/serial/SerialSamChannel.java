package org.ticketwindow.idcheck.reader.serial;

import com.fazecast.jSerialComm.SerialPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketwindow.idcheck.reader.sam.FrameDecoder;
import org.ticketwindow.idcheck.reader.sam.SamChannel;
import org.ticketwindow.idcheck.reader.sam.SamCommand;
import org.ticketwindow.idcheck.reader.sam.SamIoException;
import org.ticketwindow.idcheck.reader.sam.SamResponse;

import java.time.Duration;

/**
 * One serial port speaking GA 467 (8N1, no flow control). Each exchange drops stale input, writes the request and
 * decodes the answer with a resynchronising {@link FrameDecoder}; a read error (EIO when the device is unplugged)
 * is {@link SamIoException.Kind#PORT_GONE}.
 */
public final class SerialSamChannel implements SamChannel {
    private static final Logger log = LoggerFactory.getLogger(SerialSamChannel.class);
    /** jSerialComm timeouts have ~100 ms granularity; shorter slices keep the deadline honest. */
    private static final int READ_SLICE_MS = 100;

    private final SerialPort port;
    private final String path;
    private final FrameDecoder decoder = FrameDecoder.forResponses();
    private final byte[] buf = new byte[4096];

    private SerialSamChannel(SerialPort port, String path) {
        this.port = port;
        this.path = path;
    }

    /** Opens {@code path} at {@code baud}. On a pty {@code getLastErrorCode()} is ENOTTY after a good open: harmless. */
    public static SerialSamChannel open(String path, int baud) throws SamIoException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new SamIoException(SamIoException.Kind.OPEN_FAILED, "no serial port at " + path + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_SLICE_MS, 0);
        if (!port.openPort()) {
            throw new SamIoException(SamIoException.Kind.OPEN_FAILED, "cannot open " + path + " (error "
                    + port.getLastErrorCode() + " at " + port.getLastErrorLocation() + ")");
        }
        return new SerialSamChannel(port, path);
    }

    @Override public SamResponse exchange(SamCommand command, Duration timeout) throws SamIoException {
        drainStaleInput();
        byte[] request = command.encode();
        int written = port.writeBytes(request, request.length);
        if (written != request.length) {
            throw new SamIoException(SamIoException.Kind.PORT_GONE, "writing to " + path + " failed (" + written + ")");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int rejected = 0;
        while (true) {
            FrameDecoder.Event e;
            while ((e = decoder.next()) != null) {
                switch (e) {
                    case FrameDecoder.Decoded d -> { return SamResponse.of(d.frame()); }
                    case FrameDecoder.Skipped s -> log.debug("{}: skipped {} bytes before a preamble", path, s.count());
                    case FrameDecoder.Rejected r -> {
                        rejected++;
                        log.warn("{}: rejected a frame ({}, LEN {})", path, r.reason(), r.declaredLength());
                    }
                }
            }
            long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMs <= 0) {
                if (rejected > 0) {
                    throw new SamIoException(SamIoException.Kind.PROTOCOL, command + ": " + rejected + " garbled answer(s) from " + path);
                }
                throw new SamIoException(SamIoException.Kind.TIMEOUT, command + ": no answer from " + path + " within "
                        + timeout.toMillis() + " ms (" + decoder.buffered() + " bytes pending)");
            }
            int n = port.readBytes(buf, buf.length);
            if (n < 0) {
                throw new SamIoException(SamIoException.Kind.PORT_GONE, "reading " + path + " failed: the device is gone (error "
                        + port.getLastErrorCode() + ")");
            }
            decoder.feed(buf, 0, n);
        }
    }

    private void drainStaleInput() throws SamIoException {
        decoder.reset();
        int available;
        while ((available = port.bytesAvailable()) > 0) {
            int n = port.readBytes(buf, Math.min(buf.length, available));
            if (n < 0) throw new SamIoException(SamIoException.Kind.PORT_GONE, "reading " + path + " failed: the device is gone");
            log.debug("{}: dropped {} stale bytes", path, n);
        }
        if (available < 0) throw new SamIoException(SamIoException.Kind.PORT_GONE, path + " is gone");
    }

    @Override public void switchBaud(int baud) throws SamIoException {
        if (!port.setBaudRate(baud)) throw new SamIoException(SamIoException.Kind.PORT_GONE, "cannot set " + path + " to " + baud + " baud");
    }

    public int baud() { return port.getBaudRate(); }

    @Override public String describe() { return path + " @" + port.getBaudRate(); }

    @Override public void close() { port.closePort(); }
}
