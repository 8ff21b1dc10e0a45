package org.ticketwindow.idcheck.photo;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The helper's wire format on its stdin/stdout: frames of a 4-byte big-endian length and a body. The console sends
 * one frame per photo (the 1024 WLT bytes). The helper answers once when it starts (its library loaded or not) and
 * once per photo: a status byte, then the RGB pixels ({@link Photo#RGB_BYTES}) or the technician's line in UTF-8.
 */
final class HelperProtocol {
    static final int MAX_FRAME = 64 * 1024;
    static final byte OK = 0;
    private static final PhotoProblem[] CODES = {null, PhotoProblem.LIBRARY_MISSING, PhotoProblem.NOT_LICENSED,
            PhotoProblem.NOT_A_WLT_PHOTO, PhotoProblem.DECODER_FAILED};

    private HelperProtocol() {}

    /** One answer: status {@link #OK} with a body, or a problem with the technician's line. */
    record Answer(byte status, byte[] body) {
        static Answer ok(byte[] body) { return new Answer(OK, body); }

        static Answer problem(PhotoProblem p, String technician) {
            return new Answer(code(p), technician.getBytes(StandardCharsets.UTF_8));
        }

        boolean ok() { return status == OK; }

        Optional<PhotoProblem> problem() {
            return status > 0 && status < CODES.length ? Optional.of(CODES[status]) : Optional.empty();
        }

        String text() { return new String(body, StandardCharsets.UTF_8); }

        byte[] frame() {
            byte[] f = new byte[1 + body.length];
            f[0] = status;
            System.arraycopy(body, 0, f, 1, body.length);
            return f;
        }

        static Answer parse(byte[] frame) throws IOException {
            if (frame.length == 0) throw new IOException("empty answer frame");
            return new Answer(frame[0], Arrays.copyOfRange(frame, 1, frame.length));
        }

        @Override public String toString() { return "Answer[" + status + ", " + body.length + " B]"; }
    }

    static byte code(PhotoProblem p) {
        for (int i = 1; i < CODES.length; i++) if (CODES[i] == p) return (byte) i;
        throw new IllegalArgumentException("the helper does not send " + p);
    }

    static void write(OutputStream out, byte[] body) throws IOException {
        byte[] f = new byte[4 + body.length];
        f[0] = (byte) (body.length >>> 24);
        f[1] = (byte) (body.length >>> 16);
        f[2] = (byte) (body.length >>> 8);
        f[3] = (byte) body.length;
        System.arraycopy(body, 0, f, 4, body.length);
        out.write(f);
        out.flush();
    }

    /** The next frame's body; empty at a clean end of stream. */
    static Optional<byte[]> read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int first = d.read();
        if (first < 0) return Optional.empty();
        byte[] rest = new byte[3];
        d.readFully(rest);
        int length = first << 24 | (rest[0] & 0xFF) << 16 | (rest[1] & 0xFF) << 8 | rest[2] & 0xFF;
        if (length < 0 || length > MAX_FRAME) throw new IOException("frame length " + length + " out of range");
        byte[] body = new byte[length];
        try {
            d.readFully(body);
        } catch (EOFException e) {
            throw new IOException("stream ended inside a frame", e);
        }
        return Optional.of(body);
    }
}
