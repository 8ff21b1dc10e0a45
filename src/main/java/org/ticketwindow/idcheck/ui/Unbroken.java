package org.ticketwindow.idcheck.ui;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * Short pieces of a wrapping line kept whole: "上次同步 17:42:57", an audit entry's "登录". java.text.BreakIterator, which
 * JavaFX wraps a text with a Chinese character in it with (other text at white space only), breaks between any two
 * Chinese characters, at a space and after ':' ("上次同步" / "17:42:57",
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

    /**
     * The pieces of {@code text} a wrapping line does not break inside (a word, a number), by JavaFX's rules: the line
     * rules of {@link BreakIterator} for a text with an ideographic (Chinese) or complex-script character in it, at white
     * space only otherwise — JavaFX wraps Latin text at spaces, so "WORTHINGTON-SMYTHE" is one piece (too narrow for it,
     * it is cut inside a letter run: "WORTHINGTON-S" / "MYTHE").
     */
    static java.util.List<String> words(String text) {
        if (text.codePoints().noneMatch(cp -> Character.isIdeographic(cp) || complex(cp))) {
            java.util.List<String> out = new java.util.ArrayList<>();
            StringBuilder word = new StringBuilder();
            for (char c : (text + ' ').toCharArray()) { // Character.isWhitespace, as JavaFX: not a no-break space
                if (!Character.isWhitespace(c)) word.append(c);
                else if (!word.isEmpty()) { out.add(word.toString()); word.setLength(0); }
            }
            return out;
        }
        BreakIterator lines = BreakIterator.getLineInstance();
        lines.setText(text);
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int from = lines.first(), to = lines.next(); to != BreakIterator.DONE; from = to, to = lines.next()) {
            String word = text.substring(from, to).strip();
            if (!word.isEmpty()) out.add(word);
        }
        return out;
    }

    /**
     * Close to the characters JavaFX shapes as complex text (its ScriptMapper: combining marks, right-to-left and Indic,
     * Thai, Tibetan, Myanmar and Khmer scripts, the joiners and direction controls); a text with one is wrapped by the
     * line rules too. Names on the cards read here are Chinese or upper-case Latin: this only keeps the rule honest.
     */
    private static boolean complex(int cp) {
        int type = Character.getType(cp);
        byte dir = Character.getDirectionality(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
                || dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT || dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                || (cp >= 0x0900 && cp <= 0x109F) || (cp >= 0x1780 && cp <= 0x17FF)
                || cp == 0x200C || cp == 0x200D || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x206A && cp <= 0x206F);
    }

    /**
     * {@code id} with a HAIR SPACE (U+200A, a space JavaFX may wrap at, about a pixel wide) after each hyphen: a security
     * module's id in an English line is one piece to JavaFX, cut inside a group of digits where the line is too narrow
     * ("…-00000000" / "42"); so marked it breaks after a hyphen in either language. For the screen only.
     */
    static String breakableAfterHyphens(String id) {
        return id.replace("-", "-" + HAIR_SPACE);
    }

    private static final String HAIR_SPACE = "\u200A";

    /** The width of the widest piece of {@code text} that a line may not break inside ({@link #words}), in {@code font}. */
    static double widestWord(String text, javafx.scene.text.Font font) {
        return words(text).stream().mapToDouble(w -> Views.textWidth(w, font)).max().orElse(0);
    }

    /** The text as it reads: without the marks {@link #of} and {@link #breakableAfterHyphens} add (searching it, comparing it). */
    static String plain(String text) {
        return text == null ? null : text.replace(String.valueOf(GLUE), "").replace(HAIR_SPACE, "").replace('\u00A0', ' ');
    }
}
