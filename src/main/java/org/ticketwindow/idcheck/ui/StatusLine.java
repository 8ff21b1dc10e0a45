package org.ticketwindow.idcheck.ui;

import org.ticketwindow.idcheck.store.QueueStatus;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The status line shown on every screen (docs/sync.md S5): results still to send, the oldest one's age, the last successful
 * sync and the last error; a warning when results wait too long, some are parked, or the last attempt failed.
 */
public record StatusLine(String text, boolean warning) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public static StatusLine of(QueueStatus q, Messages m, ZoneId zone) {
        String oldest = q.queued() == 0 ? m.get("status.none") : m.get("status.minutes", q.oldestQueuedAgeSeconds() / 60);
        String last = q.lastSyncAt() == null ? m.get("status.never") : TIME.withZone(zone).format(q.lastSyncAt());
        String health = q.lastError() == null ? whole(m.get("status.ok"), m) : m.get("status.error", m.stored(q.lastError()));
        // each short piece kept on one line; the line wraps between them, and inside a sync error's explanation only
        String text = String.join(m.get("status.gap"), whole(m.get("status.queued", q.queued() + q.sending()), m),
                whole(m.get("status.oldest", oldest), m), whole(m.get("status.lastSync", last), m), health);
        return new StatusLine(text, q.lastError() != null || q.warning(QueueStatus.DEFAULT_WARNING_AGE));
    }

    private static String whole(String piece, Messages m) { return Unbroken.of(piece, m.locale()); }
}
