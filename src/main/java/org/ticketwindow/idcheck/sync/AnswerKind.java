package org.ticketwindow.idcheck.sync;

/** The central's answer to one result (docs/sync.md S2–S4). */
public enum AnswerKind {
    /** Decided again by the rules and applied (possibly with no change, e.g. a refusal on record). */
    APPLIED(true),
    /** A repeat of a result already answered: the first answer is returned, nothing is applied again. */
    DUPLICATE(true),
    /** A record the decision was based on changed since the counter looked: not applied; the clerk re-checks. */
    CONFLICT(true),
    /** Not applicable as sent (reason given): parked at the counter for the supervisor. */
    REJECTED(false),
    /** The result id was already used with a different body (HTTP 409): never applied, parked. */
    REUSED_ID(false);

    private final boolean settles;

    AnswerKind(boolean settles) {
        this.settles = settles;
    }

    /** True when the result is done with (synced); false when it is parked at the counter. */
    public boolean settles() { return settles; }
}
