package org.ticketwindow.idcheck.reader.sim;

import org.ticketwindow.idcheck.reader.sam.Frame;
import org.ticketwindow.idcheck.reader.sam.SamCommand;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Seeded fault injection for the simulated reader (training mode "inject a fault", and the tests): bit flips,
 * delays, truncated answers, junk before the preamble, a card taken away mid-read, and forced SW3 codes. The same
 * seed gives the same faults in the same order.
 */
public final class FaultPlan {
    private final Random random;
    private double bitFlip;
    private double truncate;
    private double junkPrefix;
    private double delay;
    private Duration delayBy = Duration.ZERO;
    private double removeDuringRead;
    private final Map<SamCommand, Forced> forced = new HashMap<>();

    private record Forced(int sw3, int remaining) {}

    public FaultPlan(long seed) {
        this.random = new Random(seed);
    }

    /** No faults. */
    public static FaultPlan none() { return new FaultPlan(0); }

    public synchronized FaultPlan bitFlips(double probability) { bitFlip = probability; return this; }
    public synchronized FaultPlan truncations(double probability) { truncate = probability; return this; }
    public synchronized FaultPlan junkPrefixes(double probability) { junkPrefix = probability; return this; }
    public synchronized FaultPlan delays(double probability, Duration by) { delay = probability; delayBy = by; return this; }
    public synchronized FaultPlan cardRemovedDuringRead(double probability) { removeDuringRead = probability; return this; }

    /** The next {@code times} answers to {@code command} carry {@code sw3} (use {@link Integer#MAX_VALUE} for always). */
    public synchronized FaultPlan force(SamCommand command, int sw3, int times) {
        forced.put(command, new Forced(sw3, times));
        return this;
    }

    public synchronized FaultPlan clear() {
        bitFlip = truncate = junkPrefix = delay = removeDuringRead = 0;
        forced.clear();
        return this;
    }

    /** A forced status for this command, consuming one use. */
    synchronized Integer forcedStatus(SamCommand command) {
        Forced f = forced.get(command);
        if (f == null) return null;
        if (f.remaining() != Integer.MAX_VALUE) {
            if (f.remaining() <= 1) forced.remove(command);
            else forced.put(command, new Forced(f.sw3(), f.remaining() - 1));
        }
        return f.sw3();
    }

    synchronized boolean removeCardNow() { return removeDuringRead > 0 && random.nextDouble() < removeDuringRead; }

    /** The delay before this answer (zero mostly). */
    synchronized Duration nextDelay() { return delay > 0 && random.nextDouble() < delay ? delayBy : Duration.ZERO; }

    /** The answer bytes as they reach the host: possibly junk-prefixed, bit-flipped or cut short. */
    synchronized byte[] onTheWire(byte[] frame) {
        byte[] out = frame;
        if (bitFlip > 0 && random.nextDouble() < bitFlip) {
            out = out.clone();
            int i = Frame.PREAMBLE.length + random.nextInt(out.length - Frame.PREAMBLE.length);
            out[i] ^= (byte) (1 << random.nextInt(8));
        }
        if (truncate > 0 && random.nextDouble() < truncate) {
            out = Arrays.copyOf(out, 1 + random.nextInt(out.length - 1));
        }
        if (junkPrefix > 0 && random.nextDouble() < junkPrefix) {
            byte[] junk = new byte[1 + random.nextInt(8)];
            random.nextBytes(junk);
            junk[0] = (byte) 0xAA; // a false start, like the field log's "AA 00 AA AA 96 69"
            byte[] joined = new byte[junk.length + out.length];
            System.arraycopy(junk, 0, joined, 0, junk.length);
            System.arraycopy(out, 0, joined, junk.length, out.length);
            out = joined;
        }
        return out;
    }
}
