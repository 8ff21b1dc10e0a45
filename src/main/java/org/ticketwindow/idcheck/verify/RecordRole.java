package org.ticketwindow.idcheck.verify;

/** Whose record it is: the 12306 account holder (注册用户) or a passenger saved under it (常用联系人). */
public enum RecordRole {
    REGISTERED_USER("注册用户", "registered user"),
    CONTACT("常用联系人", "contact");

    private final String zh;
    private final String en;

    RecordRole(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }
    public String en() { return en; }
}
