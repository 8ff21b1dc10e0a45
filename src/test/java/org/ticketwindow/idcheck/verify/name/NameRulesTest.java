package org.ticketwindow.idcheck.verify.name;

import org.ticketwindow.idcheck.text.Texts;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The name rules N1–N6 on fictional names; each row says what the clerk would expect. */
class NameRulesTest {
    private final NameRules rules = new NameRules();

    private static final String PUA = "\uE3A8";          // a card's private-use rare character (no dictionary reading)
    private static final String EXT_B_ZHE = "\uD869\uDEA5"; // U+2A6A5 𪚥 (zhé), outside the BMP
    private static final String EXT_B_JI = "\uD842\uDFB7";  // U+20BB7 𠮷, ICU has no reading for it
    private static final String YAN = "䶮";                // U+4DAE (yǎn), in the BMP but not in GBK

    @Test
    @DisplayName("N1 a rare character outside the BMP may be entered as its pinyin, any case")
    void pinyinForExtB() {
        for (String w : new String[]{"郑zhe", "郑ZHE", "郑Zhe"}) {
            NameMatch m = rules.compare("郑" + EXT_B_ZHE, w);
            assertThat(m.outcome()).as(w).isEqualTo(NameOutcome.EQUIVALENT);
            assertThat(m.rules()).contains(NameRule.N1);
            assertThat(m.special()).containsExactly(SpecialName.RARE);
        }
    }

    @Test
    @DisplayName("N1 a rare character may be entered as a homophone (same tone-less reading)")
    void homophone() {
        assertThat(rules.compare("郑" + EXT_B_ZHE, "郑哲").outcome()).isEqualTo(NameOutcome.EQUIVALENT);
        assertThat(rules.compare("刘" + YAN, "刘岩").outcome()).isEqualTo(NameOutcome.EQUIVALENT);
        assertThat(rules.compare("刘" + YAN, "刘言").outcome()).as("yán vs yǎn: tones are ignored").isEqualTo(NameOutcome.EQUIVALENT);
        assertThat(rules.compare("刘" + YAN, "刘yan").rules()).containsExactly(NameRule.N1);
    }

    @Test
    @DisplayName("N1 a character not encodable in GBK is rare; a wrong reading is a mismatch that says so")
    void rareWrongReading() {
        assertThat(rules.special("刘" + YAN)).containsExactly(SpecialName.RARE);
        NameMatch m = rules.compare("刘" + YAN, "刘明");
        assertThat(m.outcome()).isEqualTo(NameOutcome.MISMATCH);
        assertThat(m.position()).isEqualTo(2);
        assertThat(Texts.chinese().of(m.hint())).contains("生僻字").contains("yan");
    }

    @Test
    @DisplayName("N1 a character with several readings matches any of them (单 shan / dan, 曾 zeng / ceng)")
    void polyphones() {
        // 单 and 曾 are not rare, so they only matter as homophones of a rare character's readings; test the
        // dictionary through a rare character whose reading equals one of them.
        HanChar shan = HanDictionary.shared().of("单".codePointAt(0));
        assertThat(shan.readings()).contains("shan", "dan");
        assertThat(HanDictionary.shared().of("曾".codePointAt(0)).readings()).contains("zeng", "ceng");
        // 𪚥 (zhé) shares "zhe" with 着 (zhe / zhuo / zhao) by the polyphone table
        assertThat(rules.compare("郑" + EXT_B_ZHE, "郑着").outcome()).isEqualTo(NameOutcome.EQUIVALENT);
    }

    @Test
    @DisplayName("N1 a Private Use Area character with no known reading needs the clerk")
    void puaNeedsClerk() {
        for (String w : new String[]{"吴yan", "吴艳", "吴YAN"}) {
            NameMatch m = rules.compare("吴" + PUA, w);
            assertThat(m.outcome()).as(w).isEqualTo(NameOutcome.NEEDS_CLERK);
            assertThat(m.position()).isEqualTo(2);
            assertThat(Texts.chinese().of(m.hint())).contains("窗口人员");
        }
        assertThat(rules.special("吴" + PUA)).containsExactly(SpecialName.RARE);
        assertThat(rules.compare("吴" + PUA, "吴").outcome()).as("the character left out").isEqualTo(NameOutcome.MISMATCH);
        assertThat(rules.compare("李" + EXT_B_JI, "李吉").outcome()).as("Ext-B with no ICU reading").isEqualTo(NameOutcome.NEEDS_CLERK);
    }

    @Test
    @DisplayName("N2 a character the system cannot display may be replaced by pinyin (treated as N1)")
    void cannotDisplay() {
        NameMatch m = rules.compare("王" + YAN + "东", "王yan东");
        assertThat(m.outcome()).isEqualTo(NameOutcome.EQUIVALENT);
        assertThat(m.rules()).containsExactly(NameRule.N1);
    }

    @Test
    @DisplayName("N1 pinyin or a homophone for an ordinary character is a mismatch with the reason")
    void ordinaryCharacterNotReplaceable() {
        NameMatch pinyin = rules.compare("张三", "张san");
        assertThat(pinyin.outcome()).isEqualTo(NameOutcome.MISMATCH);
        assertThat(Texts.chinese().of(pinyin.hint())).contains("不是生僻字").contains("拼音");
        NameMatch homophone = rules.compare("张三", "张叁");
        assertThat(homophone.outcome()).isEqualTo(NameOutcome.MISMATCH);
        assertThat(Texts.chinese().of(homophone.hint())).contains("同音字");
    }

    @ParameterizedTest(name = "N3 {0} entered as {1}")
    @CsvSource({"陳淑華,陈淑华", "陳淑華,陈淑華", "張偉,张伟", "黃國強,黄国强"})
    @DisplayName("N3 traditional characters may be entered in simplified form")
    void traditional(String card, String entered) {
        NameMatch m = rules.compare(card, entered);
        assertThat(m.outcome()).isEqualTo(NameOutcome.EQUIVALENT);
        assertThat(m.rules()).containsExactly(NameRule.N3);
        assertThat(m.special()).containsExactly(SpecialName.TRADITIONAL);
    }

    @Test
    @DisplayName("N3 a traditional entry for a simplified card character is a mismatch naming both forms")
    void traditionalEnteredForSimplified() {
        NameMatch m = rules.compare("陈淑华", "陳淑华");
        assertThat(m.outcome()).isEqualTo(NameOutcome.MISMATCH);
        assertThat(Texts.chinese().of(m.hint())).contains("繁体").contains("陳");
    }

    @Test
    @DisplayName("N3 standard simplified characters ICU would map (於, 乾) do not make a name traditional")
    void standardCharactersNotTraditional() {
        assertThat(rules.special("於佳")).isEmpty();
        assertThat(rules.special("乾元")).isEmpty();
    }

    @Test
    @DisplayName("N4 a name over 30 units is entered as its first 30 units, spaces dropped, letters any case")
    void longLatinName() {
        String card = "WORTHINGTON-SMYTHE ALEXANDRA CATHERINE JANE"; // 40 units without spaces
        assertThat(NameUnits.of(card)).isEqualTo(40);
        String cut = "worthington-smythealexandracat";                // 30 units, lower case
        NameMatch m = rules.compare(card, cut);
        assertThat(m.outcome()).isEqualTo(NameOutcome.EQUIVALENT);
        assertThat(m.rules()).contains(NameRule.N4, NameRule.CASE);
        assertThat(m.special()).containsExactly(SpecialName.OVERLONG);
        NameMatch short29 = rules.compare(card, cut.substring(0, 29));
        assertThat(short29.outcome()).isEqualTo(NameOutcome.MISMATCH);
        assertThat(Texts.chinese().of(short29.hint())).contains("前30个字符");
    }

    @Test
    @DisplayName("N4 a Chinese character that would cross 30 units is left out")
    void chineseCrossing30() {
        String card = "阿依古丽买买提艾力吐尔洪江热合曼"; // 16 characters = 32 units
        assertThat(NameUnits.of(card)).isEqualTo(32);
        assertThat(NameUnits.truncated(card)).isEqualTo("阿依古丽买买提艾力吐尔洪江热合");
        String mixed = "ABCDEFGHIJKLMNOPQRSTUVWXYZABC张三"; // 29 letters + 张 would be 31: 张 left out, 三 too (in order)
        assertThat(NameUnits.truncated(mixed)).isEqualTo("ABCDEFGHIJKLMNOPQRSTUVWXYZABC");
        assertThat(rules.compare(card, "阿依古丽买买提艾力吐尔洪江热合").outcome()).isEqualTo(NameOutcome.EQUIVALENT);
    }

    @Test
    @DisplayName("N4 a 15+ character Chinese name with a middle dot keeps the dot as one unit")
    void longChineseWithDot() {
        String card = "阿依古丽·买买提艾力·吐尔洪江"; // 13 Han (26) + 2 dots = 28: not over-long
        assertThat(NameUnits.of(card)).isEqualTo(28);
        assertThat(rules.special(card)).isEmpty();
        String longer = "阿依古丽·买买提艾力·吐尔洪江·热合曼"; // 16 Han + 3 dots = 35
        assertThat(rules.special(longer)).containsExactly(SpecialName.OVERLONG);
        assertThat(rules.compare(longer, "阿依古丽·买买提艾力·吐尔洪江·").outcome()).isEqualTo(NameOutcome.EQUIVALENT);
    }

    @ParameterizedTest(name = "N5 card {0} entered {1}")
    @CsvSource({"阿依古丽·买买提,阿依古丽.买买提", "阿依古丽.买买提,阿依古丽·买买提", "阿依古丽·买买提,阿依古丽•买买提",
            "阿依古丽·买买提,阿依古丽・买买提", "阿依古丽·买买提,阿依古丽．买买提", "JOHN.SMITH,JOHN·SMITH"})
    @DisplayName("N5 dot look-alikes are different characters and the hint names both")
    void dots(String card, String entered) {
        NameMatch m = rules.compare(card, entered);
        assertThat(m.outcome()).isEqualTo(NameOutcome.MISMATCH);
        int a = card.codePoints().filter(DotLookalike::is).findFirst().orElseThrow();
        int b = entered.codePoints().filter(DotLookalike::is).findFirst().orElseThrow();
        assertThat(Texts.chinese().of(m.hint())).contains(Character.toString(a)).contains(Character.toString(b))
                .contains(String.format("U+%04X", a)).contains(String.format("U+%04X", b));
        assertThat(Texts.english().of(m.hint())).contains("different characters");
    }

    @Test
    @DisplayName("N6 special names are over-long, rare or traditional, and can be several at once")
    void special() {
        assertThat(rules.special("张三")).isEmpty();
        assertThat(rules.special("陳" + YAN)).isEqualTo(Set.of(SpecialName.TRADITIONAL, SpecialName.RARE));
        assertThat(rules.special("陳淑華陳淑華陳淑華陳淑華陳淑華陳淑華")).contains(SpecialName.OVERLONG, SpecialName.TRADITIONAL);
    }

    @Test
    @DisplayName("N6 case folding and spaces alone make a name equivalent, not special")
    void caseAndSpaces() {
        NameMatch m = rules.compare("SAMPLE JOHN EXAMPLE", "sample johnexample");
        assertThat(m.outcome()).isEqualTo(NameOutcome.EQUIVALENT);
        assertThat(m.rules()).containsExactlyInAnyOrder(NameRule.CASE, NameRule.SPACES);
        assertThat(m.isSpecial()).isFalse();
        assertThat(rules.compare("张三", "张 三").rules()).containsExactly(NameRule.SPACES);
    }

    @Test
    @DisplayName("N-rules exact, missing and extra characters")
    void exactMissingExtra() {
        assertThat(rules.compare("张三", "张三").outcome()).isEqualTo(NameOutcome.EXACT);
        NameMatch missing = rules.compare("欧阳娜娜", "欧阳娜");
        assertThat(missing.outcome()).isEqualTo(NameOutcome.MISMATCH);
        assertThat(Texts.chinese().of(missing.hint())).contains("缺少");
        NameMatch extra = rules.compare("张三", "张三丰");
        assertThat(Texts.chinese().of(extra.hint())).contains("多出「丰」");
        assertThat(Texts.chinese().of(rules.compare("张三", "").hint())).contains("未填写");
    }

    @Test
    @DisplayName("N1 hostile input (many rare characters, long Latin runs) ends quickly with an answer")
    void hostile() {
        String card = PUA.repeat(40);
        String entered = "a".repeat(300);
        NameMatch m = rules.compare(card, entered);
        assertThat(m.outcome()).isIn(NameOutcome.MISMATCH, NameOutcome.NEEDS_CLERK);
    }
}
