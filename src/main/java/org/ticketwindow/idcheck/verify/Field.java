package org.ticketwindow.idcheck.verify;

/** The identity fields compared with a record and frozen when it passes (V1: three; P1: four with nationality). */
public enum Field {
    NAME,
    DOCUMENT_TYPE,
    DOCUMENT_NUMBER,
    NATIONALITY;
}
