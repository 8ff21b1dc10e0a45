package org.ticketwindow.idcheck.verify.name;

import org.ticketwindow.idcheck.text.Text;

import java.util.EnumSet;
import java.util.Set;

/**
 * Rules N1–N6: compares the name entered on the website ({@code W}) with the name on the document ({@code C}).
 * Pure and thread-safe; the ICU lookups behind it are cached per character ({@link HanDictionary}).
 *
 * <p>The comparison walks both names together. At each card character the entry may hold the same character, the
 * same Latin letter in another case, the simplified form of a traditional character (N3: a standard character of the
 * 通用规范汉字表 such as 昇 is never traditional, so 升 does not replace it), or for a rare character (N1/N2) its
 * pinyin, tone marks ignored ({@link Pinyin}), or a character sharing one of its readings. A rare character with no
 * known reading matches any one character or pinyin-like run, and the answer becomes NEEDS_CLERK. Spaces are skipped
 * on both sides. Over-long card names (N4) are compared with their first 30 units.
 */
public final class NameRules {
    private static final int MAX_STEPS = 20_000; // bounds backtracking on hostile input
    private static final int MAX_SYLLABLE = 6;    // letters of "zhuang"

    private final HanDictionary dictionary;

    public NameRules() { this(HanDictionary.shared()); }

    NameRules(HanDictionary dictionary) { this.dictionary = dictionary; }

    /** N6: what makes the card name special (empty for an ordinary name). */
    public Set<SpecialName> special(String card) {
        EnumSet<SpecialName> out = EnumSet.noneOf(SpecialName.class);
        if (NameUnits.of(card) > NameUnits.LIMIT) out.add(SpecialName.OVERLONG);
        for (int k = 0; k < card.length(); ) {
            int cp = card.codePointAt(k);
            k += Character.charCount(cp);
            HanChar h = dictionary.of(cp);
            if (h.rare()) out.add(SpecialName.RARE);
            if (h.traditional()) out.add(SpecialName.TRADITIONAL);
        }
        return out;
    }

    public NameMatch compare(String card, String entered) {
        Set<SpecialName> special = special(card);
        if (card.equals(entered)) return new NameMatch(NameOutcome.EXACT, Set.of(), special, 0, NameMatch.NO_HINT);
        int[] w = entered.codePoints().toArray();
        if (entered.isBlank()) {
            return new NameMatch(NameOutcome.MISMATCH, Set.of(), special, 1, Text.of("name.hint.EMPTY"));
        }
        Walk full = new Walk(card.codePoints().toArray(), w, false);
        if (full.run()) return success(full, special);
        Walk cut = null;
        if (special.contains(SpecialName.OVERLONG)) {
            cut = new Walk(NameUnits.truncated(card).codePoints().toArray(), w, true);
            if (cut.run()) return success(cut, special);
        }
        Walk failed = cut != null ? cut : full;
        Hint hint = hint(failed);
        int position = hint.position() > 0 ? hint.position() : failed.position(failed.failI);
        return new NameMatch(NameOutcome.MISMATCH, Set.of(), special, position, hint.text());
    }

    private NameMatch success(Walk walk, Set<SpecialName> special) {
        EnumSet<NameRule> rules = walk.rules();
        if (walk.clerkAt >= 0) {
            String ch = Character.toString(walk.c[walk.clerkAt]);
            int pos = walk.position(walk.clerkAt);
            return new NameMatch(NameOutcome.NEEDS_CLERK, rules, special, pos, Text.of("name.hint.CLERK", pos, ch));
        }
        return new NameMatch(NameOutcome.EQUIVALENT, rules, special, 0, NameMatch.NO_HINT);
    }

    // ---- hints for the first difference ----

    /** A hint by key ({@code name.hint.*}); {@code position} when it is about another character than the first difference. */
    private record Hint(Text text, int position) {
        Hint(String key, Object... args) { this(Text.of(key, args), 0); }
    }

    private Hint hint(Walk f) {
        int[] c = f.c;
        int[] w = f.w;
        int i = f.failI;
        int j = f.failJ;
        int pos = f.position(i);
        Hint toneDigit = toneDigit(f);
        if (toneDigit != null) return toneDigit;
        if (i >= c.length) {
            return new Hint("name.hint.EXTRA", rest(w, j));
        }
        if (j >= w.length) {
            return f.truncated
                    ? new Hint("name.hint.OVERLONG_SHORT", rest(c, i))
                    : new Hint("name.hint.MISSING_END", rest(c, i));
        }
        int a = c[i];
        int b = w[j];
        String ca = Character.toString(a);
        String cb = Character.toString(b);
        if (DotLookalike.is(a) && DotLookalike.is(b)) {
            return new Hint("name.hint.DOTS", pos, DotLookalike.of(a), DotLookalike.of(b));
        }
        if (DotLookalike.is(a) || DotLookalike.is(b)) {
            Text shownA = DotLookalike.is(a) ? DotLookalike.of(a) : Text.of("name.quoted", ca);
            Text shownB = DotLookalike.is(b) ? DotLookalike.of(b) : Text.of("name.quoted", cb);
            return new Hint("name.hint.ONE_DOT", pos, shownA, shownB);
        }
        HanChar ha = dictionary.of(a);
        HanChar hb = dictionary.of(b);
        if (ha.standard() && ha.counterpart() == b) {
            return new Hint("name.hint.STANDARD_NOT_TRADITIONAL", pos, ca, cb);
        }
        if (hb.standard() && hb.counterpart() == a) {
            return new Hint("name.hint.TWO_STANDARD", pos, ca, cb);
        }
        if (hb.traditional() && hb.simplified() == a) {
            return new Hint("name.hint.TRADITIONAL_ENTERED", pos, ca, cb);
        }
        if (ha.han() && !ha.rare()) {
            if (hb.han() && ha.sharesReadingWith(hb)) {
                return new Hint("name.hint.NOT_RARE_HOMOPHONE", pos, ca, cb);
            }
            if (isLatin(b) && readingAt(ha, w, j) > 0) {
                return new Hint("name.hint.NOT_RARE_PINYIN", pos, ca);
            }
        }
        if (ha.rare()) {
            Text example = ha.readings().isEmpty() ? Text.of("name.hint.noExample") : Text.of("name.hint.example", ha.readings().getFirst());
            return new Hint("name.hint.RARE_WRONG_READING", pos, ca, example, cb);
        }
        return new Hint("name.hint.DIFFERS", pos, ca, cb);
    }

    /**
     * RD-41: the entry spells a rare character's reading but adds a tone number ("刘yan3" for 刘䶮). Tone numbers are
     * not pinyin letters, so the names differ; the hint says that only the digit is wrong. Null when not the case.
     */
    private Hint toneDigit(Walk f) {
        int j = f.failJ;
        if (j >= f.w.length || !Pinyin.isToneDigit(f.w[j])) return null;
        int prev = f.failI - 1;
        while (prev >= 0 && NameUnits.isSpace(f.c[prev])) prev--;
        if (prev < 0) return null;
        HanChar h = dictionary.of(f.c[prev]);
        if (!h.rare()) return null;
        for (String r : h.readings()) {
            for (int s = Math.max(0, j - 3 * MAX_SYLLABLE); s < j; s++) { // a letter may carry two combining marks
                if (Pinyin.spelled(f.w, s, r) == j - s) {
                    int pos = f.position(prev);
                    return new Hint(Text.of("name.hint.TONE_DIGIT", pos, Character.toString(f.c[prev]), r, Character.toString(f.w[j])), pos);
                }
            }
        }
        return null;
    }

    private static String rest(int[] cps, int from) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < cps.length; k++) b.appendCodePoint(cps[k]);
        return b.toString().strip();
    }

    static boolean isLatin(int cp) {
        return Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
    }

    /** Code points of a reading of {@code h} that the entry spells at {@code j} (longest first), or 0. */
    private static int readingAt(HanChar h, int[] w, int j) {
        for (String r : h.readings()) {
            int n = Pinyin.spelled(w, j, r);
            if (n > 0) return n;
        }
        return 0;
    }

    private static final int CASE = 1;
    private static final int SPACES = 2;
    private static final int N1 = 4;
    private static final int N3 = 8;

    /** One walk of the card name against the entry, with backtracking at rare characters. */
    private final class Walk {
        final int[] c;
        final int[] w;
        final boolean truncated;
        int failI = -1;
        int failJ = -1;
        int mask;
        int clerkAt = -1;
        int steps;

        Walk(int[] c, int[] w, boolean truncated) {
            this.c = c;
            this.w = w;
            this.truncated = truncated;
        }

        boolean run() { return step(0, 0, 0, -1); }

        EnumSet<NameRule> rules() {
            EnumSet<NameRule> r = EnumSet.noneOf(NameRule.class);
            if ((mask & N1) != 0) r.add(NameRule.N1);
            if ((mask & N3) != 0) r.add(NameRule.N3);
            if (truncated) r.add(NameRule.N4);
            if ((mask & CASE) != 0) r.add(NameRule.CASE);
            if ((mask & SPACES) != 0) r.add(NameRule.SPACES);
            return r;
        }

        /** 1-based position of card index {@code i} among the card's non-space characters. */
        int position(int i) {
            int p = 0;
            for (int k = 0; k < Math.min(i, c.length); k++) if (!NameUnits.isSpace(c[k])) p++;
            return p + 1;
        }

        private boolean step(int i, int j, int m, int clerk) {
            if (++steps > MAX_STEPS) return fail(i, j);
            while (true) {
                boolean cs = i < c.length && NameUnits.isSpace(c[i]);
                boolean ws = j < w.length && NameUnits.isSpace(w[j]);
                if (cs && ws) { i++; j++; }
                else if (cs) { i++; m |= SPACES; }
                else if (ws) { j++; m |= SPACES; }
                else break;
            }
            if (i == c.length) {
                if (j == w.length) {
                    mask = m;
                    clerkAt = clerk;
                    return true;
                }
                return fail(i, j);
            }
            if (j == w.length) return fail(i, j);
            int a = c[i];
            int b = w[j];
            if (a == b) return step(i + 1, j + 1, m, clerk);
            if (isLatin(a) && isLatin(b) && Character.toLowerCase(a) == Character.toLowerCase(b)) {
                return step(i + 1, j + 1, m | CASE, clerk);
            }
            HanChar ha = dictionary.of(a);
            if (ha.traditional() && ha.simplified() == b) return step(i + 1, j + 1, m | N3, clerk);
            if (ha.rare()) {
                HanChar hb = dictionary.of(b);
                if (!ha.readings().isEmpty()) {
                    if (hb.han() && ha.sharesReadingWith(hb) && step(i + 1, j + 1, m | N1, clerk)) return true;
                    for (String r : ha.readings()) {
                        int n = Pinyin.spelled(w, j, r);
                        if (n > 0 && step(i + 1, j + n, m | N1, clerk)) return true;
                    }
                } else {
                    int who = clerk >= 0 ? clerk : i;
                    if (hb.han() && step(i + 1, j + 1, m | N1, who)) return true;
                    int run = 0;
                    int letters = 0;
                    while (j + run < w.length) { // a pinyin-like run: letters, each possibly with combining tone marks
                        int x = w[j + run];
                        if (isLatin(x) && letters < MAX_SYLLABLE) letters++;
                        else if (run == 0 || !Pinyin.isMark(x)) break;
                        run++;
                    }
                    for (int len = run; len >= 1; len--) {
                        if (len < run && Pinyin.isMark(w[j + len])) continue; // never part of a letter
                        if (step(i + 1, j + len, m | N1, who)) return true;
                    }
                }
            }
            return fail(i, j);
        }

        private boolean fail(int i, int j) {
            if (i > failI || (i == failI && j > failJ)) {
                failI = i;
                failJ = j;
            }
            return false;
        }
    }
}
