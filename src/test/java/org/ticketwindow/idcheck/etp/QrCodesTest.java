package org.ticketwindow.idcheck.etp;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.testing.People;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * QR images made with ZXing and distorted with Java2D the way a photo of a phone screen is: scaled, rotated,
 * washed out, blurred, saved as JPEG. Then decoded and verified end to end.
 */
class QrCodesTest {
    static final long IAT = 1_795_000_000L;
    final IssuerKey issuer = IssuerKey.generate("issuer-2026-01");
    final String text = new EtpIssuer(issuer).issue(new EtpPayload(null, "0f9c2c1e-1111-4000-8000-000000000002", "RID",
            "张三", People.ZHANG_SAN, IAT, IAT));

    @Test
    @DisplayName("E6 a 600x600 PNG written and read back decodes to the exact text and verifies")
    void pngRoundTrip(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("qr.png");
        QrCodes.writePng(QrCodes.encode(text, 600), png);
        String decoded = QrCodes.decode(png).orElseThrow();
        assertThat(decoded.equals(text)).as("decoded text equals the issued text").isTrue(); // the text itself is not printed (PD1)
        EtpVerifier v = new EtpVerifier(TrustList.of(Map.of(issuer.kid(), issuer.publicKey())), EtpVerifier.DEFAULT_SKEW);
        assertThat(v.verify(decoded, java.time.Instant.ofEpochSecond(IAT + 10))).isInstanceOf(EtpVerdict.Accepted.class);
    }

    @Test
    @DisplayName("E6 a photographed-like code (rotated 17°, on a grey background, washed out, blurred, JPEG) still decodes")
    void photographed(@TempDir Path dir) throws IOException {
        BufferedImage photo = photo(QrCodes.encode(text, 500), 17, 0.45, true);
        Path jpg = dir.resolve("photo.jpg");
        ImageIO.write(photo, "jpg", jpg.toFile());
        assertThat(QrCodes.decode(jpg).filter(text::equals)).isPresent();
    }

    @Test
    @DisplayName("E6 rotations of 90°, 180° and 45° and a small scaled copy decode")
    void rotatedAndScaled() {
        for (int angle : new int[]{90, 180, 45}) {
            assertThat(QrCodes.decode(photo(QrCodes.encode(text, 400), angle, 1.0, false)).filter(text::equals)).as(angle + "°").isPresent();
        }
        assertThat(QrCodes.decode(scale(QrCodes.encode(text, 600), 0.5)).filter(text::equals)).isPresent();
        assertThat(QrCodes.decode(scale(QrCodes.encode(text, 600), 4.0)).filter(text::equals)).as("a large photo").isPresent();
    }

    @Test
    @DisplayName("E6 an image without a code is unreadable; a file that is no image is a clear error")
    void noCode(@TempDir Path dir) throws IOException {
        BufferedImage blank = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        assertThat(QrCodes.decode(blank)).isEmpty();
        Path notImage = dir.resolve("note.png");
        Files.writeString(notImage, "not an image");
        assertThatThrownBy(() -> QrCodes.decode(notImage)).isInstanceOf(IOException.class).hasMessageContaining("not a PNG or JPEG");
    }

    /** The code on a grey "phone screen", rotated, contrast reduced, optionally blurred. */
    static BufferedImage photo(BufferedImage qr, double degrees, double contrast, boolean blur) {
        int size = (int) (qr.getWidth() * 1.6);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, size, size);
        g.rotate(Math.toRadians(degrees), size / 2.0, size / 2.0);
        g.drawImage(qr, (size - qr.getWidth()) / 2, (size - qr.getHeight()) / 2, null);
        g.dispose();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int v = out.getRGB(x, y) & 0xFF;
                int c = (int) (128 + (v - 128) * contrast);
                out.setRGB(x, y, new Color(c, c, Math.min(255, c + 10)).getRGB());
            }
        }
        if (!blur) return out;
        float[] k = new float[9];
        java.util.Arrays.fill(k, 1f / 9f);
        return new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(out, null);
    }

    static BufferedImage scale(BufferedImage src, double f) {
        int w = (int) (src.getWidth() * f);
        BufferedImage out = new BufferedImage(w, w, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, w, null);
        g.dispose();
        return out;
    }
}
