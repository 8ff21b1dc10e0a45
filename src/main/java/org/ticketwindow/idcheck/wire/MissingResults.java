package org.ticketwindow.idcheck.wire;

import java.util.List;

/**
 * {@code GET /v1/missing?upTo=N}: the central's answer to a counter that says it has synced every result up to its
 * sequence number N: the highest the central holds of that counter, and the ranges up to N it does not hold (a central
 * restored from a backup lost them, or they never arrived). The counter sends those again (issue 15, item 4). Sequence
 * numbers only: nothing personal.
 */
public record MissingResults(String counterId, long highest, List<Range> missing) {
    public MissingResults {
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /** Sequence numbers {@code from}..{@code to}, both included. */
    public record Range(long from, long to) {}
}
