package org.ticketwindow.idcheck.ui;

import org.ticketwindow.idcheck.store.QueueStatus;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The status line shown on every screen (docs/sync.md S5): results still to send, the oldest one's age, the last successful
 * sync and the last error; a warning when results wait too long, some are parked, or the last attempt failed.
 */
public record StatusLine(String text, boolean warning) {
    /**
     * The last sync's time, with RATIO (∶, U+2236) for the colons: the line wraps at large text, and a line break is
     * allowed after ':' ("17:42:" / "57"), not around '∶' (JavaFX breaks lines with java.text.BreakIterator).
     */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH'\u2236'mm'\u2236'ss");

    public static StatusLine of(QueueStatus q, Messages m, ZoneId zone) {
        String oldest = q.queued() == 0 ? m.get("status.none") : m.get("status.minutes", q.oldestQueuedAgeSeconds() / 60);
        String last = q.lastSyncAt() == null ? m.get("status.never") : TIME.withZone(zone).format(q.lastSyncAt());
        String health = q.lastError() == null ? m.get("status.ok") : m.get("status.error", m.stored(q.lastError()));
        return new StatusLine(m.get("status.line", q.queued() + q.sending(), oldest, last, health),
                q.lastError() != null || q.warning(QueueStatus.DEFAULT_WARNING_AGE));
    }
}
