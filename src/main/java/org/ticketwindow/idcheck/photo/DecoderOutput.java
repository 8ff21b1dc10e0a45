package org.ticketwindow.idcheck.photo;

/**
 * Turns what a vendor library wrote into an upright RGB {@link Photo}. Both layouts store pixels as B G R and rows
 * bottom-up (BMP order); they differ in padding: the raw {@code unpack}/{@code wlt2bmp} output is 126 rows of
 * 306 bytes with no padding (126 × 306 = 38,556), a BMP file pads each row to a multiple of 4 (308) after its 54-byte
 * header (54 + 126 × 308 = 38,862).
 */
public final class DecoderOutput {
    /** 38,556. */
    public static final int RAW_BYTES = Photo.RGB_BYTES;
    static final int BMP_HEADER = 54;
    /** 308: 306 rounded up to a multiple of 4. */
    public static final int BMP_ROW_BYTES = (Photo.ROW_BYTES + 3) & ~3;
    /** 38,862. */
    public static final int BMP_BYTES = BMP_HEADER + BMP_ROW_BYTES * Photo.HEIGHT;

    /** The output does not have the expected layout (the technician's reason, no pixel data in it). */
    public static final class MalformedOutput extends Exception {
        MalformedOutput(String message) { super(message); }
    }

    private DecoderOutput() {}

    /** {@code unpack} / {@code wlt2bmp}: 38,556 bytes B G R, bottom row first, unpadded. */
    public static Photo fromRaw(byte[] bgrBottomUp) throws MalformedOutput {
        if (bgrBottomUp.length < RAW_BYTES) throw new MalformedOutput("raw output is " + bgrBottomUp.length + " bytes, expected " + RAW_BYTES);
        return new Photo(flip(bgrBottomUp, 0, Photo.ROW_BYTES, false));
    }

    /** {@code dewltbuf}: a 24-bit BMP file of 102 × 126 (bottom-up, or top-down when its height is negative). */
    public static Photo fromBmp(byte[] bmp, int length) throws MalformedOutput {
        if (length < BMP_BYTES || length > bmp.length) throw new MalformedOutput("BMP output is " + length + " bytes, expected " + BMP_BYTES);
        if (bmp[0] != 'B' || bmp[1] != 'M') throw new MalformedOutput("output does not start with a BMP signature (BM)");
        int offset = le32(bmp, 10);
        int width = le32(bmp, 18);
        int height = le32(bmp, 22);
        int bits = le16(bmp, 28);
        int compression = le32(bmp, 30);
        if (width != Photo.WIDTH || Math.abs(height) != Photo.HEIGHT || bits != 24 || compression != 0) {
            throw new MalformedOutput("BMP is " + width + " x " + height + " at " + bits + " bits (compression " + compression
                    + "), expected 102 x 126 at 24 bits uncompressed");
        }
        if (offset < BMP_HEADER || offset + BMP_ROW_BYTES * Photo.HEIGHT > length) {
            throw new MalformedOutput("BMP pixel data at offset " + offset + " does not fit in " + length + " bytes");
        }
        return new Photo(flip(bmp, offset, BMP_ROW_BYTES, height < 0));
    }

    /** B G R rows of {@code stride} bytes from {@code offset} → R G B rows top-down, unpadded. */
    private static byte[] flip(byte[] src, int offset, int stride, boolean topDown) {
        byte[] rgb = new byte[Photo.RGB_BYTES];
        for (int y = 0; y < Photo.HEIGHT; y++) {
            int from = offset + (topDown ? y : Photo.HEIGHT - 1 - y) * stride;
            int to = y * Photo.ROW_BYTES;
            for (int x = 0; x < Photo.WIDTH; x++) {
                rgb[to + 3 * x] = src[from + 3 * x + 2];
                rgb[to + 3 * x + 1] = src[from + 3 * x + 1];
                rgb[to + 3 * x + 2] = src[from + 3 * x];
            }
        }
        return rgb;
    }

    private static int le32(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }

    private static int le16(byte[] b, int i) { return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8; }
}
