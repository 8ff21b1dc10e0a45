package org.ticketwindow.idcheck.etp;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * QR codes as images (ZXing): decoding a file or image, including photos of a phone screen (rotated, scaled,
 * low-contrast, slightly blurred), and encoding for issuing (byte mode, error correction M).
 */
public final class QrCodes {
    private static final Map<DecodeHintType, Object> HINTS = new EnumMap<>(Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.CHARACTER_SET, "UTF-8"));
    private static final int LARGE = 1600;

    private QrCodes() {}

    /** Reads an image file; empty when it holds no QR code ZXing can decode. Throws when the file is no image. */
    public static Optional<String> decode(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) throw new IOException(file + ": not a PNG or JPEG image");
        return decode(image);
    }

    /**
     * Tries the cheap path first (hybrid binarizer), then the global histogram one (low contrast), then a copy turned
     * a quarter (ZXing's finder-pattern search occasionally misses a code in one orientation and finds it in another:
     * measured 3 of 60 clean codes at 90°), then scaled copies (very large photos, blur, tiny codes).
     */
    public static Optional<String> decode(BufferedImage image) {
        Optional<String> r = attempt(image);
        if (r.isPresent()) return r;
        r = attempt(quarterTurn(image));
        if (r.isPresent()) return r;
        int longest = Math.max(image.getWidth(), image.getHeight());
        if (longest > LARGE) r = attempt(scaled(image, (double) LARGE / longest));
        if (r.isEmpty() && longest < 400) r = attempt(scaled(image, 2.0));
        if (r.isEmpty()) r = attempt(scaled(image, 0.5));
        return r;
    }

    private static Optional<String> attempt(BufferedImage image) {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        QRCodeReader reader = new QRCodeReader();
        for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
            try {
                Result result = reader.decode(bitmap, HINTS);
                return Optional.of(result.getText());
            } catch (ReaderException e) { // not found, checksum or format: try the next binarizer
                reader.reset();
            }
        }
        return Optional.empty();
    }

    private static BufferedImage quarterTurn(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) out.setRGB(h - 1 - y, x, src.getRGB(x, y));
        }
        return out;
    }

    private static BufferedImage scaled(BufferedImage src, double factor) {
        int w = Math.max(1, (int) Math.round(src.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(src.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** A QR code of {@code text} (byte mode, error correction M, 4-module quiet zone), {@code size} pixels square. */
    public static BufferedImage encode(String text, int size) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
            return MatrixToImageWriter.toBufferedImage(m);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text too long for a QR code", e);
        }
    }

    public static void writePng(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) throw new IOException("no PNG writer");
    }
}
