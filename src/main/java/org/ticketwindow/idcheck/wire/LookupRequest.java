package org.ticketwindow.idcheck.wire;

import org.ticketwindow.idcheck.identity.Masking;
import org.ticketwindow.idcheck.verify.DocumentType;

/** {@code POST /v1/lookup}: the records carrying one document (in the body, never in a URL that a proxy would log). */
public record LookupRequest(DocumentType documentType, String documentNumber) {
    @Override public String toString() { return "LookupRequest[" + documentType + " " + Masking.documentNumber(documentNumber) + "]"; }
}
