package org.ticketwindow.idcheck.reader;

import org.ticketwindow.idcheck.text.Texts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The one owner of a reader at a time. A reader's exchanges are sequences (find, select, read) that break when two
 * users mix them: the second user's find resets the first one's select, and a good card reads as "0x41 unreadable" —
 * a D3 refusal that tells a passenger to get a new card. So the reader itself is only reachable through a
 * {@link Lease}: {@link #acquire} blocks while another use holds it (or fails with {@link ReaderBusyException},
 * naming the holder), {@link Lease#close()} hands it back — after the holder's last exchange has finished — and a
 * lease's reader refuses every call once the lease is released, so a forgotten user cannot reach the device.
 * Handed out by {@code reader.connect.ReaderConnection} (the console, {@code read}, {@code calibrate}) and used by the workspace's
 * {@link ReaderLoop}, the technician screen's live log, SAM check and calibration, and the tuning's reopen.
 */
public final class ReaderOwnership implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReaderOwnership.class);
    /** How long {@link #close()} waits for the holder before closing the reader anyway (the console is shutting down). */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Object monitor = new Object();
    private CardReader reader; // guarded by monitor
    private Lease holder; // guarded by monitor
    private boolean closed; // guarded by monitor

    private ReaderOwnership(CardReader reader) {
        this.reader = Objects.requireNonNull(reader);
    }

    /** Takes the only reference to {@code reader} that its users need: from now on they go through leases. */
    public static ReaderOwnership of(CardReader reader) { return new ReaderOwnership(reader); }

    /** The reader's name (port, PC/SC name, simulator): a label, safe to ask without a lease. */
    public String name() {
        synchronized (monitor) { return reader.name(); }
    }

    /** The profile the reader runs with (changes when the tuning is saved): safe to ask without a lease. */
    public HardwareProfile profile() {
        synchronized (monitor) { return reader.profile(); }
    }

    /** Who holds the reader now, if anyone. */
    public Optional<ReaderUse> holder() {
        synchronized (monitor) { return holder == null ? Optional.empty() : Optional.of(holder.use); }
    }

    /**
     * The reader for {@code use}, waiting up to {@code wait} while another use holds it (zero: do not wait).
     *
     * @throws ReaderBusyException when it is still held after {@code wait}: nothing was sent to the reader
     * @throws IllegalStateException when the reader has been closed
     */
    public Lease acquire(ReaderUse use, Duration wait) throws ReaderBusyException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (monitor) {
            while (holder != null && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new ReaderBusyException(reader.name(), use, holder.use);
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
            return grant(use);
        }
    }

    /** The reader for {@code use}, waiting as long as another use holds it (the workspace's loop waits this way). */
    public Lease acquire(ReaderUse use) throws InterruptedException {
        synchronized (monitor) {
            while (holder != null && !closed) monitor.wait();
            return grant(use);
        }
    }

    private Lease grant(ReaderUse use) {
        if (closed) throw new IllegalStateException("reader " + reader.name() + " is closed");
        holder = new Lease(use);
        log.debug("reader {}: held by {}", reader.name(), use);
        return holder;
    }

    /** Closes the reader once its holder has let go (or after 5 s: the console is shutting down). */
    @Override public void close() {
        synchronized (monitor) {
            if (closed) return;
            long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
            boolean interrupted = false;
            while (holder != null && System.nanoTime() < deadline) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, deadline - System.nanoTime());
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
            }
            if (holder != null) log.warn("reader {} closed while {} still held it", reader.name(), holder.use);
            closed = true;
            monitor.notifyAll();
            reader.close();
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * One use's hold on the reader. {@link #reader()} is valid until {@link #close()}, which hands the reader back once
     * a call in progress (on any thread) has returned; closing twice is harmless.
     */
    public final class Lease implements AutoCloseable {
        private final ReaderUse use;
        private final CardReader view = new LeasedReader();
        private boolean released; // guarded by monitor
        private int calls; // guarded by monitor: calls into the reader in progress

        private Lease(ReaderUse use) { this.use = use; }

        public ReaderUse use() { return use; }

        /** The reader, for this lease only: every call after {@link #close()} throws instead of reaching the device. */
        public CardReader reader() { return view; }

        /** Whether this lease still holds the reader. */
        public boolean held() {
            synchronized (monitor) { return !released; }
        }

        /** Replaces the reader (the tuning reopens it with the new profile): the old one is closed. */
        public void replace(CardReader fresh) {
            Objects.requireNonNull(fresh);
            CardReader old;
            synchronized (monitor) {
                check();
                old = reader;
                reader = fresh;
            }
            old.close();
        }

        /** Hands the reader back, after any call in progress has returned. */
        @Override public void close() {
            synchronized (monitor) {
                if (released) return;
                released = true; // no new call starts from here
                boolean interrupted = false;
                while (calls > 0) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // the handover must still wait for the exchange to finish
                    }
                }
                if (holder == this) holder = null;
                monitor.notifyAll();
                log.debug("reader {}: released by {}", reader.name(), use);
                if (interrupted) Thread.currentThread().interrupt();
            }
        }

        private void check() {
            if (released) throw new IllegalStateException("the reader was used by " + Texts.english().of(use) + " after handing it back");
            if (closed) throw new IllegalStateException("reader " + reader.name() + " is closed");
        }

        private CardReader enter() {
            synchronized (monitor) {
                check();
                calls++;
                return reader;
            }
        }

        private void leave() {
            synchronized (monitor) {
                calls--;
                monitor.notifyAll();
            }
        }

        /** The reader as its holder sees it: each call checks the lease first. */
        private final class LeasedReader implements CardReader {
            @Override public String name() { return ReaderOwnership.this.name(); }

            @Override public HardwareProfile profile() { return ReaderOwnership.this.profile(); }

            @Override public ReadOutcome read() { return read(() -> { }); }

            @Override public ReadOutcome read(Runnable cardFound) {
                CardReader r = enter();
                try {
                    return r.read(cardFound);
                } finally {
                    leave();
                }
            }

            @Override public Presence presence() {
                CardReader r = enter();
                try {
                    return r.presence();
                } finally {
                    leave();
                }
            }

            @Override public SamHealth health() {
                CardReader r = enter();
                try {
                    return r.health();
                } finally {
                    leave();
                }
            }

            /** Drops the reader's link (it reopens on the next call); the ownership stays, and so does the lease. */
            @Override public void close() {
                CardReader r = enter();
                try {
                    r.close();
                } finally {
                    leave();
                }
            }
        }
    }
}
