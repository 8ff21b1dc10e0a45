package org.ticketwindow.idcheck.verify.name;

import java.text.Normalizer;

/**
 * Rule N1: how an entry spells a rare character's tone-less reading. Tone marks are part of 汉语拼音 (yǎn, YǍN,
 * precomposed or as combining marks) and are ignored, since N1 compares tone-less readings; {@code ü} may be entered
 * as ü, v or u (with or without a tone mark). Tone numbers ({@code yan3}) are not pinyin letters: they are not
 * spelled, and the hint says only the digit is wrong (RD-41).
 */
final class Pinyin {
    private static final int GRAVE = 0x0300, ACUTE = 0x0301, CIRCUMFLEX = 0x0302, MACRON = 0x0304,
            DIAERESIS = 0x0308, CARON = 0x030C;

    private Pinyin() {}

    /**
     * How many code points of {@code w} from {@code j} spell {@code reading} (lower case, ü written v), or -1.
     * Case and tone marks do not matter.
     */
    static int spelled(int[] w, int j, String reading) {
        int p = j;
        for (int k = 0; k < reading.length(); k++) {
            if (p >= w.length) return -1;
            String d = Normalizer.normalize(Character.toString(w[p++]), Normalizer.Form.NFD);
            int base = Character.toLowerCase(d.codePointAt(0));
            boolean umlaut = false;
            for (int m = Character.charCount(d.codePointAt(0)); m < d.length(); m++) {
                char mark = d.charAt(m);
                if (mark == DIAERESIS) umlaut = true;
                else if (!isToneMark(mark)) return -1;
            }
            while (p < w.length && isMark(w[p])) { // combining marks typed after the letter
                if (w[p] == DIAERESIS) umlaut = true;
                else if (!isToneMark(w[p])) return -1;
                p++;
            }
            char r = reading.charAt(k);
            boolean ok = r == 'v' ? base == 'v' || base == 'u' : base == r && !umlaut;
            if (!ok) return -1;
        }
        return p - j;
    }

    /** A code point that may follow a pinyin letter in an entry: a combining tone mark or diaeresis. */
    static boolean isMark(int cp) { return cp == DIAERESIS || isToneMark(cp); }

    /** 1–5 (5 the neutral tone), as in "yan3": the usual way of typing a tone without diacritics. */
    static boolean isToneDigit(int cp) { return cp >= '1' && cp <= '5'; }

    private static boolean isToneMark(int cp) {
        return cp == MACRON || cp == ACUTE || cp == CARON || cp == GRAVE || cp == CIRCUMFLEX; // ê is written e
    }
}
