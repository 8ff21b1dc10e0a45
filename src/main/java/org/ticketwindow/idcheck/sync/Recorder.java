package org.ticketwindow.idcheck.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.ticketwindow.idcheck.store.QueuedResult;
import org.ticketwindow.idcheck.store.ResultQueue;
import org.ticketwindow.idcheck.verify.Decision;
import org.ticketwindow.idcheck.verify.Evidence;
import org.ticketwindow.idcheck.verify.VerificationCase;
import org.ticketwindow.idcheck.wire.RecordBasis;
import org.ticketwindow.idcheck.wire.ResultEnvelope;
import org.ticketwindow.idcheck.wire.WireJson;

import java.util.List;

/**
 * Puts a decided case in the queue as its wire envelope: the store chooses the id, sequence and time, the evidence is
 * built from them (A1), and the result is on disk when this returns: only then may the clerk see "recorded" (S1).
 */
public final class Recorder {
    private final ResultQueue queue;
    private final String counterId;

    public Recorder(ResultQueue queue, String counterId) {
        this.queue = queue;
        this.counterId = counterId;
    }

    public QueuedResult record(String clerkId, VerificationCase c, Decision d, List<RecordBasis> basis) {
        if (!d.recordable()) throw new IllegalArgumentException("this decision is not recorded: " + d.outcome());
        return queue.record(counterId, clerkId, (id, sequence, at) -> {
            Evidence e = Evidence.of(counterId, clerkId, at, sequence, c, d);
            try {
                byte[] body = WireJson.mapper().writeValueAsBytes(new ResultEnvelope(id, counterId, sequence, e, basis));
                return new ResultQueue.Draft(body, c.kind().name(), d.outcome().name());
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("a result could not be serialised", ex);
            }
        });
    }

    public String counterId() { return counterId; }
}
