package org.ticketwindow.idcheck.verify;

/** The clerk's decision on a name the console cannot decide (NEEDS_CLERK); recorded with the result. */
public enum ClerkNameDecision {
    ACCEPTED, REJECTED
}
