package org.ticketwindow.idcheck.verify.name;

/** A rule that made an entered name equivalent to the card's (listed in {@link NameMatch#rules()}). */
public enum NameRule {
    /** N1/N2: a rare character entered as its pinyin or a homophone. */
    N1("N1", "生僻字以拼音或同音字代替", "rare character entered as pinyin or a homophone"),
    /** N3: traditional characters entered in simplified form. */
    N3("N3", "繁体字以简体字代替", "traditional characters entered in simplified form"),
    /** N4: an over-long name entered as its first 30 units. */
    N4("N4", "超长姓名按前30个字符填写", "over-long name entered as its first 30 units"),
    /** Latin letters equal but for case (not special). */
    CASE("CASE", "英文字母不区分大小写", "Latin letters compared without case"),
    /** Equal but for spaces (not special). */
    SPACES("SPACES", "空格不计", "spaces ignored"),
    /** The clerk looked at a character no dictionary covers and accepted the entry (recorded). */
    CLERK("CLERK", "窗口人员已人工确认", "accepted by the clerk");

    private final String id;
    private final String zh;
    private final String en;

    NameRule(String id, String zh, String en) {
        this.id = id;
        this.zh = zh;
        this.en = en;
    }

    public String id() { return id; }
    public String zh() { return zh; }
    public String en() { return en; }
}
