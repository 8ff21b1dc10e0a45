package org.ticketwindow.idcheck.reader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Drives one reader on its own thread (drivers are not thread-safe): polls for a card at the profile's interval,
 * reports each outcome once, then waits until the card is taken away; on a device fault it backs off and keeps
 * trying, so a replugged reader recovers without a restart. The loop holds the reader's {@link ReaderOwnership} lease
 * while it runs: it starts reading only once the previous holder (a calibration, say) has handed the reader back, and
 * hands it back itself when closed, after its last exchange.
 */
public final class ReaderLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReaderLoop.class);
    private static final Duration MAX_FAULT_BACKOFF = Duration.ofSeconds(2);

    private final ReaderOwnership ownership;
    private final ReaderUse use;
    private final String name;
    private final Consumer<ReaderEvent> listener;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    public ReaderLoop(ReaderOwnership ownership, ReaderUse use, Consumer<ReaderEvent> listener) {
        this.ownership = Objects.requireNonNull(ownership);
        this.use = Objects.requireNonNull(use);
        this.name = ownership.name();
        this.listener = Objects.requireNonNull(listener);
        this.thread = Thread.ofPlatform().name("reader-" + name).daemon().unstarted(this::run);
    }

    public ReaderLoop start() {
        thread.start();
        return this;
    }

    private void run() {
        try (ReaderOwnership.Lease lease = ownership.acquire(use)) {
            CardReader reader = lease.reader();
            try {
                poll(reader);
            } finally {
                reader.close(); // the link is dropped before the reader is handed on; the next holder reopens it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed while waiting for the reader, or while sleeping
        } catch (RuntimeException e) {
            log.error("reader loop on {} stopped", name, e);
        } finally {
            stopped.countDown();
        }
    }

    private void poll(CardReader reader) throws InterruptedException {
        Duration poll = reader.profile().pollInterval();
        boolean faulted = false;
        boolean awaitingRemoval = false;
        Duration backoff = poll;
        while (running) {
            if (awaitingRemoval) {
                Presence p = reader.presence();
                if (p == Presence.ABSENT) {
                    awaitingRemoval = false;
                    emit(new ReaderEvent.CardRemoved(name));
                    continue;
                }
                sleep(poll);
                continue;
            }
            boolean[] reading = {false};
            ReadOutcome outcome = reader.read(() -> {
                reading[0] = true;
                emit(new ReaderEvent.Reading(name));
            });
            switch (outcome) {
                case ReadOutcome.DeviceFault fault -> {
                    if (!faulted) emit(new ReaderEvent.Fault(name, fault));
                    faulted = true;
                    sleep(backoff);
                    backoff = min(backoff.multipliedBy(2), MAX_FAULT_BACKOFF);
                    continue;
                }
                case ReadOutcome.NoCard gone -> {
                    // "reading" was said: the screen must not stay on it (a card moved away mid-read says so)
                    if (reading[0] || gone.removedDuringRead()) emit(new ReaderEvent.CardOutcome(name, gone));
                }
                default -> {
                    if (faulted) emit(new ReaderEvent.Recovered(name));
                    faulted = false;
                    emit(new ReaderEvent.CardOutcome(name, outcome));
                    awaitingRemoval = true;
                    continue;
                }
            }
            if (faulted) {
                faulted = false;
                emit(new ReaderEvent.Recovered(name));
            }
            backoff = poll;
            sleep(poll);
        }
    }

    private void emit(ReaderEvent event) {
        // a read cut short by close() (its exchange is interrupted) is not a device fault: nothing after close is reported
        if (!running) return;
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            log.error("reader event listener failed on {}", event.getClass().getSimpleName(), e);
        }
    }

    private static Duration min(Duration a, Duration b) { return a.compareTo(b) <= 0 ? a : b; }

    private static void sleep(Duration d) throws InterruptedException { Thread.sleep(d); }

    /**
     * Stops the loop and waits (up to 5 s) until it has handed the reader back. A loop that has not stopped by then
     * still holds the lease: the next user waits for it rather than reading alongside it.
     */
    @Override public void close() {
        running = false;
        thread.interrupt();
        try {
            String threadName = thread.getName();
            if (!stopped.await(5, TimeUnit.SECONDS)) log.warn("reader thread {} did not stop in 5 s", threadName);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
