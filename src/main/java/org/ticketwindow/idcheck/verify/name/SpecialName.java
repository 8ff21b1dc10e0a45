package org.ticketwindow.idcheck.verify.name;

/** Why a card name is special (N6), which sends the case to a station window with an extra factor (V2). */
public enum SpecialName {
    OVERLONG("姓名超长", "over-long name"),
    RARE("含生僻字", "contains a rare character"),
    TRADITIONAL("含繁体字", "contains traditional characters");

    private final String zh;
    private final String en;

    SpecialName(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }
    public String en() { return en; }
}
