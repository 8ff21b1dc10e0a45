package org.ticketwindow.idcheck.reader.sam;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One GA 467 frame: {@code AA AA AA 96 69 | LEN(2, BE) | body | CHK}, where body is CMD PARA DATA (request) or
 * SW1 SW2 SW3 DATA (response), LEN counts body + CHK, and CHK is the XOR of LEN and body (§1.2).
 */
public record Frame(byte[] body) {
    public static final byte[] PREAMBLE = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69};
    /** Preamble (5) + LEN (2). */
    public static final int HEADER = 7;
    /** Largest legal response body + CHK: 30 10 with a 1024-byte fingerprint (LEN 0x090A = 2314). */
    public static final int MAX_RESPONSE_LEN = 2314;
    public static final int MIN_RESPONSE_LEN = 4;
    public static final int MIN_REQUEST_LEN = 3;

    /** The complete frame bytes, checksum computed. */
    public byte[] encode() {
        int len = body.length + 1;
        byte[] out = new byte[HEADER + len];
        System.arraycopy(PREAMBLE, 0, out, 0, 5);
        out[5] = (byte) (len >>> 8);
        out[6] = (byte) len;
        System.arraycopy(body, 0, out, HEADER, body.length);
        out[out.length - 1] = checksum(out, 5, out.length - 1);
        return out;
    }

    /** XOR of {@code b[from..to)}. */
    public static byte checksum(byte[] b, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) x ^= b[i];
        return (byte) x;
    }

    /** For a response frame: SW3 as an unsigned int. */
    public int sw3() { return body[2] & 0xFF; }

    @Override public boolean equals(Object o) { return o instanceof Frame f && Arrays.equals(f.body, body); }
    @Override public int hashCode() { return Arrays.hashCode(body); }

    /** Hex of the header only: bodies of read answers carry personal data (PD1). */
    @Override public String toString() {
        return "Frame[len=" + (body.length + 1) + ", head=" + HexFormat.ofDelimiter(" ")
                .formatHex(body, 0, Math.min(3, body.length)) + "]";
    }
}
