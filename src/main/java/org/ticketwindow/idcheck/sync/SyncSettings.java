package org.ticketwindow.idcheck.sync;

import java.time.Duration;

/**
 * Sync tuning: batch size, backoff (exponential with full jitter between {@code backoffBase} and {@code backoffCap},
 * S4), how often an idle worker looks at the queue, and the time limits of a request to the central, one per phase
 * (so a timeout says which one ran out): connecting, the TLS handshake, and the answer (a lookup's or a submission's).
 */
public record SyncSettings(int batchSize, Duration backoffBase, Duration backoffCap, Duration idlePoll,
                           Duration lookupTimeout, Duration submitTimeout, Duration connectTimeout, Duration handshakeTimeout) {
    public static final SyncSettings DEFAULT = new SyncSettings(500, Duration.ofSeconds(1), Duration.ofMinutes(5),
            Duration.ofSeconds(5), Duration.ofMillis(1500), Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofSeconds(10));

    public SyncSettings {
        if (batchSize < 1 || batchSize > 5000) throw new IllegalArgumentException("batch size must be 1 to 5000");
    }

    public SyncSettings withBatchSize(int n) {
        return new SyncSettings(n, backoffBase, backoffCap, idlePoll, lookupTimeout, submitTimeout, connectTimeout, handshakeTimeout);
    }

    public SyncSettings withBackoff(Duration base, Duration cap) {
        return new SyncSettings(batchSize, base, cap, idlePoll, lookupTimeout, submitTimeout, connectTimeout, handshakeTimeout);
    }

    /** The answer time limits: how long a lookup's and a submission's answer may take once connected. */
    public SyncSettings withAnswerTimeouts(Duration lookup, Duration submit) {
        return new SyncSettings(batchSize, backoffBase, backoffCap, idlePoll, lookup, submit, connectTimeout, handshakeTimeout);
    }

    public SyncSettings withConnectTimeouts(Duration connect, Duration handshake) {
        return new SyncSettings(batchSize, backoffBase, backoffCap, idlePoll, lookupTimeout, submitTimeout, connect, handshake);
    }
}
