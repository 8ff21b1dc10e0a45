package org.ticketwindow.idcheck.etp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;

/** Signs proofs as an issuer would, for training and tests ({@code idcheck etp issue}). */
public final class EtpIssuer {
    private final IssuerKey key;

    public EtpIssuer(IssuerKey key) { this.key = key; }

    /** The QR text of a proof; {@code payload.kid()} is replaced by this key's id. */
    public String issue(EtpPayload payload) {
        EtpPayload p = new EtpPayload(key.kid(), payload.pid(), payload.doc(), payload.name(), payload.idn(),
                payload.iat(), payload.qrt());
        String signed = EtpText.signedPart(p);
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key.privateKey());
            s.update(signed.getBytes(StandardCharsets.US_ASCII));
            return EtpText.join(signed, s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
