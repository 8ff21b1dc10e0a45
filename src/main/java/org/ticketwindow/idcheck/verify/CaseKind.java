package org.ticketwindow.idcheck.verify;

/** The kinds of case a clerk opens (rules.md: V, X, L, P, DUP, T rules). */
public enum CaseKind {
    ON_SITE("本人核验", "on-site verification", true),
    PROXY("代办核验", "proxy verification", true),
    OVER_LIMIT_CONTACT("超限联系人(两证)", "over-limit contact (both ID cards)", true),
    PRE_VERIFICATION("护照/通行证预核验", "passport / permit pre-verification", true),
    DUPLICATE_CLAIM("身份信息重复", "duplicate-identity claim", true),
    TICKET_SERVICE("票务业务", "ticket services", false);

    private final String zh;
    private final String en;
    private final boolean verification;

    CaseKind(String zh, String en, boolean verification) {
        this.zh = zh;
        this.en = en;
        this.verification = verification;
    }

    public String zh() { return zh; }
    public String en() { return en; }

    /** True for the account verification cases, which need original documents (E3: no electronic proof). */
    public boolean isVerification() { return verification; }
}
