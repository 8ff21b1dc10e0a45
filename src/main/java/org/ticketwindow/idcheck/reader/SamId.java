package org.ticketwindow.idcheck.reader;

import java.util.HexFormat;

/**
 * The SAM's 16-byte management information (command {@code 12 FF}, §2.7): stored raw, rendered Routon-style
 * {@code %02d.%02d-%08u-%010u-%010u} from u16 LE, u16 LE, u32 LE, u32 LE, u32 LE.
 */
public record SamId(byte[] raw) {
    public SamId {
        if (raw.length != 16) throw new IllegalArgumentException("SAM ID must be 16 bytes, was " + raw.length);
        raw = raw.clone();
    }

    public String routonStyle() {
        return String.format("%02d.%02d-%08d-%010d-%010d", u16(0), u16(2), u32(4), u32(8), u32(12));
    }

    public String hex() { return HexFormat.of().withUpperCase().formatHex(raw); }

    private int u16(int at) { return (raw[at] & 0xFF) | ((raw[at + 1] & 0xFF) << 8); }

    private long u32(int at) {
        return (raw[at] & 0xFFL) | ((raw[at + 1] & 0xFFL) << 8) | ((raw[at + 2] & 0xFFL) << 16) | ((raw[at + 3] & 0xFFL) << 24);
    }

    @Override public String toString() { return "SamId[" + routonStyle() + "]"; }
}
