package org.ticketwindow.idcheck.ui;

import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Audible cues (JavaFX media): a short high tone for a card read, a low double tone for a refusal, a rising pair when
 * the result is recorded. The tones are synthesised as WAV at start-up (no sound files to ship or lose). A machine
 * without audio just stays silent, with one log line.
 */
final class Sounds {
    private static final Logger log = LoggerFactory.getLogger(Sounds.class);
    private static final int RATE = 22_050;

    enum Cue { READ, REFUSED, RECORDED }

    private final Map<Cue, MediaPlayer> clips = java.util.Collections.synchronizedMap(new EnumMap<>(Cue.class));
    private volatile boolean on;
    private boolean silenced;

    Sounds(boolean on) {
        this.on = on;
        try {
            Path dir = Files.createTempDirectory("idcheck-sounds");
            dir.toFile().deleteOnExit();
            clips.put(Cue.READ, clip(dir, "read", new double[][]{{1320, 0.09}}));
            clips.put(Cue.REFUSED, clip(dir, "refused", new double[][]{{330, 0.16}, {0, 0.06}, {330, 0.16}}));
            clips.put(Cue.RECORDED, clip(dir, "recorded", new double[][]{{880, 0.08}, {1175, 0.12}}));
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            off(e);
        }
    }

    /** No audio on this machine (no device, no media plugin): silent from now on, said once in the log. */
    private synchronized void off(Throwable why) {
        if (silenced) return;
        silenced = true;
        clips.clear();
        log.warn("sounds are off: JavaFX media cannot play the cues ({})", why.toString());
    }

    void on(boolean value) { on = value; }

    void play(Cue cue) {
        MediaPlayer p = clips.get(cue);
        if (!on || p == null) return;
        try {
            p.stop();
            p.play();
        } catch (RuntimeException e) {
            off(e);
        }
    }

    /** A player per cue (players report failures to their error handler, never as an uncaught exception). */
    private MediaPlayer clip(Path dir, String name, double[][] tones) throws IOException {
        Path f = dir.resolve(name + ".wav");
        Files.write(f, wav(tones));
        f.toFile().deleteOnExit();
        Media media = new Media(f.toUri().toString());
        media.setOnError(() -> off(media.getError()));
        MediaPlayer p = new MediaPlayer(media);
        p.setOnError(() -> off(p.getError()));
        return p;
    }

    /** 16-bit mono PCM; each tone {frequency Hz (0 = silence), seconds}, with short fades against clicks. */
    static byte[] wav(double[][] tones) {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        for (double[] t : tones) {
            int n = (int) (t[1] * RATE);
            int fade = Math.min(n / 4, RATE / 200);
            for (int i = 0; i < n; i++) {
                double env = Math.min(1, Math.min(i, n - 1 - i) / (double) Math.max(1, fade));
                short v = (short) (t[0] == 0 ? 0 : Math.sin(2 * Math.PI * t[0] * i / RATE) * 12_000 * env);
                pcm.write(v & 0xff);
                pcm.write((v >> 8) & 0xff);
            }
        }
        byte[] data = pcm.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(data.length).put(data);
        return b.array();
    }
}
