package org.ticketwindow.idcheck.sync;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketwindow.idcheck.store.OutgoingResult;
import org.ticketwindow.idcheck.store.ResultQueue;
import org.ticketwindow.idcheck.store.StoreException;
import org.ticketwindow.idcheck.wire.MissingResults;
import org.ticketwindow.idcheck.wire.ResultAnswer;
import org.ticketwindow.idcheck.text.Text;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Forwards the queue to the central (docs/sync.md S2–S4): claims the oldest results in batches, in sequence order, and
 * settles each by its answer (applied, duplicate, conflict → synced; rejected, reused id → parked with the reason).
 * With no definite answer the batch goes back to the queue and the worker retries after exponential backoff with full
 * jitter and a cap (Failsafe); a batch the central refuses as a whole is resent one result at a time, so one bad
 * result parks and the others flow; a result the central keeps failing on is isolated and parked. When an answer
 * reports sequence numbers missing that this counter had synced (the central was restored from a backup), those are
 * sent again. Runs on its own daemon thread; shares nothing with the UI but the store.
 */
public final class SyncWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);
    /**
     * Strikes before a result is parked as one the central cannot take. Eight: on a link that loses a third of the
     * exchanges, a sound result fails alone while its neighbour gets through with odds of about 0.25 per round, so
     * eight rounds in a row is about 1 in 65,000.
     */
    static final int POISON_STRIKES = 8;

    private final ResultQueue queue;
    private final CentralClient client;
    private final SyncSettings settings;
    private final Backoff backoff;
    private final Semaphore nudges = new Semaphore(0);
    /** Failures of one result sent alone while the central answered others (only the worker's thread uses it). */
    private final Map<String, Integer> strikes = new HashMap<>();
    private volatile Thread thread;
    /**
     * How often an idle worker asks the central what it lacks: a central restored from a backup has lost what was
     * synced after it, and a counter with nothing new to send would otherwise never learn of it (issue 15, item 4).
     */
    static final java.time.Duration RECONCILE_EVERY = java.time.Duration.ofMinutes(10);
    private long lastReconciled = System.nanoTime() - RECONCILE_EVERY.toNanos() - 1; // once at start

    public SyncWorker(ResultQueue queue, CentralClient client, SyncSettings settings) {
        this.queue = queue;
        this.client = client;
        this.settings = settings;
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffCap(), new SecureRandom());
    }

    /**
     * One drain without retrying: what {@code idcheck sync --once} does. It also asks the central what it lacks of
     * what was synced (a central restored from a backup) and sends that again.
     */
    public SyncReport runOnce() {
        Tally t = new Tally();
        try {
            drain(t);
            if (reconcile()) drain(t);
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
                    if (System.nanoTime() - lastReconciled > RECONCILE_EVERY.toNanos()) {
                        lastReconciled = System.nanoTime();
                        if (reconcile()) continue; // results to send again: drain at once
                    }
                    nudges.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                    nudges.drainPermits();
                } catch (InterruptedException e) {
                    return;
                } catch (FailsafeException e) {
                    if (e.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()) return;
                    if (e.getCause() instanceof StoreException s) {
                        LOG.warn("sync worker: the local store is unavailable ({}); retrying after a pause", s.getMessage());
                        pause();
                        continue;
                    }
                    LOG.error("sync worker: unexpected failure; continuing after a pause", e);
                    pause();
                } catch (StoreException e) {
                    // the store is locked or full: one line, the status line says it too; no stack trace for an outage
                    LOG.warn("sync worker: the local store is unavailable ({}); retrying after a pause", e.getMessage());
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

    /** Sends until the queue is empty; the last error is cleared only once the central has actually answered. */
    private void drain(Tally t) throws CentralUnavailableException {
        while (true) {
            List<OutgoingResult> batch = queue.claim(settings.batchSize());
            if (batch.isEmpty()) break;
            if (batch.stream().anyMatch(o -> o.attempts() > 1)) {
                isolate(batch, t); // sent before without an answer: one at a time, so a result the central fails on is found
            } else {
                pipelined(batch, t);
            }
        }
        if (t.sent > t.requeued) queue.clearError();
    }

    /**
     * Sends until the queue is empty, batches one at a time (the next is sent only after the central answered the
     * previous one, so per-counter order holds), but the local work is overlapped with the central's: the next batch is
     * claimed while one is in flight, and a batch's answers are written after the next batch has been sent.
     */
    private void pipelined(List<OutgoingResult> first, Tally t) throws CentralUnavailableException {
        List<OutgoingResult> inFlight = first;
        CentralClient.PendingBatch pending = send(inFlight, t);
        long sentAt = System.nanoTime();
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
                    // the batch's round trip as the counter sees it (src/jmh/scripts/fleet.sh reads these)
                    LOG.debug("batch of {} answered in {} ms", answered.size(), (System.nanoTime() - sentAt) / 1_000_000);
                } catch (CentralRefusedException e) {
                    LOG.warn("central refused a batch of {} (HTTP {}); sending them one at a time", answered.size(), e.status());
                    unsettled = inFlight;
                    oneByOne(answered, t); // settles, parks or requeues each itself
                }
                pending = inFlight.isEmpty() ? null : send(inFlight, t);
                sentAt = System.nanoTime();
                if (answers != null) settle(answered, answers, t);
                unsettled = inFlight;
            }
        } catch (CentralUnavailableException | RuntimeException e) {
            requeue(unsettled, e instanceof CentralUnavailableException u ? u.text() : Text.of("sync.failed", String.valueOf(e)), t);
            throw e;
        }
    }

    /**
     * Results that were sent before without a definite answer go one at a time. One that gets no answer while the
     * central answers the next result (or its health check, when it is the last) earns a strike: the central fails on
     * that result itself, not on the link. At {@link #POISON_STRIKES} it is parked with the reason, so one bad result
     * never blocks the queue (S4). Two failures in a row mean the central or the link is away: everything goes back to
     * the queue and the worker backs off. Strikes live in memory: a restart gives a suspect a fresh count.
     */
    private void isolate(List<OutgoingResult> batch, Tally t) throws CentralUnavailableException {
        OutgoingResult failed = null;
        CentralUnavailableException failure = null;
        for (int i = 0; i < batch.size(); i++) {
            OutgoingResult o = batch.get(i);
            t.sent++;
            try {
                try {
                    settle(List.of(o), List.of(client.submitOne(o.id(), o.body())), t);
                } catch (CentralRefusedException e) {
                    queue.park(List.of(new ResultQueue.Answered(o.id(), Text.of("sync.refused", e.getMessage()).stored())));
                    t.parked++;
                }
                strikes.remove(o.id());
                if (failed != null) strike(failed, failure, t); // the central answers others: that failure was the result's own
                failed = null;
            } catch (CentralUnavailableException e) {
                if (failed != null) {
                    List<OutgoingResult> back = new ArrayList<>(batch.subList(i, batch.size()));
                    back.add(failed);
                    requeue(back, e.text(), t);
                    throw e;
                }
                failed = o;
                failure = e;
            }
        }
        if (failed == null) return;
        try {
            client.health(); // nothing sent after it: does the central answer at all?
        } catch (CentralUnavailableException | CentralRefusedException e) {
            requeue(List.of(failed), failure.text(), t);
            throw failure;
        }
        strike(failed, failure, t);
    }

    private void strike(OutgoingResult o, CentralUnavailableException e, Tally t) {
        int n = strikes.merge(o.id(), 1, Integer::sum);
        if (n < POISON_STRIKES) {
            requeue(List.of(o), e.text(), t);
            return;
        }
        strikes.remove(o.id());
        String reason = "the central failed on this result " + n + " times while it answered others (" + e.getMessage()
                + "); parked so the queue flows";
        queue.park(List.of(new ResultQueue.Answered(o.id(), Text.of("sync.poison", n, e.getMessage()).stored())));
        t.parked++;
        LOG.warn("result {} parked: {}", o.id(), reason);
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
                queue.park(List.of(new ResultQueue.Answered(o.id(), Text.of("sync.refused", e.getMessage()).stored())));
                t.parked++;
            } catch (CentralUnavailableException e) {
                requeue(batch.subList(i, batch.size()), e.text(), t);
                throw e;
            }
        }
    }

    /** Back to the queue with the error as a stored text, so the queue and status line show it in the clerk's language. */
    private void requeue(List<OutgoingResult> batch, Text error, Tally t) {
        if (batch.isEmpty()) return;
        queue.retryLater(batch.stream().map(OutgoingResult::id).toList(), error.stored());
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
            } else if (a.settles()) {
                synced.add(new ResultQueue.Answered(o.id(), a.text().stored()));
            } else {
                parked.add(new ResultQueue.Answered(o.id(), a.text().stored()));
                LOG.warn("result {} parked: {}", o.id(), a.summary());
            }
        }
        queue.synced(synced);
        queue.park(parked);
        for (OutgoingResult o : batch) {
            ResultAnswer a = byId.get(o.id());
            if (a != null && a.gapFrom() > 0 && !a.reordered()) resendMissing(o.counterId(), a.gapFrom(), a.gapTo());
        }
        if (!unanswered.isEmpty()) queue.retryLater(unanswered, "the central's answer did not name " + unanswered.size() + " results");
        t.synced += synced.size();
        t.parked += parked.size();
        t.requeued += unanswered.size();
    }

    /**
     * Tells the central the highest sequence this counter has synced and queues again what it says it lacks. True when
     * something was queued. A central that cannot be reached is asked again next time; nothing is lost meanwhile.
     */
    private boolean reconcile() {
        var highest = queue.highestSynced();
        if (highest.isEmpty()) return false;
        try {
            MissingResults m = client.missing(highest.get().getKey(), highest.get().getValue());
            boolean queued = false;
            for (MissingResults.Range r : m.missing()) queued |= resendMissing(highest.get().getKey(), r.from(), r.to());
            return queued;
        } catch (CentralUnavailableException | CentralRefusedException e) {
            LOG.info("could not ask the central what it lacks ({}); asking again later", e.getMessage());
            return false;
        }
    }

    /**
     * The central's answer names sequence numbers it lacks before this result. Those this counter had synced were lost
     * at the central (restored from a backup): they are queued again and go out in this drain (issue 15, item 4).
     */
    private boolean resendMissing(String counterId, long from, long to) {
        ResultQueue.Resent r = queue.resend(counterId, from, to);
        if (r.queued() > 0 || r.purged() > 0) {
            LOG.warn("the central lacks {} #{}–#{}: {} synced results sent again, {} already purged (retention)", counterId,
                    from, to, r.queued(), r.purged());
        }
        return r.queued() > 0;
    }

    private static final class Tally {
        int sent;
        int synced;
        int parked;
        int requeued;

        SyncReport report(String error) { return new SyncReport(sent, synced, parked, requeued, error); }
    }
}
