package org.ticketwindow.idcheck.reader.sam;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ticketwindow.idcheck.testing.Hex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** §1.7: preamble hunt, resynchronisation, unsigned big-endian LEN, partial and joined reads, limits. */
class FrameDecoderTest {
    private static final byte[] STATUS_OK = Hex.bytes("AA AA AA 96 69 00 04 00 00 90 94");

    private static byte[] readAnswer() {
        byte[] text = new byte[256];
        for (int i = 0; i < text.length; i++) text[i] = (byte) (i * 7);
        byte[] photo = new byte[1024];
        for (int i = 0; i < photo.length; i++) photo[i] = (byte) (0x80 + i); // LEN low byte and data ≥ 0x80
        return SamResponse.frame(0x90, new ReadPayload(text, photo, new byte[0]).encode(false)).encode();
    }

    @Test
    @DisplayName("a 1295-byte answer split at every byte position decodes to the same frame")
    void splitAtEveryPosition() {
        byte[] frame = readAnswer();
        Frame expected = new Frame(Arrays.copyOfRange(frame, 7, frame.length - 1));
        for (int cut = 0; cut <= frame.length; cut++) {
            FrameDecoder d = FrameDecoder.forResponses();
            d.feed(frame, 0, cut);
            Frame early = d.nextFrame();
            if (cut < frame.length) assertThat(early).as("cut %d", cut).isNull();
            d.feed(frame, cut, frame.length - cut);
            Frame f = early != null ? early : d.nextFrame();
            assertThat(f).as("cut %d", cut).isEqualTo(expected);
            assertThat(d.buffered()).isZero();
        }
    }

    @Test
    @DisplayName("byte-by-byte feeding decodes")
    void byteByByte() {
        byte[] frame = readAnswer();
        FrameDecoder d = FrameDecoder.forResponses();
        Frame f = null;
        for (byte b : frame) {
            d.feed(new byte[]{b});
            Frame got = d.nextFrame();
            if (got != null) f = got;
        }
        assertThat(f).isNotNull();
        assertThat(f.body()).hasSize(1288 - 1);
    }

    @Test
    @DisplayName("two frames in one read come out one at a time")
    void twoFramesInOneRead() {
        byte[] find = Hex.bytes("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97");
        byte[] both = concat(STATUS_OK, find);
        FrameDecoder d = FrameDecoder.forResponses();
        d.feed(both);
        assertThat(SamResponse.of(d.nextFrame()).sw3()).isEqualTo(0x90);
        assertThat(SamResponse.of(d.nextFrame()).sw3()).isEqualTo(0x9F);
        assertThat(d.nextFrame()).isNull();
    }

    @Test
    @DisplayName("junk before the preamble, including the field log's AA 00 AA AA 96 69, is skipped")
    void junkPrefixes() {
        for (String junk : List.of("AA 00", "00", "FF FF FF", "AA AA AA 96", "AA AA AA AA 96 69 AA", "96 69 00 04")) {
            FrameDecoder d = FrameDecoder.forResponses();
            d.feed(concat(Hex.bytes(junk.replace(" ", "")), STATUS_OK));
            List<FrameDecoder.Event> events = drain(d);
            assertThat(events).as(junk).last().isInstanceOf(FrameDecoder.Decoded.class);
            assertThat(((FrameDecoder.Decoded) events.getLast()).frame().sw3()).isEqualTo(0x90);
        }
    }

    @Test
    @DisplayName("a corrupted checksum is rejected and the next frame still decodes")
    void corruptedChecksumResync() {
        byte[] bad = STATUS_OK.clone();
        bad[bad.length - 1] ^= 0x01;
        FrameDecoder d = FrameDecoder.forResponses();
        d.feed(concat(bad, STATUS_OK));
        List<FrameDecoder.Event> events = drain(d);
        assertThat(events).anySatisfy(e -> assertThat(e).isEqualTo(new FrameDecoder.Rejected(FrameDecoder.Reason.BAD_CHECKSUM, 4)));
        assertThat(events.getLast()).isInstanceOf(FrameDecoder.Decoded.class);
    }

    @Test
    @DisplayName("flipping any byte after the preamble never yields the original frame silently")
    void flipAnyByte() {
        byte[] frame = readAnswer();
        for (int i = 5; i < frame.length; i++) {
            byte[] bad = frame.clone();
            bad[i] ^= 0x10;
            FrameDecoder d = FrameDecoder.forResponses();
            d.feed(bad);
            Frame f = d.nextFrame();
            if (f != null) assertThat(f.body()).isNotEqualTo(Arrays.copyOfRange(frame, 7, frame.length - 1));
        }
    }

    @Test
    @DisplayName("LEN below 4 or above 2314 is rejected without waiting for the body")
    void lengthLimits() {
        FrameDecoder d = FrameDecoder.forResponses();
        d.feed(Hex.bytes("AA AA AA 96 69 00 03 00 00 03"));
        assertThat(d.next()).isEqualTo(new FrameDecoder.Rejected(FrameDecoder.Reason.LENGTH_TOO_SMALL, 3));
        FrameDecoder big = FrameDecoder.forResponses();
        big.feed(Hex.bytes("AA AA AA 96 69 09 0B"));
        assertThat(big.next()).isEqualTo(new FrameDecoder.Rejected(FrameDecoder.Reason.LENGTH_TOO_LARGE, 0x090B));
        FrameDecoder max = FrameDecoder.forResponses();
        max.feed(Hex.bytes("AA AA AA 96 69 09 0A"));
        assertThat(max.next()).isNull(); // legal: waits for 2314 more bytes
    }

    @Test
    @DisplayName("a request decoder reads host commands")
    void requests() {
        FrameDecoder d = FrameDecoder.forRequests();
        d.feed(Hex.bytes("AA AA AA 96 69 00 04 61 FF 50 CA AA AA AA 96 69 00 03 20 01 22"));
        assertThat(SamCommand.fromRequest(d.nextFrame())).isEqualTo(SamCommand.setRfFrameSize(0x50));
        assertThat(SamCommand.fromRequest(d.nextFrame())).isEqualTo(SamCommand.FIND);
    }

    static List<FrameDecoder.Event> drain(FrameDecoder d) {
        List<FrameDecoder.Event> out = new ArrayList<>();
        FrameDecoder.Event e;
        while ((e = d.next()) != null) out.add(e);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
