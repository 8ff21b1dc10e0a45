package org.ticketwindow.idcheck.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The clerk's display preferences: theme, font scale (clerks sit 1.5 m from the screen), sounds. Kept in
 * {@code ui.properties} beside the installation's data; a missing or damaged file gives the defaults, never an error
 * (these are comfort settings, not configuration).
 */
public record UiPreferences(boolean dark, double fontScale, boolean sounds) {
    public static final UiPreferences DEFAULT = new UiPreferences(false, 1.0, true);
    public static final double MIN_SCALE = 0.8;
    /** The largest text the layout is checked at on a 1280×800 screen (LayoutAtEverySizeTest): 1.5 × 17 px. */
    public static final double MAX_SCALE = 1.5;

    public UiPreferences {
        fontScale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, Math.round(fontScale * 10) / 10.0));
    }

    public UiPreferences withDark(boolean d) { return new UiPreferences(d, fontScale, sounds); }
    public UiPreferences withFontScale(double s) { return new UiPreferences(dark, s, sounds); }
    public UiPreferences withSounds(boolean s) { return new UiPreferences(dark, fontScale, s); }

    public static UiPreferences load(Path file) {
        if (!Files.isReadable(file)) return DEFAULT;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return new UiPreferences(Boolean.parseBoolean(p.getProperty("theme.dark", "false")),
                    Double.parseDouble(p.getProperty("font.scale", "1.0")), !"false".equals(p.getProperty("sounds", "true")));
        } catch (IOException | RuntimeException e) {
            return DEFAULT;
        }
    }

    /** Best effort: a preference that cannot be saved is simply not remembered. */
    public void save(Path file) {
        Properties p = new Properties();
        p.setProperty("theme.dark", String.valueOf(dark));
        p.setProperty("font.scale", String.valueOf(fontScale));
        p.setProperty("sounds", String.valueOf(sounds));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "clerk console display preferences");
            }
        } catch (IOException ignored) {
            // comfort setting: not saving it must not disturb the counter
        }
    }
}
