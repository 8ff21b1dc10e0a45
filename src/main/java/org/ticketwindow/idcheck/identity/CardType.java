package org.ticketwindow.idcheck.identity;

/** The four chip card types a GA 467 reader returns, told apart by the UCS-2 flag at byte 248 (§2.6). */
public enum CardType {
    RESIDENT(' ', "居民身份证", "resident ID card"),
    FOREIGN_PERMANENT_2017('I', "外国人永久居留身份证(2017版)", "foreigner's permanent residence ID card (2017)"),
    FOREIGN_PERMANENT_2023('Y', "外国人永久居留身份证(2023版)", "foreigner's permanent residence ID card (2023)"),
    RESIDENCE_PERMIT('J', "港澳台居民居住证", "Hong Kong/Macao/Taiwan residents' residence permit");

    private final char flag;
    private final String zh;
    private final String en;

    CardType(char flag, String zh, String en) {
        this.flag = flag;
        this.zh = zh;
        this.en = en;
    }

    public char flag() { return flag; }
    public String zh() { return zh; }
    public String en() { return en; }

    /** The type for a flag character, or {@code null} for an unknown flag ("unsupported card type"). */
    public static CardType byFlag(char flag) {
        for (CardType t : values()) if (t.flag == flag) return t;
        return null;
    }
}
