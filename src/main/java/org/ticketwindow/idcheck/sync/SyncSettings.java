package org.ticketwindow.idcheck.sync;

import java.time.Duration;

/**
 * Sync tuning: batch size, backoff (exponential with full jitter between {@code backoffBase} and {@code backoffCap},
 * S4), how often an idle worker looks at the queue, and the request timeouts.
 */
public record SyncSettings(int batchSize, Duration backoffBase, Duration backoffCap, Duration idlePoll,
                           Duration lookupTimeout, Duration submitTimeout) {
    public static final SyncSettings DEFAULT = new SyncSettings(500, Duration.ofSeconds(1), Duration.ofMinutes(5),
            Duration.ofSeconds(5), Duration.ofMillis(1500), Duration.ofSeconds(30));

    public SyncSettings {
        if (batchSize < 1 || batchSize > 5000) throw new IllegalArgumentException("batch size must be 1 to 5000");
    }

    public SyncSettings withBatchSize(int n) {
        return new SyncSettings(n, backoffBase, backoffCap, idlePoll, lookupTimeout, submitTimeout);
    }

    public SyncSettings withBackoff(Duration base, Duration cap) {
        return new SyncSettings(batchSize, base, cap, idlePoll, lookupTimeout, submitTimeout);
    }
}
