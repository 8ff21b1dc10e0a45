package org.ticketwindow.idcheck.photo;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A decoded chip photo: 102 × 126 pixels, upright, 8-bit RGB, rows top to bottom without padding. Personal data
 * (PD1, PD3): held in memory only while the case is open — {@link #wipe()} when it closes —, never logged (its
 * {@code toString} gives the size only) and never written to disk by the console.
 */
public final class Photo {
    public static final int WIDTH = 102;
    public static final int HEIGHT = 126;
    public static final int ROW_BYTES = WIDTH * 3;
    /** 38,556: the raw output size of {@code unpack} and {@code wlt2bmp}. */
    public static final int RGB_BYTES = ROW_BYTES * HEIGHT;

    private final byte[] rgb;

    /** @param rgb {@link #RGB_BYTES} bytes, R G B per pixel, top row first (copied) */
    public Photo(byte[] rgb) {
        if (rgb.length != RGB_BYTES) throw new IllegalArgumentException("a photo has " + RGB_BYTES + " RGB bytes, got " + rgb.length);
        this.rgb = rgb.clone();
    }

    /** A copy of the pixels: R G B per pixel, top row first (JavaFX: {@code PixelFormat.getByteRgbInstance()}, stride 306). */
    public byte[] rgb() { return rgb.clone(); }

    /** The pixel at (x, y), y = 0 the top row, as {@code 0xRRGGBB}. */
    public int rgbAt(int x, int y) {
        int i = y * ROW_BYTES + x * 3;
        return (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | rgb[i + 2] & 0xFF;
    }

    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) for (int x = 0; x < WIDTH; x++) img.setRGB(x, y, rgbAt(x, y));
        return img;
    }

    /** Overwrites the pixels (the case closed, PD3). */
    public void wipe() { Arrays.fill(rgb, (byte) 0); }

    @Override public String toString() { return "Photo[" + WIDTH + "x" + HEIGHT + "]"; }
}
