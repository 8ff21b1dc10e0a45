package org.ticketwindow.idcheck.verify;

/** What a case came to. */
public enum Outcome {
    PASSED,
    PRE_PASSED,
    FAILED,
    CLAIM_RECORDED,
    /** Offline (or a factor only the central can check): evidence recorded, the central applies it. */
    PENDING_CENTRAL,
    REFUSED,
    NOTHING_TO_DO,
    /** The clerk chose a case that does not fit this record or document. */
    WRONG_CASE,
    /** Something is still missing (see {@link Decision#missing()}). */
    NEEDS_MORE,
    /** A ticket-service answer (T1–T5, E3). */
    SERVICES;
}
