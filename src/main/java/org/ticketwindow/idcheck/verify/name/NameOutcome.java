package org.ticketwindow.idcheck.verify.name;

/** The four answers of the name comparison (docs/rules.md, name rules). */
public enum NameOutcome {
    EXACT, EQUIVALENT, MISMATCH,
    /** The console cannot decide (a rare character no dictionary covers): the clerk decides, and it is recorded. */
    NEEDS_CLERK
}
