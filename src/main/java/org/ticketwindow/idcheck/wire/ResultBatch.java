package org.ticketwindow.idcheck.wire;

import java.util.List;

/** {@code POST /v1/results}: results of one counter in sequence order. */
public record ResultBatch(List<ResultEnvelope> results) {
    public ResultBatch {
        results = List.copyOf(results);
    }
}
