package org.ticketwindow.idcheck.store;

/** Where a result is on its way to the central. */
public enum ResultState {
    /** Committed, waiting to be sent. */
    QUEUED,
    /** In a batch on the wire; back to QUEUED if the process stops before the answer (at-least-once, S2). */
    SENDING,
    /** The central gave a definite answer (applied, duplicate or conflict). */
    SYNCED,
    /** Set aside with its reason (rejected, or unreadable here); the rest flow (S4). A supervisor can retry it. */
    PARKED
}
