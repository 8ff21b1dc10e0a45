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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Readings and simplified forms of Han characters, from ICU4J's {@code Han-Latin} (general and surname readings)
 * and {@code Traditional-Simplified} transliterators plus the project's tables: {@code polyphones.txt} (ICU gives
 * one reading per character, N1 must accept any), {@code standard-characters.txt} (the 通用规范汉字表: a standard
 * character is never traditional, whatever ICU maps it to) and {@code restored-variants.txt} (昇 → 升: what a
 * restored standard character is mistaken for). Built once and shared: transliterators are expensive to create and
 * slow per call, so every code point is looked up once and cached.
 */
public final class HanDictionary {
    private static final HanDictionary SHARED = new HanDictionary();

    private final Transliterator general = Transliterator.getInstance("Han-Latin");
    private final Transliterator surname = Transliterator.getInstance("Han-Latin/Names");
    private final Transliterator simplify = Transliterator.getInstance("Traditional-Simplified");
    private final Normalizer2 nfd = Normalizer2.getNFDInstance();
    private final CharsetEncoder gbk = Charset.forName("GBK").newEncoder();
    private final Map<Integer, List<String>> polyphones;
    private final int[] standard; // sorted: 8105 code points, searched without boxing
    private final Map<Integer, Integer> restored;
    private final ConcurrentHashMap<Integer, HanChar> cache = new ConcurrentHashMap<>();

    private HanDictionary() {
        Map<Integer, List<String>> poly = new HashMap<>();
        for (String line : resourceLines("polyphones.txt")) {
            String[] parts = line.split("\\s+");
            poly.put(parts[0].codePointAt(0), List.of(parts).subList(1, parts.length));
        }
        StringBuilder table = new StringBuilder(8105 * 2);
        for (String line : resourceLines("standard-characters.txt")) table.append(line);
        Map<Integer, Integer> pairs = new HashMap<>();
        for (String line : resourceLines("restored-variants.txt")) {
            String[] parts = line.split("\\s+");
            pairs.put(parts[0].codePointAt(0), parts[1].codePointAt(0));
        }
        this.polyphones = Map.copyOf(poly);
        this.standard = table.codePoints().sorted().toArray();
        this.restored = Map.copyOf(pairs);
    }

    public static HanDictionary shared() { return SHARED; }

    HanChar of(int cp) {
        HanChar known = cache.get(cp);
        return known != null ? known : cache.computeIfAbsent(cp, this::build);
    }

    private HanChar build(int cp) {
        boolean pua = isPrivateUse(cp);
        boolean han = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
        if (!han && !pua) return new HanChar(cp, false, false, false, HanChar.SAME, HanChar.SAME, List.of());
        String s = Character.toString(cp);
        synchronized (this) { // ICU transliterators and the JDK encoder are not documented as thread-safe
            boolean rare = pua || cp > 0xFFFF || !gbk.canEncode(s);
            boolean isStandard = Arrays.binarySearch(standard, cp) >= 0;
            String simple = simplify.transliterate(s);
            int mapped = simple.codePointCount(0, simple.length()) == 1 && simple.codePointAt(0) != cp
                    ? simple.codePointAt(0) : HanChar.SAME;
            // N3: ICU maps some standard characters (昇 → 升, 姊 → 姐); for them the mapping is only a look-alike
            int simplified = isStandard ? HanChar.SAME : mapped;
            int counterpart = isStandard ? restored.getOrDefault(cp, mapped) : HanChar.SAME;
            Set<String> readings = new LinkedHashSet<>();
            addReading(readings, general.transliterate(s), s);
            addReading(readings, surname.transliterate(s), s);
            readings.addAll(polyphones.getOrDefault(cp, List.of()));
            List<String> sorted = new ArrayList<>(readings);
            sorted.sort((a, b) -> b.length() - a.length()); // longest first: "zhuang" before "zhu"
            return new HanChar(cp, han || pua, rare, isStandard, simplified, counterpart, List.copyOf(sorted));
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

    /** The standard characters of the 通用规范汉字表 (for tests that walk the whole table). */
    Set<Integer> standardCharacters() { return Arrays.stream(standard).boxed().collect(Collectors.toUnmodifiableSet()); }

    /** The restored variants this project knows, with what each was merged into (for tests). */
    Map<Integer, Integer> restoredVariants() { return restored; }

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
