package org.ticketwindow.idcheck.reader.sam;

import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.TimeoutKey;

import java.util.Arrays;
import java.util.List;

/**
 * A host command of §1.3: CMD, PARA and optional data, with the per-command timeout key a hardware profile tunes.
 */
public record SamCommand(int cmd, int para, byte[] data, TimeoutKey timeoutKey, String label) {

    public static final SamCommand RESET = of(0x10, 0xFF, TimeoutKey.RESET, "reset SAM");
    public static final SamCommand STATUS = of(0x11, 0xFF, TimeoutKey.STATUS, "SAM status");
    public static final SamCommand SAM_ID = of(0x12, 0xFF, TimeoutKey.SAM_ID, "SAM ID");
    public static final SamCommand FIND = of(0x20, 0x01, TimeoutKey.FIND, "find card");
    public static final SamCommand SELECT = of(0x20, 0x02, TimeoutKey.SELECT, "select card");
    public static final SamCommand READ = of(0x30, 0x01, TimeoutKey.READ, "read text+photo");
    public static final SamCommand READ_WITH_FINGERPRINT = of(0x30, 0x10, TimeoutKey.READ, "read text+photo+fingerprint");
    public static final SamCommand READ_APPENDED_ADDRESS = of(0x30, 0x03, TimeoutKey.APPENDED_ADDRESS, "read appended address");
    public static final SamCommand READ_MANAGEMENT_NUMBER = of(0x30, 0x05, TimeoutKey.MANAGEMENT_NUMBER, "read management number");

    private static SamCommand of(int cmd, int para, TimeoutKey key, String label) {
        return new SamCommand(cmd, para, new byte[0], key, label);
    }

    /** {@code 60 nn}: switch the host↔SAM baud rate; the answer comes at the old rate. */
    public static SamCommand setBaud(int baud) {
        int index = HardwareProfile.BAUD_RATES.indexOf(baud);
        if (index < 0) throw new IllegalArgumentException("unsupported baud rate " + baud + "; use one of " + HardwareProfile.BAUD_RATES);
        return new SamCommand(0x60, index, new byte[0], TimeoutKey.BAUD, "set baud " + baud);
    }

    /** {@code 61 FF xx}: the largest number of bytes per RF frame. */
    public static SamCommand setRfFrameSize(int bytes) {
        if (bytes < 1 || bytes > 255) throw new IllegalArgumentException("RF frame size must be 1..255, was " + bytes);
        return new SamCommand(0x61, 0xFF, new byte[]{(byte) bytes}, TimeoutKey.RF_FRAME_SIZE, "set RF frame size " + bytes);
    }

    /** The read command a profile names. */
    public static SamCommand read(HardwareProfile.ReadCommand which) {
        return switch (which) {
            case TEXT_PHOTO -> READ;
            case TEXT_PHOTO_FINGERPRINT -> READ_WITH_FINGERPRINT;
        };
    }

    public boolean isRead() { return cmd == 0x30 && (para == 0x01 || para == 0x10); }

    public boolean withFingerprint() { return cmd == 0x30 && para == 0x10; }

    public Frame frame() {
        byte[] body = new byte[2 + data.length];
        body[0] = (byte) cmd;
        body[1] = (byte) para;
        System.arraycopy(data, 0, body, 2, data.length);
        return new Frame(body);
    }

    public byte[] encode() { return frame().encode(); }

    /** The command a request frame carries (emulator side). */
    public static SamCommand fromRequest(Frame frame) {
        byte[] b = frame.body();
        int cmd = b[0] & 0xFF;
        int para = b.length > 1 ? b[1] & 0xFF : 0;
        byte[] data = b.length > 2 ? Arrays.copyOfRange(b, 2, b.length) : new byte[0];
        for (SamCommand known : List.of(RESET, STATUS, SAM_ID, FIND, SELECT, READ, READ_WITH_FINGERPRINT,
                READ_APPENDED_ADDRESS, READ_MANAGEMENT_NUMBER)) {
            if (known.cmd == cmd && known.para == para && data.length == 0) return known;
        }
        return new SamCommand(cmd, para, data, TimeoutKey.STATUS, String.format("command %02X %02X", cmd, para));
    }

    @Override public boolean equals(Object o) {
        return o instanceof SamCommand c && c.cmd == cmd && c.para == para && Arrays.equals(c.data, data);
    }

    @Override public int hashCode() { return 31 * (31 * cmd + para) + Arrays.hashCode(data); }

    @Override public String toString() { return label; }
}
