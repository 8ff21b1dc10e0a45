package org.ticketwindow.idcheck.etp;

import org.ticketwindow.idcheck.identity.Masking;

/** The signed JSON of a proof (docs/etp.md): issuer key id, proof id, document type, name, ID number, times. */
public record EtpPayload(String kid, String pid, String doc, String name, String idn, long iat, long qrt) {
    @Override public String toString() {
        return "EtpPayload[kid=" + kid + ", pid=" + pid + ", doc=" + doc + ", name=" + Masking.name(name) + ", idn="
                + Masking.documentNumber(idn) + ", iat=" + iat + ", qrt=" + qrt + "]";
    }
}
