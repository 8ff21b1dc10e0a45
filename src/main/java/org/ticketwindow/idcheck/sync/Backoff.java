package org.ticketwindow.idcheck.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (S4): before retry {@code n} (1-based) wait a uniformly random time between 0
 * and {@code min(cap, base × 2^(n-1))}. Counters that lost the central together do not come back together.
 * <p>
 * {@code n} counts the failures since the central last answered ({@link #next}, {@link #reset}): on a link where some
 * answers get through, the waits stay short instead of growing with every failure since the worker started.
 */
public final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;
    private int failures;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    public Duration ceiling(int retry) {
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        long ms = base.toMillis() << shift;
        return Duration.ofMillis(ms <= 0 ? cap.toMillis() : Math.min(cap.toMillis(), ms));
    }

    public Duration delay(int retry) {
        long ceiling = ceiling(retry).toMillis();
        return Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
    }

    /** Another failure: the wait before the next try. */
    public synchronized Duration next() {
        if (failures < Integer.MAX_VALUE) failures++;
        return delay(failures);
    }

    /** The central answered: the next failure waits as the first did. */
    public synchronized void reset() {
        failures = 0;
    }

    /** Failures since the central last answered. */
    public synchronized int failures() { return failures; }
}
