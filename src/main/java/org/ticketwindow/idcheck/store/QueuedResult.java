package org.ticketwindow.idcheck.store;

import java.time.Instant;

/** A result durably committed to the queue: what the clerk is shown as "recorded" (S1). */
public record QueuedResult(String id, String counterId, long sequence, Instant recordedAt) {}
