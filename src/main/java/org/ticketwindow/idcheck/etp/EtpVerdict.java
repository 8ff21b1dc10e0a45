package org.ticketwindow.idcheck.etp;

import org.ticketwindow.idcheck.identity.ElectronicProof;

/** The result of checking a proof: accepted with the identity it proves (E3: ticket services only), or refused. */
public sealed interface EtpVerdict {
    record Accepted(ElectronicProof proof) implements EtpVerdict {}

    /** {@code detail} says which check failed, in English, without personal data. */
    record Refused(EtpRefusal reason, String detail) implements EtpVerdict {}
}
