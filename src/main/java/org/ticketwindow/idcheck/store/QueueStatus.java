package org.ticketwindow.idcheck.store;

import java.time.Duration;
import java.time.Instant;

/**
 * What the console's status line shows (S5): counts by state, the age of the oldest unsynced result, the last
 * successful sync and the last error (null when none).
 */
public record QueueStatus(long queued, long sending, long parked, long synced, long oldestQueuedAgeSeconds,
                          Instant lastSyncAt, String lastError) {

    /** The default S5 warning: the oldest unsynced result has waited longer than this. */
    public static final Duration DEFAULT_WARNING_AGE = Duration.ofHours(4);

    /** True when the status line should warn: results wait too long, or some are parked. */
    public boolean warning(Duration oldestAllowed) {
        return oldestQueuedAgeSeconds > oldestAllowed.toSeconds() || parked > 0;
    }
}
