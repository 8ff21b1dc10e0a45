package org.ticketwindow.idcheck.etp;

/**
 * Why a proof is refused, in the order of the checks of docs/etp.md. A refusal of the proof itself carries the advice
 * of E5 (the station police desk's paper proof); one the passenger or the counter can mend at once does not
 * ({@link #sendsToPoliceDesk()}).
 * {@link #ISSUED_IN_FUTURE} is ours (the spec's step 4 names no reason for {@code iat > now + skew}): it points the
 * clerk at the counter's clock, see docs/rules-decisions.md.
 */
public enum EtpRefusal {
    UNREADABLE,
    UNKNOWN_ISSUER,
    BAD_SIGNATURE,
    WRONG_DOCUMENT_TYPE,
    EXPIRED,
    ISSUED_IN_FUTURE,
    STALE_CODE,
    INVALID_ID_NUMBER;

    /**
     * Whether the passenger is sent to the police desk (E5): not for a code older than 60 s (refreshed on the phone, it
     * is shown again), a scan that could not be read (shown again), or an issue time ahead of this counter's clock (the
     * counter's fault). A walk-through saw "refresh the code" and "go to the police desk" in one sentence.
     */
    public boolean sendsToPoliceDesk() {
        return this != STALE_CODE && this != UNREADABLE && this != ISSUED_IN_FUTURE;
    }
}
