package org.ticketwindow.idcheck.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * An accepted electronic temporary travel identity proof (电子临时乘车身份证明): the identity of a resident ID card
 * holder, marked as coming from a proof rather than a card read. Rule E3: it serves ticket services only, never an
 * account verification. Masked in {@code toString()} (PD1).
 */
public record ElectronicProof(String proofId, PersonName name, IdNumber idNumber, Instant issuedAt, Instant validUntil,
                             String issuerKeyId) {
    public ElectronicProof {
        Objects.requireNonNull(proofId, "proofId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(issuerKeyId, "issuerKeyId");
    }

    @Override public String toString() {
        return "ElectronicProof[name=" + name.masked() + ", idNumber=" + idNumber.masked() + ", validUntil=" + validUntil
                + ", kid=" + issuerKeyId + "]";
    }
}
