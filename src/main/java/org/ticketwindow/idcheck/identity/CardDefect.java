package org.ticketwindow.idcheck.identity;

/**
 * A reason a card that did read is refused (rule D5) or must be refused as out of date (rule D1). Each reason has
 * a clerk text and a passenger text; the passenger text of a suspect card sends them to the issuing authority.
 */
public record CardDefect(Kind kind, String detailZh, String detailEn) {

    public enum Kind {
        ID_NUMBER, GENDER_PARITY, BIRTH_DATE, BIRTH_DATE_MISMATCH, VALIDITY_DATES, EXPIRED, NOT_YET_VALID
    }

    /** True for a defect that suggests a forged or damaged card (D5) rather than an out-of-date one (D1). */
    public boolean suspectCard() { return kind != Kind.EXPIRED && kind != Kind.NOT_YET_VALID; }

    @Override public String toString() { return kind + ": " + detailEn; }
}
