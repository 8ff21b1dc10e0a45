package org.ticketwindow.idcheck.wire;

import org.ticketwindow.idcheck.verify.Evidence;

import java.util.List;
import java.util.Objects;

/**
 * One result on the wire (and, encrypted, in the queue): its id (UUIDv7, the idempotency key), the counter and its
 * sequence number (S3), the evidence (A1 exactly, S7) and the records the decision was based on (empty offline).
 */
public record ResultEnvelope(String resultId, String counterId, long sequence, Evidence evidence, List<RecordBasis> basis) {
    public ResultEnvelope {
        Objects.requireNonNull(resultId, "resultId");
        Objects.requireNonNull(counterId, "counterId");
        Objects.requireNonNull(evidence, "evidence");
        basis = basis == null ? List.of() : List.copyOf(basis);
    }

    @Override public String toString() { return "ResultEnvelope[" + resultId + ", " + counterId + " #" + sequence + "]"; }
}
