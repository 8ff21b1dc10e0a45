package org.ticketwindow.idcheck.verify.name;

import org.ticketwindow.idcheck.text.Texts;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** N1 with tone-marked pinyin (RD-41): tone marks are ignored, ü may be ü, v or u, tone numbers are not pinyin. */
class PinyinToneTest {
    private final NameRules rules = new NameRules();

    private static final String YAN = "䶮";       // U+4DAE yǎn, not in GBK: rare
    private static final String LV = "\u36CE";    // 㛎 lǚ, Ext-A, not in GBK: rare
    private static final String LU = "\u34D0";    // 㓐 lù, Ext-A, not in GBK: rare
    private static final String PUA = "\uE3A8";   // no known reading

    @ParameterizedTest(name = "N1 RD-41 刘䶮 entered as 刘{0}")
    @ValueSource(strings = {"yǎn", "YǍN", "Yǎn", "yán", "yàn", "yān", "ya\u030Cn", "YA\u030CN", "yan"})
    @DisplayName("N1 RD-41 tone-marked pinyin (any tone, any case, precomposed or combining) replaces a rare character")
    void toneMarks(String pinyin) {
        NameMatch m = rules.compare("刘" + YAN, "刘" + pinyin);
        assertThat(m.outcome()).isEqualTo(NameOutcome.EQUIVALENT);
        assertThat(m.rules()).containsExactly(NameRule.N1);
        NameMatch middle = rules.compare("王" + YAN + "东", "王" + pinyin + "东");
        assertThat(middle.outcome()).as("rare character in the middle of the name").isEqualTo(NameOutcome.EQUIVALENT);
    }

    @ParameterizedTest(name = "N1 RD-41 a rare character read lǚ entered as {0}")
    @ValueSource(strings = {"lv", "lu", "lü", "lǚ", "LǙ", "lǘ", "lu\u0308", "lu\u0308\u030C", "LV"})
    @DisplayName("N1 RD-41 ü may be entered as ü (with or without a tone mark), v or u")
    void umlaut(String pinyin) {
        assertThat(HanDictionary.shared().of(LV.codePointAt(0)).readings()).contains("lv");
        NameMatch m = rules.compare("张" + LV, "张" + pinyin);
        assertThat(m.outcome()).isEqualTo(NameOutcome.EQUIVALENT);
        assertThat(m.rules()).containsExactly(NameRule.N1);
    }

    @Test
    @DisplayName("N1 RD-41 an umlaut where the reading has plain u is a different reading (lù is not lǜ)")
    void umlautIsNotU() {
        assertThat(HanDictionary.shared().of(LU.codePointAt(0)).readings()).doesNotContain("lv");
        assertThat(rules.compare("张" + LU, "张lù").outcome()).isEqualTo(NameOutcome.EQUIVALENT);
        assertThat(rules.compare("张" + LU, "张lü").outcome()).isEqualTo(NameOutcome.MISMATCH);
        assertThat(rules.compare("张" + LU, "张lǜ").outcome()).isEqualTo(NameOutcome.MISMATCH);
    }

    @ParameterizedTest(name = "N1 RD-41 刘䶮 entered as 刘{0}: the hint says only the tone number is wrong")
    @ValueSource(strings = {"yan3", "YAN3", "yǎn3", "yan1"})
    @DisplayName("N1 RD-41 a tone number is not pinyin: a mismatch whose hint says only the digit differs")
    void toneNumbers(String pinyin) {
        NameMatch m = rules.compare("刘" + YAN, "刘" + pinyin);
        assertThat(m.outcome()).isEqualTo(NameOutcome.MISMATCH);
        assertThat(m.position()).isEqualTo(2);
        assertThat(Texts.chinese().of(m.hint())).contains("「" + YAN + "」").contains("拼音「yan」正确").contains("声调数字")
                .doesNotContain("不是它的读音");
        assertThat(Texts.english().of(m.hint())).contains("tone number");
        NameMatch middle = rules.compare("王" + YAN + "东", "王" + pinyin + "东");
        assertThat(middle.outcome()).isEqualTo(NameOutcome.MISMATCH);
        assertThat(Texts.chinese().of(middle.hint())).contains("声调数字");
    }

    @Test
    @DisplayName("N1 RD-41 marks that are not pinyin tone marks and wrong readings stay mismatches with the reading hint")
    void notPinyin() {
        NameMatch tilde = rules.compare("刘" + YAN, "刘yãn");
        assertThat(tilde.outcome()).isEqualTo(NameOutcome.MISMATCH);
        NameMatch wrong = rules.compare("刘" + YAN, "刘yǎng");
        assertThat(wrong.outcome()).isEqualTo(NameOutcome.MISMATCH);
        NameMatch other = rules.compare("刘" + YAN, "刘mǐn");
        assertThat(Texts.chinese().of(other.hint())).contains("不是它的读音");
    }

    @Test
    @DisplayName("N1 RD-41 tone-marked pinyin for an ordinary character is still not allowed, and the hint says why")
    void ordinaryCharacter() {
        NameMatch m = rules.compare("张三", "张sān");
        assertThat(m.outcome()).isEqualTo(NameOutcome.MISMATCH);
        assertThat(Texts.chinese().of(m.hint())).contains("不是生僻字").contains("拼音");
    }

    @Test
    @DisplayName("N1 RD-41 tone-marked pinyin for a rare character without a known reading goes to the clerk")
    void clerk() {
        for (String w : new String[]{"吴yàn", "吴ya\u0300n"}) {
            NameMatch m = rules.compare("吴" + PUA, w);
            assertThat(m.outcome()).as(w).isEqualTo(NameOutcome.NEEDS_CLERK);
        }
        assertThat(rules.compare("吴" + PUA, "吴yànyànyàn").outcome()).as("longer than one syllable")
                .isEqualTo(NameOutcome.MISMATCH);
    }

    @Test
    @DisplayName("N1 RD-41 a card's own Latin letters are compared as they are: accents are not tone marks there")
    void latinCardLettersUnchanged() {
        assertThat(rules.compare("JOSÉ GARCÍA", "JOSE GARCIA").outcome()).isEqualTo(NameOutcome.MISMATCH);
    }
}
