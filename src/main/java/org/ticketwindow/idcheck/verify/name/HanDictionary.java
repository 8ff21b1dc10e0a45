package org.ticketwindow.idcheck.verify.name;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Readings and simplified forms of Han characters, from ICU4J's {@code Han-Latin} (general and surname readings)
 * and {@code Traditional-Simplified} transliterators plus the project's polyphone table ({@code polyphones.txt}:
 * ICU gives one reading per character, N1 must accept any). Built once and shared: transliterators are expensive
 * to create and slow per call, so every code point is looked up once and cached.
 */
public final class HanDictionary {
    private static final HanDictionary SHARED = new HanDictionary();

    private final Transliterator general = Transliterator.getInstance("Han-Latin");
    private final Transliterator surname = Transliterator.getInstance("Han-Latin/Names");
    private final Transliterator simplify = Transliterator.getInstance("Traditional-Simplified");
    private final Normalizer2 nfd = Normalizer2.getNFDInstance();
    private final CharsetEncoder gbk = Charset.forName("GBK").newEncoder();
    private final Map<Integer, List<String>> polyphones;
    private final Set<Integer> standardSimplified;
    private final ConcurrentHashMap<Integer, HanChar> cache = new ConcurrentHashMap<>();

    private HanDictionary() {
        Map<Integer, List<String>> poly = new HashMap<>();
        Set<Integer> keep = new HashSet<>();
        for (String line : resourceLines("polyphones.txt")) {
            String[] parts = line.split("\\s+");
            if (parts[0].equals("keep")) {
                for (int k = 1; k < parts.length; k++) keep.add(parts[k].codePointAt(0));
            } else {
                poly.put(parts[0].codePointAt(0), List.of(parts).subList(1, parts.length));
            }
        }
        this.polyphones = Map.copyOf(poly);
        this.standardSimplified = Set.copyOf(keep);
    }

    public static HanDictionary shared() { return SHARED; }

    HanChar of(int cp) {
        HanChar known = cache.get(cp);
        return known != null ? known : cache.computeIfAbsent(cp, this::build);
    }

    private HanChar build(int cp) {
        boolean pua = isPrivateUse(cp);
        boolean han = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
        if (!han && !pua) return new HanChar(cp, false, false, HanChar.SAME, List.of());
        String s = Character.toString(cp);
        synchronized (this) { // ICU transliterators and the JDK encoder are not documented as thread-safe
            boolean rare = pua || cp > 0xFFFF || !gbk.canEncode(s);
            int simplified = HanChar.SAME;
            String simple = simplify.transliterate(s);
            if (!standardSimplified.contains(cp) && simple.codePointCount(0, simple.length()) == 1
                    && simple.codePointAt(0) != cp) {
                simplified = simple.codePointAt(0);
            }
            Set<String> readings = new LinkedHashSet<>();
            addReading(readings, general.transliterate(s), s);
            addReading(readings, surname.transliterate(s), s);
            readings.addAll(polyphones.getOrDefault(cp, List.of()));
            List<String> sorted = new ArrayList<>(readings);
            sorted.sort((a, b) -> b.length() - a.length()); // longest first: "zhuang" before "zhu"
            return new HanChar(cp, han || pua, rare, simplified, List.copyOf(sorted));
        }
    }

    /** Tone-less, lower case, ü as v; nothing when ICU has no reading (it returns the character unchanged). */
    private void addReading(Set<String> out, String latin, String original) {
        if (latin.isEmpty() || latin.equals(original)) return;
        StringBuilder b = new StringBuilder();
        String d = nfd.normalize(latin.strip());
        for (int k = 0; k < d.length(); k++) {
            char ch = d.charAt(k);
            if (ch == '\u0308') {
                if (b.length() > 0 && b.charAt(b.length() - 1) == 'u') b.setCharAt(b.length() - 1, 'v');
            } else if (Character.getType(ch) != Character.NON_SPACING_MARK) {
                if (ch < 'A' || ch > 'z' || !Character.isLetter(ch)) return; // not a pinyin syllable
                b.append(Character.toLowerCase(ch));
            }
        }
        if (!b.isEmpty()) out.add(b.toString());
    }

    static boolean isPrivateUse(int cp) {
        return (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000;
    }

    private static List<String> resourceLines(String name) {
        List<String> out = new ArrayList<>();
        try (InputStream in = HanDictionary.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) out.add(t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
