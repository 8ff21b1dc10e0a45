package org.ticketwindow.idcheck.verify.name;

import org.ticketwindow.idcheck.text.Texts;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * N3 against the 通用规范汉字表 (RD-40): a standard character of the table is never traditional, so it does not make a
 * name special (N6/V2) and no look-alike replaces it; ordinary traditional characters still are traditional and
 * may be entered simplified.
 */
class StandardCharactersTest {
    private static final HanDictionary DICTIONARY = HanDictionary.shared();
    private final NameRules rules = new NameRules();

    @Test
    @DisplayName("N3 RD-40 毕昇 is not a special name and 毕升 is a mismatch whose hint says 昇 is a standard character")
    void biSheng() {
        assertThat(rules.special("毕昇")).isEmpty();
        NameMatch m = rules.compare("毕昇", "毕升");
        assertThat(m.outcome()).isEqualTo(NameOutcome.MISMATCH);
        assertThat(m.position()).isEqualTo(2);
        assertThat(Texts.chinese().of(m.hint())).contains("「昇」").contains("「升」").contains("规范字").contains("不是繁体字");
        assertThat(Texts.english().of(m.hint())).contains("standard character");
        assertThat(rules.compare("毕昇", "毕昇").outcome()).isEqualTo(NameOutcome.EXACT);
        NameMatch reverse = rules.compare("毕升", "毕昇");
        assertThat(reverse.outcome()).isEqualTo(NameOutcome.MISMATCH);
        assertThat(Texts.chinese().of(reverse.hint())).contains("不同的规范字");
    }

    @Test
    @DisplayName("N3 RD-40 the table is complete: 8105 standard characters, none of them traditional")
    void wholeTable() {
        assertThat(DICTIONARY.standardCharacters()).hasSize(8105);
        List<String> traditional = new ArrayList<>();
        for (int cp : DICTIONARY.standardCharacters()) {
            HanChar h = DICTIONARY.of(cp);
            assertThat(h.han()).as(Character.toString(cp)).isTrue();
            if (h.traditional()) traditional.add(Character.toString(cp));
        }
        assertThat(traditional).isEmpty();
    }

    @Test
    @DisplayName("N3 RD-40 every restored variant listed is a character of the table, and so is its counterpart")
    void restoredListAgainstTable() {
        Map<Integer, Integer> restored = DICTIONARY.restoredVariants();
        assertThat(restored).hasSize(29);
        restored.forEach((variant, counterpart) -> {
            assertThat(DICTIONARY.standardCharacters()).as(Character.toString(variant)).contains(variant, counterpart);
            assertThat(variant).isNotEqualTo(counterpart);
        });
    }

    /** The restored variants with the character each had been merged into (restored-variants.txt). */
    static Stream<Arguments> restoredVariants() {
        return DICTIONARY.restoredVariants().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(Character.toString(e.getKey()), Character.toString(e.getValue())));
    }

    @ParameterizedTest(name = "N3 RD-40 restored standard character {0} is not traditional; {1} does not replace it")
    @MethodSource("restoredVariants")
    @DisplayName("N3 RD-40 the characters the 2013 table restored are standard, not traditional")
    void restored(String variant, String counterpart) {
        assertStandardNotReplaced(variant, counterpart);
    }

    /**
     * Every character of the table that ICU's Traditional-Simplified maps to another one, worked out from the table
     * and the ICU in use (so an ICU upgrade that maps more is covered): 昇 陞 乾 於 著 … and ICU quirks (姊 → 姐).
     */
    static Stream<Arguments> icuMapped() {
        Transliterator simplify = Transliterator.getInstance("Traditional-Simplified");
        List<Arguments> out = new ArrayList<>();
        DICTIONARY.standardCharacters().stream().sorted().forEach(cp -> {
            String s = Character.toString(cp);
            String t = simplify.transliterate(s);
            if (!t.equals(s) && t.codePointCount(0, t.length()) == 1) out.add(Arguments.of(s, t));
        });
        assertThat(out).as("ICU maps standard characters, as it did when RD-40 was written").hasSizeGreaterThan(20);
        return out.stream();
    }

    @ParameterizedTest(name = "N3 RD-40 standard character {0}, which ICU maps to {1}, is not traditional")
    @MethodSource("icuMapped")
    @DisplayName("N3 RD-40 standard characters ICU would simplify are not traditional")
    void icuMappedStandard(String standard, String mapped) {
        assertStandardNotReplaced(standard, mapped);
    }

    private void assertStandardNotReplaced(String standard, String other) {
        String card = "毕" + standard;
        HanChar h = DICTIONARY.of(standard.codePointAt(0));
        assertThat(h.standard()).isTrue();
        assertThat(h.traditional()).isFalse();
        assertThat(rules.special(card)).doesNotContain(SpecialName.TRADITIONAL);
        if (h.rare()) {
            // a standard character outside GBK is still rare (N1): a homophone may replace it, by N1 not N3
            assertThat(rules.special(card)).containsExactly(SpecialName.RARE);
            assertThat(rules.compare(card, "毕" + other).rules()).doesNotContain(NameRule.N3);
            return;
        }
        assertThat(rules.special(card)).isEmpty();
        NameMatch m = rules.compare(card, "毕" + other);
        assertThat(m.outcome()).isEqualTo(NameOutcome.MISMATCH);
        assertThat(m.position()).isEqualTo(2);
        assertThat(Texts.chinese().of(m.hint())).contains("「" + standard + "」").contains("规范字");
    }

    @ParameterizedTest(name = "N3 {0} is traditional and may be entered as {1}")
    @CsvSource({"陳,陈", "張,张", "華,华", "劉,刘", "黃,黄", "趙,赵", "鄭,郑", "龍,龙", "鳳,凤", "國,国", "麗,丽", "陽,阳",
            "偉,伟", "強,强", "傑,杰", "濤,涛"})
    @DisplayName("N3 ordinary traditional characters are still traditional (special) and equivalent to their simplified form")
    void ordinaryTraditional(String traditional, String simplified) {
        int cp = traditional.codePointAt(0);
        assertThat(DICTIONARY.standardCharacters()).doesNotContain(cp);
        String card = "王" + traditional;
        assertThat(rules.special(card)).containsExactly(SpecialName.TRADITIONAL);
        NameMatch m = rules.compare(card, "王" + simplified);
        assertThat(m.outcome()).isEqualTo(NameOutcome.EQUIVALENT);
        assertThat(m.rules()).containsExactly(NameRule.N3);
    }
}
