package org.ticketwindow.idcheck.verify.name;

/**
 * Rule N4's counting: a Chinese character (or a Private Use Area character, which stands for one) counts 2, any other
 * character 1, spaces 0. A name over {@link #LIMIT} units is entered as its first 30 units in order, without spaces;
 * a Chinese character that would cross 30 is left out.
 */
public final class NameUnits {
    public static final int LIMIT = 30;

    private NameUnits() {}

    public static int of(String name) {
        int total = 0;
        for (int k = 0; k < name.length(); ) {
            int cp = name.codePointAt(k);
            total += units(cp);
            k += Character.charCount(cp);
        }
        return total;
    }

    /** The name as N4 says it is entered: spaces dropped, cut at 30 units. Unchanged (minus spaces) when short. */
    public static String truncated(String name) {
        StringBuilder out = new StringBuilder();
        int total = 0;
        for (int k = 0; k < name.length(); ) {
            int cp = name.codePointAt(k);
            k += Character.charCount(cp);
            int u = units(cp);
            if (u == 0) continue;
            if (total + u > LIMIT) break;
            total += u;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    static int units(int cp) {
        if (isSpace(cp)) return 0;
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || HanDictionary.isPrivateUse(cp)) return 2;
        return 1;
    }

    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }
}
