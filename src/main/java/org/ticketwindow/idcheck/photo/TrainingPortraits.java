package org.ticketwindow.idcheck.photo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * TRAINING ONLY. The simulator's tray cards carry fictional portraits drawn by this class (simple Java2D shapes;
 * no photo of a real person exists in the repository). No WLT encoder exists, so a training card's 1024 photo bytes
 * are not WLT: they start with the marker {@code IDCKTRN1} (not the WLT header, so a real decoder refuses them)
 * followed by the drawing's parameters. {@link #decoder} recognises them and draws the portrait, labelled
 * "TRAINING", and hands every other photo to the configured decoder.
 */
public final class TrainingPortraits {
    private static final byte[] MARKER = "IDCKTRN1".getBytes(StandardCharsets.US_ASCII);
    private static final int PARAMETERS = MARKER.length;

    private static final Color[] SKIN = {new Color(0xF1C9A5), new Color(0xE0AC89), new Color(0xC68863), new Color(0x9C6B4C), new Color(0xF6D8BE)};
    private static final Color[] HAIR = {new Color(0x1B1B1B), new Color(0x2E221B), new Color(0x4A3426), new Color(0x6B6B6B), new Color(0x8C5A2B)};
    private static final Color[] BACKGROUND = {new Color(0xFFFFFF), new Color(0xDCE9F7), new Color(0x9CC3EA)};
    private static final Color[] CLOTHES = {new Color(0x23395B), new Color(0x3B3B3B), new Color(0x7A2E2E), new Color(0x2F5D50), new Color(0x5B4A7A)};

    private TrainingPortraits() {}

    /**
     * A training card's photo bytes (1024): the marker, then a portrait drawn from {@code seed} (e.g. the card's
     * number); {@code female} chooses among longer hair styles.
     */
    public static byte[] photoBytes(String seed, boolean female) {
        byte[] b = new byte[WltHeader.LENGTH];
        SplittableRandom r = new SplittableRandom(seed.hashCode());
        r.nextBytes(b);
        System.arraycopy(MARKER, 0, b, 0, MARKER.length);
        b[PARAMETERS] = (byte) r.nextInt(SKIN.length);
        b[PARAMETERS + 1] = (byte) r.nextInt(HAIR.length);
        b[PARAMETERS + 2] = (byte) ((female ? 3 : 0) + r.nextInt(3)); // 0-2 short styles, 3-5 long
        b[PARAMETERS + 3] = (byte) r.nextInt(BACKGROUND.length);
        b[PARAMETERS + 4] = (byte) r.nextInt(CLOTHES.length);
        b[PARAMETERS + 5] = (byte) (r.nextInt(4) == 0 ? 1 : 0); // glasses
        b[PARAMETERS + 6] = (byte) r.nextInt(7); // face width, -3..+3 px
        return b;
    }

    /** The photo bytes are a training portrait's. */
    public static boolean isTrainingPhoto(byte[] photo) {
        return photo != null && photo.length == WltHeader.LENGTH && Arrays.equals(photo, 0, MARKER.length, MARKER, 0, MARKER.length);
    }

    /** Draws the portrait of training photo bytes (empty for any other bytes). */
    public static Optional<Photo> draw(byte[] photo) {
        if (!isTrainingPhoto(photo)) return Optional.empty();
        int p = PARAMETERS;
        BufferedImage img = new BufferedImage(Photo.WIDTH, Photo.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Color skin = SKIN[Math.floorMod(photo[p], SKIN.length)];
            Color hair = HAIR[Math.floorMod(photo[p + 1], HAIR.length)];
            int style = Math.floorMod(photo[p + 2], 6);
            Color clothes = CLOTHES[Math.floorMod(photo[p + 4], CLOTHES.length)];
            boolean glasses = photo[p + 5] == 1;
            int wide = Math.floorMod(photo[p + 6], 7) - 3;
            g.setColor(BACKGROUND[Math.floorMod(photo[p + 3], BACKGROUND.length)]);
            g.fillRect(0, 0, Photo.WIDTH, Photo.HEIGHT);
            double faceX = 29 - wide / 2.0, faceW = 44 + wide, faceY = 28, faceH = 56;
            if (style >= 3) { // long hair falls behind the head and onto the shoulders
                g.setColor(hair);
                g.fill(new RoundRectangle2D.Double(faceX - 8, 20, faceW + 16, style == 5 ? 92 : 78, 30, 30));
            }
            // shoulders and collar
            g.setColor(clothes);
            g.fill(new Ellipse2D.Double(-14, 96, 130, 80));
            g.setColor(skin.darker());
            g.fill(new RoundRectangle2D.Double(44, 76, 14, 26, 6, 6));
            g.setColor(Color.WHITE);
            Path2D collar = new Path2D.Double();
            collar.moveTo(40, 98);
            collar.lineTo(51, 112);
            collar.lineTo(62, 98);
            collar.lineTo(58, 96);
            collar.lineTo(51, 104);
            collar.lineTo(44, 96);
            collar.closePath();
            g.fill(collar);
            // ears, face
            g.setColor(skin.darker());
            g.fill(new Ellipse2D.Double(faceX - 4, 50, 9, 14));
            g.fill(new Ellipse2D.Double(faceX + faceW - 5, 50, 9, 14));
            g.setColor(skin);
            g.fill(new Ellipse2D.Double(faceX, faceY, faceW, faceH));
            // hair on top
            g.setColor(hair);
            switch (style % 3) {
                case 0 -> g.fill(new Arc2D.Double(faceX - 2, faceY - 6, faceW + 4, 40, 0, 180, Arc2D.CHORD));
                case 1 -> { // side parting
                    g.fill(new Arc2D.Double(faceX - 2, faceY - 6, faceW + 4, 40, 0, 180, Arc2D.CHORD));
                    g.fill(new Arc2D.Double(faceX - 2, faceY + 4, faceW * 0.55, 22, 90, 180, Arc2D.PIE));
                }
                default -> { // fringe
                    g.fill(new Arc2D.Double(faceX - 3, faceY - 8, faceW + 6, 44, 0, 180, Arc2D.CHORD));
                    g.fill(new RoundRectangle2D.Double(faceX + 4, faceY + 8, faceW - 8, 10, 8, 8));
                }
            }
            // eyes, brows, nose, mouth
            double cx = faceX + faceW / 2;
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(cx - 15, 54, 10, 6));
            g.fill(new Ellipse2D.Double(cx + 5, 54, 10, 6));
            g.setColor(new Color(0x2B1D14));
            g.fill(new Ellipse2D.Double(cx - 12, 54.5, 5, 5));
            g.fill(new Ellipse2D.Double(cx + 8, 54.5, 5, 5));
            g.setColor(hair.darker());
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Arc2D.Double(cx - 16, 48, 12, 6, 20, 140, Arc2D.OPEN));
            g.draw(new Arc2D.Double(cx + 4, 48, 12, 6, 20, 140, Arc2D.OPEN));
            g.setColor(skin.darker().darker());
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D nose = new Path2D.Double();
            nose.moveTo(cx, 58);
            nose.lineTo(cx - 3, 69);
            nose.lineTo(cx + 2, 70);
            g.draw(nose);
            g.setColor(new Color(0xA4524A));
            g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Arc2D.Double(cx - 8, 70, 16, 7, 200, 140, Arc2D.OPEN));
            if (glasses) {
                g.setColor(new Color(0x333333));
                g.setStroke(new BasicStroke(1.3f));
                g.draw(new RoundRectangle2D.Double(cx - 18, 51, 15, 11, 5, 5));
                g.draw(new RoundRectangle2D.Double(cx + 3, 51, 15, 11, 5, 5));
                g.drawLine((int) cx - 3, 55, (int) cx + 3, 55);
            }
            // the label: nobody mistakes a training portrait for a card's photo
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 8));
            g.setColor(new Color(0xC0392B));
            g.drawString("TRAINING", 3, 10);
        } finally {
            g.dispose();
        }
        byte[] rgb = new byte[Photo.RGB_BYTES];
        for (int y = 0; y < Photo.HEIGHT; y++) {
            for (int x = 0; x < Photo.WIDTH; x++) {
                int c = img.getRGB(x, y);
                int i = y * Photo.ROW_BYTES + 3 * x;
                rgb[i] = (byte) (c >> 16);
                rgb[i + 1] = (byte) (c >> 8);
                rgb[i + 2] = (byte) c;
            }
        }
        return Optional.of(new Photo(rgb));
    }

    /** TRAINING ONLY: training portraits drawn, every other photo to {@code delegate} (the configured decoder or none). */
    public static Decoder decoder(PhotoDecoder delegate) { return new Decoder(delegate); }

    /** The training decoder (see {@link TrainingPortraits}). */
    public record Decoder(PhotoDecoder delegate) implements PhotoDecoder {
        @Override public PhotoResult decode(byte[] wlt) {
            return draw(wlt).<PhotoResult>map(PhotoResult.Decoded::new).orElseGet(() -> delegate.decode(wlt));
        }

        @Override public org.ticketwindow.idcheck.text.Text describe() {
            return org.ticketwindow.idcheck.text.Text.of("photo.training", delegate.describe());
        }

        @Override public Optional<PhotoResult.NotDecoded> prepare() { return delegate.prepare(); }

        @Override public void close() { delegate.close(); }
    }
}
