package org.ticketwindow.idcheck.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A sentence by id: the bundle key and its arguments. An argument that is itself a {@code Text} or an enum constant
 * is rendered in the same language ({@link Texts#of(Text)}); anything else as {@link java.text.MessageFormat} does.
 * Arguments never carry personal data (texts are logged and recorded), except a name hint's characters and the
 * technician's live log's masked name and number (screen only, never logged or stored).
 */
public interface Text {
    String key();

    List<?> args();

    /** A text with no domain type of its own. */
    static Text of(String key, Object... args) { return new Plain(key, List.of(args)); }

    record Plain(String key, List<?> args) implements Text {
        public Plain { args = List.copyOf(args); }
    }

    // A stored text: "@key", then each argument after a unit separator; an enum constant or text without arguments
    // as "@its key", a value as written (one starting with "@" gets another in front).
    char SEPARATOR = '\u001F';
    Pattern STORED = Pattern.compile("@[A-Za-z][\\w.]*(\u001F.*)?", Pattern.DOTALL);

    /**
     * The text as one line for a store column (the queue's last error, the central's answer), so it is rendered in the
     * language of whoever reads it later. Arguments must be values, enum constants or texts without arguments.
     */
    default String stored() {
        StringBuilder b = new StringBuilder("@").append(key());
        for (Object a : args()) {
            b.append(SEPARATOR);
            switch (a) {
                case Enum<?> e -> b.append('@').append(Texts.key(e));
                case Text t when t.args().isEmpty() -> b.append('@').append(t.key());
                case Text t -> throw new IllegalArgumentException("a stored text's arguments have none of their own: " + t.key());
                case null -> { }
                default -> {
                    String s = String.valueOf(a);
                    b.append(s.startsWith("@") ? "@" + s : s);
                }
            }
        }
        return b.toString();
    }

    /** The text a {@link #stored()} line holds; empty for a line written before texts were stored (shown as it is). */
    static Optional<Text> fromStored(String line) {
        if (line == null || !STORED.matcher(line).matches()) return Optional.empty();
        String[] parts = line.split(String.valueOf(SEPARATOR), -1);
        List<Object> args = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            args.add(p.startsWith("@@") ? p.substring(1) : p.startsWith("@") ? of(p.substring(1)) : p);
        }
        return Optional.of(new Plain(parts[0].substring(1), args));
    }
}
