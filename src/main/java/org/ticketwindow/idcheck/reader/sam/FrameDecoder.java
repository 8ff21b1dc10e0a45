package org.ticketwindow.idcheck.reader.sam;

import java.util.Arrays;

/**
 * Streaming decoder for GA 467 frames (§1.7): hunts the 5-byte preamble with a sliding window (resynchronising
 * after junk or a corrupted frame), reads the big-endian LEN with unsigned bytes, enforces the length limits,
 * waits for frames split across reads and returns frames that arrive together one at a time. Not thread-safe:
 * each reader owns one.
 */
public final class FrameDecoder {

    /** What {@link #next()} found. */
    public sealed interface Event permits Decoded, Skipped, Rejected {}

    /** A complete frame with a good checksum. */
    public record Decoded(Frame frame) implements Event {}

    /** Bytes before a preamble were discarded. */
    public record Skipped(int count) implements Event {}

    /** A preamble whose frame was invalid; decoding resumed at the byte after that preamble's first byte. */
    public record Rejected(Reason reason, int declaredLength) implements Event {}

    public enum Reason { BAD_CHECKSUM, LENGTH_TOO_SMALL, LENGTH_TOO_LARGE }

    private final int minLen;
    private final int maxLen;
    private byte[] buf = new byte[4096];
    private int start;
    private int end;

    private FrameDecoder(int minLen, int maxLen) {
        this.minLen = minLen;
        this.maxLen = maxLen;
    }

    /** A decoder for reader answers (host side). */
    public static FrameDecoder forResponses() {
        return new FrameDecoder(Frame.MIN_RESPONSE_LEN, Frame.MAX_RESPONSE_LEN);
    }

    /** A decoder for captures holding both directions (the {@code decode} command). */
    public static FrameDecoder forCaptures() {
        return new FrameDecoder(Frame.MIN_REQUEST_LEN, Frame.MAX_RESPONSE_LEN);
    }

    /** A decoder for host commands (emulator side): requests are short (largest: 61 FF xx, LEN 4). */
    public static FrameDecoder forRequests() {
        return new FrameDecoder(Frame.MIN_REQUEST_LEN, 64);
    }

    public void feed(byte[] data, int off, int len) {
        if (len <= 0) return;
        if (end + len > buf.length) {
            if (end - start + len <= buf.length && start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
            } else {
                byte[] bigger = new byte[Math.max(buf.length * 2, end - start + len)];
                System.arraycopy(buf, start, bigger, 0, end - start);
                buf = bigger;
            }
            end -= start;
            start = 0;
        }
        System.arraycopy(data, off, buf, end, len);
        end += len;
    }

    public void feed(byte[] data) { feed(data, 0, data.length); }

    /** Bytes waiting for the rest of a frame (or for a preamble). */
    public int buffered() { return end - start; }

    /** Forget everything buffered, e.g. before a new command so a stale answer cannot be taken for the new one. */
    public void reset() {
        start = 0;
        end = 0;
    }

    /** The next event, or {@code null} when more bytes are needed. */
    public Event next() {
        int p = findPreamble();
        if (p < 0) {
            // keep a possible partial preamble (up to 4 bytes) at the end
            int keep = partialPreambleSuffix();
            int drop = end - start - keep;
            if (drop > 0) {
                start += drop;
                compactIfEmpty();
                return new Skipped(drop);
            }
            return null;
        }
        if (p > start) {
            int skipped = p - start;
            start = p;
            return new Skipped(skipped);
        }
        if (end - start < Frame.HEADER) return null;
        int len = ((buf[start + 5] & 0xFF) << 8) | (buf[start + 6] & 0xFF);
        if (len < minLen) return reject(Reason.LENGTH_TOO_SMALL, len);
        if (len > maxLen) return reject(Reason.LENGTH_TOO_LARGE, len);
        int total = Frame.HEADER + len;
        if (end - start < total) return null;
        byte chk = Frame.checksum(buf, start + 5, start + total - 1);
        if (chk != buf[start + total - 1]) return reject(Reason.BAD_CHECKSUM, len);
        byte[] body = Arrays.copyOfRange(buf, start + Frame.HEADER, start + total - 1);
        start += total;
        compactIfEmpty();
        return new Decoded(new Frame(body));
    }

    /** The next complete frame, skipping junk and rejected frames; {@code null} when more bytes are needed. */
    public Frame nextFrame() {
        Event e;
        while ((e = next()) != null) {
            if (e instanceof Decoded d) return d.frame();
        }
        return null;
    }

    private Rejected reject(Reason reason, int len) {
        start += 1; // resync from the byte after the failed preamble's first byte
        return new Rejected(reason, len);
    }

    private int findPreamble() {
        outer:
        for (int i = start; i + 5 <= end; i++) {
            for (int k = 0; k < 5; k++) if (buf[i + k] != Frame.PREAMBLE[k]) continue outer;
            return i;
        }
        return -1;
    }

    private int partialPreambleSuffix() {
        for (int keep = Math.min(4, end - start); keep > 0; keep--) {
            boolean match = true;
            for (int k = 0; k < keep; k++) {
                if (buf[end - keep + k] != Frame.PREAMBLE[k]) {
                    match = false;
                    break;
                }
            }
            if (match) return keep;
        }
        return 0;
    }

    private void compactIfEmpty() {
        if (start == end) {
            start = 0;
            end = 0;
        }
    }
}
