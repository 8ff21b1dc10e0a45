package org.ticketwindow.idcheck.photo;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The layouts of issue 17: raw BGR bottom-up unpadded (38,556), BMP files with rows padded to 308 (38,862). */
class DecoderOutputTest {

    /** B G R of upright pixel (x, y): R = x, G = y, B = x ^ y. */
    private static void put(byte[] out, int at, int x, int y) {
        out[at] = (byte) (x ^ y);
        out[at + 1] = (byte) y;
        out[at + 2] = (byte) x;
    }

    private static void assertUpright(Photo p) {
        for (int y = 0; y < Photo.HEIGHT; y += 5) {
            for (int x = 0; x < Photo.WIDTH; x += 7) assertThat(p.rgbAt(x, y)).isEqualTo(x << 16 | y << 8 | (x ^ y));
        }
        assertThat(p.rgbAt(101, 125)).isEqualTo(101 << 16 | 125 << 8 | (101 ^ 125));
    }

    @Test
    @DisplayName("sizes: 126 x 306 = 38,556 raw; 54 + 126 x 308 = 38,862 as a BMP file")
    void sizes() {
        assertThat(DecoderOutput.RAW_BYTES).isEqualTo(38_556);
        assertThat(DecoderOutput.BMP_ROW_BYTES).isEqualTo(308);
        assertThat(DecoderOutput.BMP_BYTES).isEqualTo(38_862);
    }

    @Test
    @DisplayName("raw unpack output: bottom row first, B G R, no padding")
    void raw() throws Exception {
        byte[] raw = new byte[DecoderOutput.RAW_BYTES];
        for (int y = 0; y < Photo.HEIGHT; y++) {
            for (int x = 0; x < Photo.WIDTH; x++) put(raw, (Photo.HEIGHT - 1 - y) * 306 + 3 * x, x, y);
        }
        assertUpright(DecoderOutput.fromRaw(raw));
        assertThatThrownBy(() -> DecoderOutput.fromRaw(new byte[100])).isInstanceOf(DecoderOutput.MalformedOutput.class);
    }

    private static byte[] bmp(boolean topDown) {
        byte[] b = new byte[DecoderOutput.BMP_BYTES];
        b[0] = 'B';
        b[1] = 'M';
        le32(b, 2, b.length);
        le32(b, 10, 54);
        le32(b, 14, 40);
        le32(b, 18, 102);
        le32(b, 22, topDown ? -126 : 126);
        b[26] = 1;
        b[28] = 24;
        for (int y = 0; y < Photo.HEIGHT; y++) {
            int row = topDown ? y : Photo.HEIGHT - 1 - y;
            for (int x = 0; x < Photo.WIDTH; x++) put(b, 54 + row * 308 + 3 * x, x, y);
            b[54 + row * 308 + 306] = (byte) 0xEE; // padding must be skipped, not read as pixels
            b[54 + row * 308 + 307] = (byte) 0xEE;
        }
        return b;
    }

    private static void le32(byte[] b, int i, int v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >> 8);
        b[i + 2] = (byte) (v >> 16);
        b[i + 3] = (byte) (v >> 24);
    }

    @Test
    @DisplayName("dewltbuf BMP file: rows padded to 308 skipped, bottom-up (and top-down when the height is negative)")
    void bmpFile() throws Exception {
        assertUpright(DecoderOutput.fromBmp(bmp(false), DecoderOutput.BMP_BYTES));
        assertUpright(DecoderOutput.fromBmp(bmp(true), DecoderOutput.BMP_BYTES));
    }

    @Test
    @DisplayName("a BMP of the wrong size, signature or depth is refused with the technician's reason")
    void malformedBmp() {
        assertThatThrownBy(() -> DecoderOutput.fromBmp(bmp(false), 38_000)).hasMessageContaining("38000 bytes");
        byte[] notBmp = bmp(false);
        notBmp[0] = 'X';
        assertThatThrownBy(() -> DecoderOutput.fromBmp(notBmp, notBmp.length)).hasMessageContaining("BMP signature");
        byte[] deep = bmp(false);
        deep[28] = 32;
        assertThatThrownBy(() -> DecoderOutput.fromBmp(deep, deep.length)).hasMessageContaining("32 bits");
    }

    @Test
    @DisplayName("WLT header check: 1024 bytes starting 57 4C 66 00 7E 00, else the reason (no bytes quoted)")
    void header() {
        byte[] ok = new byte[1024];
        System.arraycopy(new byte[] {0x57, 0x4C, 0x66, 0x00, 0x7E, 0x00, 0x32, 0x00}, 0, ok, 0, 8);
        assertThat(WltHeader.problem(ok)).isEmpty();
        assertThat(WltHeader.problem(new byte[0])).hasValueSatisfying(s -> assertThat(s).contains("no photo"));
        assertThat(WltHeader.problem(new byte[1023])).hasValueSatisfying(s -> assertThat(s).contains("1023 bytes"));
        byte[] wide = ok.clone();
        wide[2] = 0x67;
        assertThat(WltHeader.problem(wide)).isPresent();
    }

    @Test
    @DisplayName("a photo never shows its pixels in text and can be wiped (PD1, PD3)")
    void photoPersonalData() {
        byte[] rgb = new byte[Photo.RGB_BYTES];
        java.util.Arrays.fill(rgb, (byte) 0x7F);
        Photo p = new Photo(rgb);
        assertThat(p.toString()).isEqualTo("Photo[102x126]");
        assertThat(new PhotoResult.Decoded(p).toString()).doesNotContain("127").doesNotContain("7F");
        p.wipe();
        assertThat(p.rgb()).containsOnly((byte) 0);
    }
}
