package org.ticketwindow.idcheck.etp;

/**
 * Why a proof is refused, in the order of the checks of docs/etp.md. Every refusal carries the advice of E5.
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
}
