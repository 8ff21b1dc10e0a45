package org.ticketwindow.idcheck.wire;

import java.time.Instant;

/** {@code GET /v1/health}: the central is up; its clock (for the counter's clock-skew check). */
public record Health(String status, Instant time, String counterId) {}
