package org.ticketwindow.idcheck.ui;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * Short pieces of a wrapping line kept whole: "上次同步 17:42:57", an audit entry's "登录". java.text.BreakIterator, which
 * JavaFX wraps labels with, breaks between any two Chinese characters, at a space and after ':' ("上次同步" / "17:42:57",
 * "17:42:" / "57", "登" / "录"); never at a no-break space, nor before a ZERO WIDTH NO-BREAK SPACE (U+FEFF, not drawn).
 * RATIO (∶) held for the time too, but the Chinese font drew it full width.
 */
final class Unbroken {
    static final char GLUE = '\uFEFF';

    private Unbroken() {}

    /** {@code text} with its spaces made no-break spaces and {@link #GLUE} at every other place a line could break. */
    static String of(String text, Locale locale) {
        String piece = text.replace(' ', '\u00A0');
        BreakIterator lines = BreakIterator.getLineInstance(locale);
        lines.setText(piece);
        StringBuilder out = new StringBuilder(piece.length() + 8);
        int from = 0;
        for (int at = lines.next(); at != BreakIterator.DONE; at = lines.next()) {
            if (from > 0) out.append(GLUE);
            out.append(piece, from, at);
            from = at;
        }
        return out.toString();
    }

    /** {@code text}, made of pieces joined by {@code gap}, with each piece kept whole: it wraps between pieces only. */
    static String pieces(String text, String gap, Locale locale) {
        return String.join(gap, java.util.Arrays.stream(text.split(java.util.regex.Pattern.quote(gap), -1)).map(p -> of(p, locale)).toList());
    }

    /** The pieces of {@code text} a wrapping line does not break inside, by the same line rules (a word, a number). */
    static java.util.List<String> words(String text) {
        BreakIterator lines = BreakIterator.getLineInstance();
        lines.setText(text);
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int from = lines.first(), to = lines.next(); to != BreakIterator.DONE; from = to, to = lines.next()) {
            String word = text.substring(from, to).strip();
            if (!word.isEmpty()) out.add(word);
        }
        return out;
    }

    /** The text as it reads: without the marks {@link #of} adds (searching it, comparing it). */
    static String plain(String text) {
        return text == null ? null : text.replace(String.valueOf(GLUE), "").replace('\u00A0', ' ');
    }
}
