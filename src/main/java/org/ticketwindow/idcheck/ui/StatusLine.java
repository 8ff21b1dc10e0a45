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
     * The last sync's time, a ZERO WIDTH NO-BREAK SPACE (U+FEFF, not drawn) after each colon: the line wraps at large
     * text, and java.text.BreakIterator (which JavaFX wraps lines with) allows a break after ':' ("17:42:" / "57"), not
     * before U+FEFF. RATIO (∶) also held, but the Chinese font draws it full width ("17 ∶ 42 ∶ 57").
     */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:'\uFEFF'mm:'\uFEFF'ss");

    public static StatusLine of(QueueStatus q, Messages m, ZoneId zone) {
        String oldest = q.queued() == 0 ? m.get("status.none") : m.get("status.minutes", q.oldestQueuedAgeSeconds() / 60);
        String last = q.lastSyncAt() == null ? m.get("status.never") : TIME.withZone(zone).format(q.lastSyncAt());
        String health = q.lastError() == null ? m.get("status.ok") : m.get("status.error", m.stored(q.lastError()));
        return new StatusLine(m.get("status.line", q.queued() + q.sending(), oldest, last, health),
                q.lastError() != null || q.warning(QueueStatus.DEFAULT_WARNING_AGE));
    }
}
