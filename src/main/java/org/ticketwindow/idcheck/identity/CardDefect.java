package org.ticketwindow.idcheck.identity;

/**
 * A reason a card that did read is refused (rule D5) or must be refused as out of date (rule D1). Each reason has
 * a clerk text and a passenger text; the passenger text of a suspect card sends them to the issuing authority.
 */
public record CardDefect(Kind kind, String detailZh, String detailEn) {

    public enum Kind {
        ID_NUMBER, GENDER_PARITY, BIRTH_DATE, BIRTH_DATE_MISMATCH, VALIDITY_DATES, EXPIRED, NOT_YET_VALID
    }

    /**
     * The defect with its standard text, for the kinds whose text says all there is (an ID number defect carries
     * its own, see {@link CardChecks#number}).
     */
    public static CardDefect of(Kind kind) {
        return switch (kind) {
            case ID_NUMBER -> new CardDefect(kind, "证件号码校验未通过", "the document number failed its checks");
            case GENDER_PARITY -> new CardDefect(kind, "号码顺序码的性别与证件性别不符",
                    "the gender digit of the number does not match the card's gender");
            case BIRTH_DATE -> new CardDefect(kind, "证件上的出生日期无效", "the card's birth date is not a valid date");
            case BIRTH_DATE_MISMATCH -> new CardDefect(kind, "号码中的出生日期与证件出生日期不符",
                    "the birth date inside the number differs from the card's birth date");
            case VALIDITY_DATES -> new CardDefect(kind, "证件有效期限日期无效", "the card's validity dates are not valid");
            case EXPIRED -> new CardDefect(kind, "证件已过有效期", "the card has expired");
            case NOT_YET_VALID -> new CardDefect(kind, "证件尚未生效", "the card is not valid yet");
        };
    }

    /** True for a defect that suggests a forged or damaged card (D5) rather than an out-of-date one (D1). */
    public boolean suspectCard() { return kind != Kind.EXPIRED && kind != Kind.NOT_YET_VALID; }

    @Override public String toString() { return kind + ": " + detailEn; }
}
