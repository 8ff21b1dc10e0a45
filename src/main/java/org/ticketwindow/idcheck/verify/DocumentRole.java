package org.ticketwindow.idcheck.verify;

/** Which slot of a case a document fills (two-document cases have two slots). */
public enum DocumentRole {
    HOLDER("本人证件", "holder's document"),
    PROXY("代办人证件", "proxy's document"),
    PRINCIPAL("委托人证件", "principal's document"),
    REGISTERED_USER("注册用户证件", "registered user's document"),
    CONTACT("联系人证件", "contact's document");

    private final String zh;
    private final String en;

    DocumentRole(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }
    public String en() { return en; }
}
