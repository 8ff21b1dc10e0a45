package org.ticketwindow.idcheck.text;

import java.util.List;

/**
 * A sentence by id: the bundle key and its arguments. An argument that is itself a {@code Text} or an enum constant
 * is rendered in the same language ({@link Texts#of(Object)}); anything else as {@link java.text.MessageFormat} does.
 * Arguments never carry personal data (texts are logged and recorded).
 */
public interface Text {
    String key();

    List<?> args();

    /** A text with no domain type of its own. */
    static Text of(String key, Object... args) { return new Plain(key, List.of(args)); }

    record Plain(String key, List<?> args) implements Text {
        public Plain { args = List.copyOf(args); }
    }
}
