package org.ticketwindow.idcheck.verify;

/** A record's verification status (核验状态) as the website shows it. */
public enum RecordStatus {
    PASSED,
    PENDING,
    FAILED,
    REPORT,
    PRE_PASSED;

    /** PASSED or PRE_PASSED: nothing to verify any more (V4). */
    public boolean isVerified() { return this == PASSED || this == PRE_PASSED; }

    /** L1: a contact in this status counts against its registered user's contact limit. */
    public boolean countsAgainstContactLimit() { return this == PASSED || this == REPORT || this == PRE_PASSED; }
}
