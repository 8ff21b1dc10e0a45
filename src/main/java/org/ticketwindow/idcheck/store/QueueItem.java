package org.ticketwindow.idcheck.store;

import java.time.Instant;

/** One row of the queue view (supervisor, technician): no personal data, so nothing to mask. */
public record QueueItem(String id, String counterId, long sequence, ResultState state, int attempts, String lastError,
                        String caseKind, String outcome, Instant recordedAt, String answer, boolean purged) {}
