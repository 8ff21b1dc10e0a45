package org.ticketwindow.idcheck.reader.sim;

import org.ticketwindow.idcheck.reader.sam.FrameDecoder;
import org.ticketwindow.idcheck.reader.sam.SamChannel;
import org.ticketwindow.idcheck.reader.sam.SamCommand;
import org.ticketwindow.idcheck.reader.sam.SamIoException;
import org.ticketwindow.idcheck.reader.sam.SamResponse;

import java.time.Duration;

/**
 * The simulated SAM in-process, through the same bytes as a wire: the request is encoded and decoded, the answer
 * goes through the fault plan and the host's resynchronising decoder. A truncated or delayed answer costs the real
 * timeout, as it would on a line. With a pace baud, each exchange also takes the time its bytes would need on a serial
 * line at that speed (training mode: a read feels like a real reader's ~0.1 s, and benchmarks measure that).
 */
public final class SimulatedSamChannel implements SamChannel {
    private final SimulatedSam sam;
    private final FrameDecoder requests = FrameDecoder.forRequests();
    private final FrameDecoder responses = FrameDecoder.forResponses();

    private final int paceBaud;

    public SimulatedSamChannel(SimulatedSam sam) { this(sam, 0); }

    /** {@code paceBaud} 0: no pacing. */
    public SimulatedSamChannel(SimulatedSam sam, int paceBaud) {
        this.sam = sam;
        this.paceBaud = paceBaud;
    }

    @Override public SamResponse exchange(SamCommand command, Duration timeout) throws SamIoException {
        requests.reset();
        requests.feed(command.encode());
        var request = requests.nextFrame();
        byte[] wire = sam.faults().onTheWire(sam.answer(SamCommand.fromRequest(request)).encode());
        Duration delay = sam.faults().nextDelay();
        if (paceBaud > 0) delay = delay.plus(SerialReaderEmulator.wireTime(command.encode().length + wire.length, paceBaud));
        if (delay.compareTo(timeout) >= 0) {
            sleep(timeout);
            throw new SamIoException(SamIoException.Kind.TIMEOUT, command + ": no answer from the simulator within " + timeout.toMillis() + " ms");
        }
        sleep(delay);
        responses.reset();
        responses.feed(wire);
        int rejected = 0;
        FrameDecoder.Event e;
        while ((e = responses.next()) != null) {
            if (e instanceof FrameDecoder.Decoded d) return SamResponse.of(d.frame());
            if (e instanceof FrameDecoder.Rejected) rejected++;
        }
        sleep(timeout.minus(delay));
        if (rejected > 0) throw new SamIoException(SamIoException.Kind.PROTOCOL, command + ": garbled answer from the simulator");
        throw new SamIoException(SamIoException.Kind.TIMEOUT, command + ": incomplete answer from the simulator");
    }

    private static void sleep(Duration d) throws SamIoException {
        if (d.isZero() || d.isNegative()) return;
        try {
            Thread.sleep(d);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new SamIoException(SamIoException.Kind.TIMEOUT, "interrupted");
        }
    }

    @Override public String describe() { return "simulator (实训模式)"; }

    @Override public void close() {}
}
