package org.ticketwindow.idcheck.verify;

/** Which slot of a case a document fills (two-document cases have two slots). */
public enum DocumentRole {
    HOLDER,
    PROXY,
    PRINCIPAL,
    REGISTERED_USER,
    CONTACT;
}
