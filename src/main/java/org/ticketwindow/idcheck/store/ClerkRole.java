package org.ticketwindow.idcheck.store;

/** Who may do what at the console. */
public enum ClerkRole {
    CLERK,
    AGENCY_OPERATOR,
    TECHNICIAN,
    SUPERVISOR;
}
