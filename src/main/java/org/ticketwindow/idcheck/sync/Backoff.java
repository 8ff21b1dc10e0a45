package org.ticketwindow.idcheck.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (S4): before retry {@code n} (1-based) wait a uniformly random time between 0
 * and {@code min(cap, base × 2^(n-1))}. Counters that lost the central together do not come back together.
 */
public record Backoff(Duration base, Duration cap, RandomGenerator random) {

    public Duration ceiling(int retry) {
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        long ms = base.toMillis() << shift;
        return Duration.ofMillis(ms <= 0 ? cap.toMillis() : Math.min(cap.toMillis(), ms));
    }

    public Duration delay(int retry) {
        long ceiling = ceiling(retry).toMillis();
        return Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
    }
}
