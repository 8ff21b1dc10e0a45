package org.ticketwindow.idcheck.reader.sam;

import org.ticketwindow.idcheck.reader.SamStatus;
import java.util.Arrays;
import java.util.Optional;

/** A reader answer: SW1, SW2, SW3 and data (§1.2). SW1/SW2 are 0 in every observed answer; anything else is an error. */
public record SamResponse(int sw1, int sw2, int sw3, byte[] data) {

    /** Splits a response frame; a body shorter than three bytes cannot come out of the decoder (LEN ≥ 4). */
    public static SamResponse of(Frame frame) {
        byte[] b = frame.body();
        return new SamResponse(b[0] & 0xFF, b[1] & 0xFF, b[2] & 0xFF, Arrays.copyOfRange(b, 3, b.length));
    }

    /** A response frame with the given status and data (emulator side). */
    public static Frame frame(int sw3, byte[] data) {
        byte[] body = new byte[3 + data.length];
        body[2] = (byte) sw3;
        System.arraycopy(data, 0, body, 3, data.length);
        return new Frame(body);
    }

    public Optional<SamStatus> status() { return SamStatus.byCode(sw3); }

    public boolean statusWordsClean() { return sw1 == 0 && sw2 == 0; }

    @Override public String toString() {
        return String.format("SamResponse[sw=%02X %02X %02X, data=%d B]", sw1, sw2, sw3, data.length);
    }
}
