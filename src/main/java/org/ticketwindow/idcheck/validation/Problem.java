package org.ticketwindow.idcheck.validation;

import org.ticketwindow.idcheck.text.Text;
import org.ticketwindow.idcheck.text.Texts;

/**
 * One thing wrong in a file a person wrote (a hardware profile, the installation file, a case file): which file, which
 * key (a dotted path such as {@code match.usb[0]}, or {@code -} for the file as a whole) and why, in the words the
 * technician or trainer reads. The reason names the place and what is allowed there; where the file may hold personal
 * data the validator leaves the value out (PD1). A reason a supervisor reads on screen (the installation file) is also
 * a {@link Text}, shown in the UI's language; {@link #reason()} is then its English, for logs and exit messages.
 */
public record Problem(String file, String key, String reason, Text text) {
    public Problem(String file, String key, String reason) {
        this(file, key, reason, null);
    }

    /** A problem whose reason is a text (its English is the plain reason). */
    public static Problem of(String file, String key, Text reason) {
        return new Problem(file, key, Texts.english().of(reason), reason);
    }

    /** The whole problem, "file: key: reason", as a text in any language (the plain reason when it has no text). */
    public Text asText() {
        Text why = text != null ? text : Text.of("settings.other", reason);
        return WHOLE_FILE.equals(key) ? Text.of("settings.fileProblem", file, why) : Text.of("settings.problem", file, key, why);
    }

    /** "file: key: reason"; "file: reason" for the file as a whole (its key "-" read as a stray "-:" in a start failure). */
    @Override public String toString() { return file + ": " + (WHOLE_FILE.equals(key) ? "" : key + ": ") + reason; }

    /** The key of a problem with the file as a whole. */
    public static final String WHOLE_FILE = "-";
}
