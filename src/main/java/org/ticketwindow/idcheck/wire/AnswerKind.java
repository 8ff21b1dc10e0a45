package org.ticketwindow.idcheck.wire;

/** The central's answer to one result (docs/sync.md S2–S4). */
public enum AnswerKind {
    /** Decided again by the rules and applied (possibly with no change, e.g. a refusal on record). */
    APPLIED(true),
    /**
     * A repeat of a result already applied or in conflict: the first answer is returned with it ({@code first}), nothing
     * is applied again. Settles only with its first answer ({@link ResultAnswer#settles()}).
     */
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

    /** True when an answer of this kind is definite on its own; see {@link ResultAnswer#settles()}. */
    public boolean settles() { return settles; }
}
