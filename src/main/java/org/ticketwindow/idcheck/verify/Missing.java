package org.ticketwindow.idcheck.verify;

/** What the clerk must still obtain before the case can be decided. */
public enum Missing {
    DOCUMENT,
    SECOND_DOCUMENT,
    ENTRY_FIELDS,
    EXTRA_FACTOR,
    CLERK_NAME_DECISION,
    WEBSITE_CORRECTION,
    RECORD;
}
