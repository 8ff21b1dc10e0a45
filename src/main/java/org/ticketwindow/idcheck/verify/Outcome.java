package org.ticketwindow.idcheck.verify;

/** What a case came to. */
public enum Outcome {
    PASSED("核验通过", "verified"),
    PRE_PASSED("预核验通过", "pre-verified"),
    FAILED("核验未通过", "not verified: the website entry differs"),
    CLAIM_RECORDED("已登记身份信息重复申诉", "duplicate-identity claim recorded"),
    /** Offline (or a factor only the central can check): evidence recorded, the central applies it. */
    PENDING_CENTRAL("已记录，待中心处理", "recorded; the central will apply it"),
    REFUSED("不予办理", "refused"),
    NOTHING_TO_DO("无需办理", "nothing to do"),
    /** The clerk chose a case that does not fit this record or document. */
    WRONG_CASE("业务类型不符", "wrong case for this record"),
    /** Something is still missing (see {@link Decision#missing()}). */
    NEEDS_MORE("尚缺材料", "something is still needed"),
    /** A ticket-service answer (T1–T5, E3). */
    SERVICES("可办理的票务业务", "ticket services available");

    private final String zh;
    private final String en;

    Outcome(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }
    public String en() { return en; }
}
