package org.ticketwindow.idcheck.verify;

/** A record's verification status (核验状态) as the website shows it. */
public enum RecordStatus {
    PASSED("已通过", "passed"),
    PENDING("待核验", "pending verification"),
    FAILED("未通过", "failed"),
    REPORT("请报验", "report for pre-verification"),
    PRE_PASSED("预通过", "pre-verified");

    private final String zh;
    private final String en;

    RecordStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }
    public String en() { return en; }

    /** PASSED or PRE_PASSED: nothing to verify any more (V4). */
    public boolean isVerified() { return this == PASSED || this == PRE_PASSED; }
}
