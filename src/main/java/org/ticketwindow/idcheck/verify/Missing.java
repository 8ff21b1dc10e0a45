package org.ticketwindow.idcheck.verify;

/** What the clerk must still obtain before the case can be decided. */
public enum Missing {
    DOCUMENT("请读取或录入证件", "read or enter the document"),
    SECOND_DOCUMENT("请读取第二张证件", "read the second document"),
    ENTRY_FIELDS("请补全录入的证件信息", "complete the entered document data"),
    EXTRA_FACTOR("请乘客提供附加信息", "ask the passenger for the extra factor"),
    CLERK_NAME_DECISION("请窗口人员核对姓名并确认", "the clerk must check the name and decide"),
    WEBSITE_CORRECTION("请乘客先在网站修改身份信息", "the passenger must first correct the website entry"),
    RECORD("请查询网站记录", "look up the website record");

    private final String zh;
    private final String en;

    Missing(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }
    public String en() { return en; }
}
