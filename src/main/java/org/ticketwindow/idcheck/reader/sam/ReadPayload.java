package org.ticketwindow.idcheck.reader.sam;

import java.util.Arrays;

/**
 * The data of a successful {@code 30 01} / {@code 30 10} answer (§2.1): big-endian length words, then text, photo
 * and (for 30 10) fingerprint. Lengths are taken from the answer, never assumed (§1.6), and must be the legal ones.
 */
public record ReadPayload(byte[] text, byte[] photo, byte[] fingerprint) {
    public static final int TEXT_LENGTH = 256;
    public static final int PHOTO_LENGTH = 1024;

    /** Thrown when the answer's length words do not describe a legal read answer. */
    public static final class MalformedPayloadException extends Exception {
        public MalformedPayloadException(String message) { super(message); }
    }

    public static ReadPayload parse(byte[] data, boolean withFingerprint) throws MalformedPayloadException {
        int words = withFingerprint ? 3 : 2;
        if (data.length < 2 * words) {
            throw new MalformedPayloadException("read answer too short for its length words: " + data.length + " B");
        }
        int textLen = u16(data, 0);
        int photoLen = u16(data, 2);
        int fpLen = withFingerprint ? u16(data, 4) : 0;
        if (textLen != TEXT_LENGTH) throw new MalformedPayloadException("text length " + textLen + ", expected 256");
        if (photoLen != PHOTO_LENGTH) throw new MalformedPayloadException("photo length " + photoLen + ", expected 1024");
        if (fpLen != 0 && fpLen != 512 && fpLen != 1024) {
            throw new MalformedPayloadException("fingerprint length " + fpLen + ", expected 0, 512 or 1024");
        }
        int expected = 2 * words + textLen + photoLen + fpLen;
        if (data.length != expected) {
            throw new MalformedPayloadException("read answer holds " + data.length + " B, its length words say " + expected);
        }
        int p = 2 * words;
        byte[] text = Arrays.copyOfRange(data, p, p + textLen);
        byte[] photo = Arrays.copyOfRange(data, p + textLen, p + textLen + photoLen);
        byte[] fp = Arrays.copyOfRange(data, p + textLen + photoLen, expected);
        return new ReadPayload(text, photo, fp);
    }

    /** The answer data for these parts (emulator side); {@code withFingerprint} adds the third length word. */
    public byte[] encode(boolean withFingerprint) {
        int words = withFingerprint ? 3 : 2;
        int fpLen = withFingerprint ? fingerprint.length : 0;
        byte[] out = new byte[2 * words + text.length + photo.length + fpLen];
        putU16(out, 0, text.length);
        putU16(out, 2, photo.length);
        if (withFingerprint) putU16(out, 4, fpLen);
        int p = 2 * words;
        System.arraycopy(text, 0, out, p, text.length);
        System.arraycopy(photo, 0, out, p + text.length, photo.length);
        if (withFingerprint) System.arraycopy(fingerprint, 0, out, p + text.length + photo.length, fpLen);
        return out;
    }

    private static int u16(byte[] b, int at) { return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF); }

    private static void putU16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    @Override public String toString() {
        return "ReadPayload[text=" + text.length + " B, photo=" + photo.length + " B, fingerprint=" + fingerprint.length + " B]";
    }
}
