package org.ticketwindow.idcheck.verify;

/**
 * The extra factor as a check result (A1: the digits themselves are not stored in clear). {@code digest} is set only
 * when {@link Status#DEFERRED}: the central checks it. {@code attempts} is how many well-formed values the passenger
 * gave at the counter (RD-42: at most three); it is evidence only, never read by the rules, so a decision's check
 * carries 0 and the recorded one the counter's count ({@link Evidence#of}). 0 also in a result recorded before the
 * count was kept (queued bodies without the key; hence an {@code Integer}, never null once built).
 */
public record ExtraFactorCheck(Status status, ExtraFactorKind kind, String digest, Integer attempts) {

    public enum Status {
        NOT_REQUIRED("无需附加信息", "no extra factor needed"),
        MATCHED("附加信息一致", "extra factor matches"),
        NOT_MATCHED("附加信息不一致", "extra factor does not match"),
        /** Carried as a salted hash: the central checks it when the result arrives. */
        DEFERRED("附加信息待中心核对", "extra factor to be checked by the central"),
        MISSING("需要附加信息", "extra factor needed"),
        /** Over the contact limit: the registered user's own card was read, which is the contact's extra factor. */
        SHOWN_BY_DOCUMENT("已读取注册用户身份证", "registered user's ID card read");

        private final String zh;
        private final String en;

        Status(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() { return zh; }
        public String en() { return en; }
    }

    public ExtraFactorCheck {
        attempts = attempts == null ? 0 : attempts; // a result recorded before the count was kept has none
        if (attempts < 0) throw new IllegalArgumentException("attempts < 0: " + attempts);
    }

    /** A check as the rules make it: the rules do not count attempts. */
    public ExtraFactorCheck(Status status, ExtraFactorKind kind, String digest) { this(status, kind, digest, 0); }

    public static final ExtraFactorCheck NOT_REQUIRED = new ExtraFactorCheck(Status.NOT_REQUIRED, null, null);
    public static final ExtraFactorCheck MISSING = new ExtraFactorCheck(Status.MISSING, null, null);

    public static ExtraFactorCheck of(Status s, ExtraFactorKind kind) { return new ExtraFactorCheck(s, kind, null); }

    /** The same check, recorded with how many values the passenger gave (RD-42). */
    public ExtraFactorCheck withAttempts(int n) {
        return n == attempts ? this : new ExtraFactorCheck(status, kind, digest, n);
    }
}
