package org.ticketwindow.idcheck.sync;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketwindow.idcheck.store.OutgoingResult;
import org.ticketwindow.idcheck.store.ResultQueue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Forwards the queue to the central (sync.md S2–S4): claims the oldest results in batches, in sequence order, and
 * settles each by its answer (applied, duplicate, conflict → synced; rejected, reused id → parked with the reason).
 * With no definite answer the batch goes back to the queue and the worker retries after exponential backoff with full
 * jitter and a cap (Failsafe); a batch the central refuses as a whole is resent one result at a time, so one bad
 * result parks and the others flow. Runs on its own daemon thread; shares nothing with the UI but the store.
 */
public final class SyncWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);

    private final ResultQueue queue;
    private final CentralClient client;
    private final SyncSettings settings;
    private final Backoff backoff;
    private final Semaphore nudges = new Semaphore(0);
    private volatile Thread thread;

    public SyncWorker(ResultQueue queue, CentralClient client, SyncSettings settings) {
        this.queue = queue;
        this.client = client;
        this.settings = settings;
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffCap(), new SecureRandom());
    }

    /** One drain without retrying: what {@code idcheck sync --once} does. */
    public SyncReport runOnce() {
        Tally t = new Tally();
        try {
            drain(t);
            return t.report(null);
        } catch (CentralUnavailableException e) { // the results went back to the queue with this error (retryLater)
            return t.report(e.getMessage());
        }
    }

    /** Starts the background worker: drains, retries with backoff while the central is away, waits for work. */
    public synchronized void start() {
        if (thread != null) return;
        RetryPolicy<Object> retry = RetryPolicy.builder()
                .handle(CentralUnavailableException.class)
                .withDelayFn(ctx -> backoff.next()) // counts failures since the last answer, not since start
                .withMaxAttempts(-1)
                .onRetryScheduled(e -> LOG.info("central unavailable ({}); retry {} in {} ms", e.getLastException().getMessage(),
                        e.getAttemptCount(), e.getDelay().toMillis()))
                .build();
        thread = Thread.ofPlatform().name("idcheck-sync").daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Failsafe.with(retry).run(() -> drain(new Tally()));
                    nudges.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                    nudges.drainPermits();
                } catch (InterruptedException e) {
                    return;
                } catch (FailsafeException e) {
                    if (e.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()) return;
                    LOG.error("sync worker: unexpected failure; continuing after a pause", e);
                    pause();
                } catch (RuntimeException e) {
                    LOG.error("sync worker: unexpected failure; continuing after a pause", e);
                    pause();
                }
            }
        });
    }

    private void pause() {
        try {
            Thread.sleep(settings.idlePoll().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A result was recorded: send it without waiting for the idle poll. */
    public void nudge() { nudges.release(); }

    @Override public synchronized void close() {
        Thread t = thread;
        thread = null;
        if (t == null) return;
        t.interrupt();
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends until the queue is empty; the last error is cleared only once the central has actually answered. Batches
     * go one at a time (the next is sent only after the central answered the previous one, so per-counter order
     * holds), but the local work is overlapped with the central's: the next batch is claimed while one is in flight,
     * and a batch's answers are written after the next batch has been sent.
     */
    private void drain(Tally t) throws CentralUnavailableException {
        List<OutgoingResult> inFlight = queue.claim(settings.batchSize());
        CentralClient.PendingBatch pending = inFlight.isEmpty() ? null : send(inFlight, t);
        // claimed (SENDING) and not yet settled: on any failure these go back to the queue, so none stays SENDING
        List<OutgoingResult> unsettled = inFlight;
        try {
            while (pending != null) {
                List<OutgoingResult> answered = inFlight;
                inFlight = queue.claim(settings.batchSize()); // the next batch, while the central works on this one
                unsettled = concat(answered, inFlight);
                List<ResultAnswer> answers = null;
                try {
                    answers = pending.answers().answers();
                } catch (CentralRefusedException e) {
                    LOG.warn("central refused a batch of {} (HTTP {}); sending them one at a time", answered.size(), e.status());
                    unsettled = inFlight;
                    oneByOne(answered, t); // settles, parks or requeues each itself
                }
                pending = inFlight.isEmpty() ? null : send(inFlight, t);
                if (answers != null) settle(answered, answers, t);
                unsettled = inFlight;
            }
        } catch (CentralUnavailableException | RuntimeException e) {
            requeue(unsettled, e instanceof CentralUnavailableException u ? u.getMessage() : "sync failed: " + e, t);
            throw e;
        }
        if (t.sent > t.requeued) queue.clearError();
    }

    private static List<OutgoingResult> concat(List<OutgoingResult> a, List<OutgoingResult> b) {
        List<OutgoingResult> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private CentralClient.PendingBatch send(List<OutgoingResult> batch, Tally t) {
        t.sent += batch.size();
        return client.send(batch.stream().map(OutgoingResult::body).toList());
    }

    private void oneByOne(List<OutgoingResult> batch, Tally t) throws CentralUnavailableException {
        for (int i = 0; i < batch.size(); i++) {
            OutgoingResult o = batch.get(i);
            try {
                settle(List.of(o), List.of(client.submitOne(o.id(), o.body())), t);
            } catch (CentralRefusedException e) {
                queue.park(List.of(new ResultQueue.Answered(o.id(), e.getMessage())));
                t.parked++;
            } catch (CentralUnavailableException e) {
                requeue(batch.subList(i, batch.size()), e.getMessage(), t);
                throw e;
            }
        }
    }

    private void requeue(List<OutgoingResult> batch, String error, Tally t) {
        if (batch.isEmpty()) return;
        queue.retryLater(batch.stream().map(OutgoingResult::id).toList(), error);
        t.requeued += batch.size();
    }

    private void settle(List<OutgoingResult> batch, List<ResultAnswer> answers, Tally t) {
        backoff.reset(); // the central answered: a later failure starts the backoff from its base again (S4)
        Map<String, ResultAnswer> byId = new HashMap<>();
        for (ResultAnswer a : answers) byId.put(a.resultId(), a);
        List<ResultQueue.Answered> synced = new ArrayList<>();
        List<ResultQueue.Answered> parked = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (OutgoingResult o : batch) {
            ResultAnswer a = byId.get(o.id());
            if (a == null) {
                unanswered.add(o.id());
            } else if (a.answer().settles()) {
                synced.add(new ResultQueue.Answered(o.id(), a.summary()));
            } else {
                parked.add(new ResultQueue.Answered(o.id(), a.summary()));
                LOG.warn("result {} parked: {}", o.id(), a.summary());
            }
        }
        queue.synced(synced);
        queue.park(parked);
        if (!unanswered.isEmpty()) queue.retryLater(unanswered, "the central's answer did not name " + unanswered.size() + " results");
        t.synced += synced.size();
        t.parked += parked.size();
        t.requeued += unanswered.size();
    }

    private static final class Tally {
        int sent;
        int synced;
        int parked;
        int requeued;

        SyncReport report(String error) { return new SyncReport(sent, synced, parked, requeued, error); }
    }
}
