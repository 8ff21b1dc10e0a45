package org.ticketwindow.idcheck.wire;

import java.time.Instant;

/**
 * {@code GET /v1/health}: the central is up; its clock (for the counter's clock-skew check); the instance's database
 * connections (for its operator and load balancer; null from a central that does not report them).
 */
public record Health(String status, Instant time, String counterId, Pool pool) {

    /** Connections in use, idle, requests waiting for one, and the most the instance opens (SQLite: one). */
    public record Pool(int active, int idle, int waiting, int max) {}
}
