package org.ticketwindow.idcheck.ui;

import org.junit.jupiter.api.Test;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Short pieces kept on one line where a label wraps (JavaFX wraps text with a Chinese character in it by
 * java.text.BreakIterator, other text at white space), reading the same.
 */
class UnbrokenTest {
    /**
     * Where a line may break inside {@code text} (its end left out) by the line rules: as JavaFX's wrapping finds it in a
     * text with a Chinese character (other text JavaFX wraps at white space only: {@link Unbroken#words}).
     */
    static List<Integer> breaks(String text, Locale locale) {
        BreakIterator lines = BreakIterator.getLineInstance(locale);
        lines.setText(text);
        List<Integer> out = new ArrayList<>();
        for (int at = lines.next(); at != BreakIterator.DONE && at < text.length(); at = lines.next()) out.add(at);
        return out;
    }

    /** The places just after each {@code gap} in {@code text}: where a line of pieces joined by it may break. */
    static List<Integer> after(String text, String gap) {
        List<Integer> out = new ArrayList<>();
        for (int i = text.indexOf(gap); i >= 0; i = text.indexOf(gap, i + gap.length())) out.add(i + gap.length());
        return out;
    }

    @Test void noBreakInsideAPieceAndItReadsTheSame() {
        for (String piece : List.of("上次同步 07:05:09", "最早 2 分钟", "同步正常", "第 12 条", "2026-12-02 08:22:09", "last sync 07:05:09",
                "failed log-in", "登录失败")) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                String whole = Unbroken.of(piece, locale);
                assertThat(breaks(whole, locale)).as(piece).isEmpty();
                assertThat(Unbroken.plain(whole)).isEqualTo(piece);
            }
        }
        // without it, each of these breaks inside: the test would not tell anything otherwise
        assertThat(breaks("上次同步 07:05:09", Locale.SIMPLIFIED_CHINESE)).isNotEmpty();
        assertThat(breaks("登录失败", Locale.SIMPLIFIED_CHINESE)).isNotEmpty();
    }

    @Test void aLineOfPiecesWrapsBetweenThemOnly() {
        String zh = Unbroken.pieces("共 20 次　成功率 100.0%　P50 35 ms　P95 41 ms　用时 1.6 秒", "\u3000", Locale.SIMPLIFIED_CHINESE);
        assertThat(breaks(zh, Locale.SIMPLIFIED_CHINESE)).isEqualTo(after(zh, "\u3000"));
        assertThat(Unbroken.plain(zh)).isEqualTo("共 20 次　成功率 100.0%　P50 35 ms　P95 41 ms　用时 1.6 秒");
        String en = Unbroken.pieces("20 reads   100.0% success   p50 35 ms   p95 41 ms   1.6 s", "   ", Locale.ENGLISH);
        assertThat(breaks(en, Locale.ENGLISH)).isEqualTo(after(en, "   "));
    }

    /**
     * JavaFX wraps a text with no Chinese character in it at white space only (PrismTextLayout: BreakIterator only for
     * CJK or complex text); too narrow for a piece, it cuts inside it. The least widths and the layout test's check take
     * the pieces by those rules: a hyphenated name or an id in an English line is one piece, not two.
     */
    @Test void wordsAreThePiecesJavaFxKeepsOnALine() {
        assertThat(Unbroken.words("WORTHINGTON-SMYTHE")).containsExactly("WORTHINGTON-SMYTHE");
        assertThat(Unbroken.words("Security module OK, id\n05.01-20258033-0000000001-0000000042"))
                .containsExactly("Security", "module", "OK,", "id", "05.01-20258033-0000000001-0000000042");
        assertThat(Unbroken.words("last\u00A0sync 07:05:09")).as("a no-break space holds").containsExactly("last\u00A0sync", "07:05:09");
        // with a Chinese character, the line rules: between Chinese characters, after a hyphen
        assertThat(Unbroken.words("JOSE\u0301-MARI\u0301A")).as("a combining accent: complex text, the line rules")
                .containsExactly("JOSE\u0301-", "MARI\u0301A");
        assertThat(Unbroken.words("安全模块正常，编号\n05.01-20258033")).containsExactly("安", "全", "模", "块", "正", "常，", "编", "号",
                "05.01-", "20258033");
    }

    /**
     * A security module's id, on its own line ("安全模块正常，编号" above it), is not glued: too long for a narrow column at
     * the largest text, it breaks after a hyphen, never inside a group of digits; glued whole, it broke "…-00000000" / "42".
     * In an English line JavaFX breaks at spaces only, so the id was one piece, cut inside its digits at every size: a hair
     * space after each hyphen gives it the same places to break in both languages.
     */
    @Test void anIdBreaksAfterItsHyphensOnly() {
        String id = "05.01-20258033-0000000001-0000000042";
        String shown = Unbroken.breakableAfterHyphens(id);
        assertThat(Unbroken.plain(shown)).as("read plain, the id as the module gives it").isEqualTo(id);
        for (Locale locale : List.of(Locale.ROOT, Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            assertThat(breaks(id, locale)).as(locale.toString()).isEqualTo(after(id, "-"));
            assertThat(breaks(shown, locale)).as(locale.toString()).isEqualTo(after(shown, "-\u200A"));
        }
        List<String> groups = List.of("05.01-", "20258033-", "0000000001-", "0000000042");
        for (Messages m : List.of(Messages.of(Messages.CHINESE), Messages.of(Messages.ENGLISH))) {
            String line = m.get("tech.samOk", shown);
            assertThat(line).as("on its own line").endsWith("\n" + shown);
            assertThat(Unbroken.words(line)).as(m.locale() + ": JavaFX's pieces").endsWith(groups.toArray(String[]::new));
        }
        assertThat(Unbroken.words(Messages.of(Messages.ENGLISH).get("tech.samOk", id))).as("unmarked, one piece in English")
                .endsWith(id);
    }

    /**
     * The login screen's training hint wrapped "PIN" / "123456 for all", then "值班主" / "任 8001": it wraps between
     * accounts only.
     */
    @Test void theTrainingHintWrapsBetweenAccountsOnly() {
        for (Messages m : List.of(Messages.of(Messages.CHINESE), Messages.of(Messages.ENGLISH))) {
            String hint = LoginView.trainingAccounts(m);
            String gap = m.english() ? ", " : "，";
            assertThat(breaks(hint, m.locale())).as(m.locale().toString()).isEqualTo(after(hint, gap));
            assertThat(Unbroken.plain(hint)).isEqualTo(m.get("login.trainingHint").replace('\u00A0', ' '));
        }
    }
}
