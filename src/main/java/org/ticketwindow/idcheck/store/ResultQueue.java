package org.ticketwindow.idcheck.store;

import org.ticketwindow.idcheck.text.Text;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The durable results queue (docs/sync.md S1–S5, rules PD2). A result is committed (WAL, {@code synchronous=FULL}) with its
 * per-counter sequence, its body encrypted and an audit entry, in one transaction, before {@link #record} returns.
 * The sync worker claims the oldest results, and marks them synced, back to queued, or parked. Bodies of synced
 * results are purged after the retention period; the digest stays.
 */
public final class ResultQueue {

    /** What the caller gives for a new result, once the store has chosen its id, sequence and time. */
    public record Draft(byte[] body, String caseKind, String outcome) {}

    @FunctionalInterface
    public interface Body {
        Draft make(String resultId, long sequence, Instant recordedAt);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ResultQueue.class);
    private static final String LAST_SYNC = "lastSyncAt";
    private static final String LAST_ERROR = "lastError";

    private final SqlDatabase db;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final SequenceMark mark;
    private final IntegrityWatch integrity;
    private final Clock clock;

    ResultQueue(SqlDatabase db, FieldCipher cipher, AuditTrail audit, SequenceMark mark, IntegrityWatch integrity, Clock clock) {
        this.integrity = integrity;
        this.db = db;
        this.cipher = cipher;
        this.audit = audit;
        this.mark = mark;
        this.clock = clock;
    }

    /**
     * Commits a new result; when this returns it is on disk (S1), and the sequence mark outside the database has been
     * raised to its number. The mark is written after the commit, never before: a mark ahead of the database would
     * read as a restored store at the next start. A mark that cannot be written is logged and catches up at the next
     * start (the result itself is safe).
     */
    public QueuedResult record(String counterId, String clerkId, Body body) {
        integrity.checkIfDue(); // never "recorded" into a damaged file (IntegrityWatch)
        QueuedResult r = commit(counterId, clerkId, body);
        try {
            mark.raise(Map.of(counterId, r.sequence()));
        } catch (IOException | StoreException e) {
            LOG.warn("the sequence mark {} could not be raised to #{} ({}); it catches up at the next start", mark.file(),
                    r.sequence(), e.getMessage());
        }
        return r;
    }

    private QueuedResult commit(String counterId, String clerkId, Body body) {
        return db.transaction("recording a result", c -> {
            Instant now = clock.instant();
            long sequence = nextSequence(c, counterId);
            String id = ResultIds.next(now.toEpochMilli()).toString();
            Draft draft = body.make(id, sequence, now);
            String digest = Digests.sha256Hex(draft.body());
            try (PreparedStatement p = c.prepareStatement("INSERT INTO results (id, counter_id, sequence, state, case_kind, "
                    + "outcome, recorded_at, updated_at, body, body_digest) VALUES (?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, id);
                p.setString(2, counterId);
                p.setLong(3, sequence);
                p.setString(4, draft.caseKind());
                p.setString(5, draft.outcome());
                p.setLong(6, now.toEpochMilli());
                p.setLong(7, now.toEpochMilli());
                p.setBytes(8, cipher.encrypt(draft.body(), id));
                p.setString(9, digest);
                p.executeUpdate();
            }
            audit.append(c, "REFUSED".equals(draft.outcome()) ? AuditKind.REFUSAL : AuditKind.DECISION, clerkId, id,
                    Text.of("audit.recorded", Text.of("CaseKind." + draft.caseKind()), Text.of("Outcome." + draft.outcome()),
                            sequence, digest));
            return new QueuedResult(id, counterId, sequence, now);
        });
    }

    private static long nextSequence(Connection c, String counterId) throws SQLException {
        // no RETURNING: xerial reports an error met while finishing a RETURNING statement (e.g. SQLITE_FULL) only as
        // "no transaction is active" at commit, which would hide a full disk behind a generic failure
        try (PreparedStatement p = c.prepareStatement("INSERT INTO counter_sequence (counter_id, last_sequence) VALUES (?, 1) "
                + "ON CONFLICT (counter_id) DO UPDATE SET last_sequence = last_sequence + 1")) {
            p.setString(1, counterId);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("SELECT last_sequence FROM counter_sequence WHERE counter_id = ?")) {
            p.setString(1, counterId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The highest sequence number used per counter (for the sequence mark). */
    Map<String, Long> highestSequences() {
        return db.read("reading sequence numbers", c -> {
            Map<String, Long> out = new TreeMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT counter_id, last_sequence FROM counter_sequence");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) out.put(r.getString(1), r.getLong(2));
            }
            return out;
        });
    }

    /** A technician accepted an older store: numbering continues after {@code marks}, so none is used twice (S3). */
    void continueAfter(Map<String, Long> marks, String technician) {
        db.transaction("continuing the sequence after the mark", c -> {
            for (Map.Entry<String, Long> m : marks.entrySet()) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO counter_sequence (counter_id, last_sequence) VALUES (?, ?) "
                        + "ON CONFLICT (counter_id) DO UPDATE SET last_sequence = MAX(last_sequence, excluded.last_sequence)")) {
                    p.setString(1, m.getKey());
                    p.setLong(2, m.getValue());
                    p.executeUpdate();
                }
                audit.append(c, AuditKind.CONFIGURATION, technician, m.getKey(), Text.of("audit.behindMark", m.getValue()));
            }
            return null;
        });
    }

    /**
     * Claims up to {@code max} queued results, oldest sequence first, and marks them SENDING. A body that cannot be
     * decrypted is parked on the spot with its reason (S4) and not returned.
     */
    public List<OutgoingResult> claim(int max) {
        return db.transaction("claiming results to send", c -> {
            List<OutgoingResult> out = new ArrayList<>();
            List<String> unreadable = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, counter_id, sequence, attempts, body FROM results "
                    + "WHERE state = 'QUEUED' ORDER BY counter_id, sequence LIMIT ?")) {
                p.setInt(1, max);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        String id = r.getString(1);
                        try {
                            out.add(new OutgoingResult(id, r.getString(2), r.getLong(3), r.getInt(4) + 1,
                                    cipher.decrypt(r.getBytes(5), id)));
                        } catch (FieldCipher.UnreadableFieldException e) {
                            unreadable.add(id);
                        }
                    }
                }
            }
            long now = clock.millis();
            for (String id : unreadable) setParked(c, id, "cannot be opened here (altered, or another installation's key)", now);
            try (PreparedStatement p = c.prepareStatement("UPDATE results SET state = 'SENDING', attempts = attempts + 1, "
                    + "updated_at = ? WHERE id = ?")) {
                for (OutgoingResult o : out) {
                    p.setLong(1, now);
                    p.setString(2, o.id());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return out;
        });
    }

    /** The central's definite answers (applied, duplicate, conflict) for results that were SENDING. */
    public void synced(Collection<Answered> answers) {
        if (answers.isEmpty()) return;
        db.transaction("marking results synced", c -> {
            long now = clock.millis();
            try (PreparedStatement p = c.prepareStatement("UPDATE results SET state = 'SYNCED', synced_at = ?, updated_at = ?, "
                    + "answer = ?, last_error = NULL WHERE id = ?")) {
                for (Answered a : answers) {
                    p.setLong(1, now);
                    p.setLong(2, now);
                    p.setString(3, a.answer());
                    p.setString(4, a.id());
                    p.addBatch();
                }
                p.executeBatch();
            }
            putState(c, LAST_SYNC, Instant.ofEpochMilli(now).toString());
            return null;
        });
    }

    /** An answer the central gave for one result (no personal data: the answer kind and reason). */
    public record Answered(String id, String answer) {}

    /** Parks results the central rejected (or the worker cannot send), each with its reason (S4). */
    public void park(Collection<Answered> parked) {
        if (parked.isEmpty()) return;
        db.transaction("parking results", c -> {
            long now = clock.millis();
            for (Answered a : parked) setParked(c, a.id(), a.answer(), now);
            return null;
        });
    }

    private static void setParked(Connection c, String id, String reason, long now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE results SET state = 'PARKED', last_error = ?, updated_at = ? "
                + "WHERE id = ?")) {
            p.setString(1, reason);
            p.setLong(2, now);
            p.setString(3, id);
            p.executeUpdate();
        }
    }

    /** The batch did not get a definite answer: back to QUEUED, to be sent again (at-least-once, S2). */
    public void retryLater(Collection<String> ids, String error) {
        db.transaction("returning results to the queue", c -> {
            long now = clock.millis();
            try (PreparedStatement p = c.prepareStatement("UPDATE results SET state = 'QUEUED', last_error = ?, updated_at = ? "
                    + "WHERE id = ? AND state = 'SENDING'")) {
                for (String id : ids) {
                    p.setString(1, error);
                    p.setLong(2, now);
                    p.setString(3, id);
                    p.addBatch();
                }
                p.executeBatch();
            }
            putState(c, LAST_ERROR, error);
            return null;
        });
    }

    /** Clears the last error after a successful exchange. */
    public void clearError() {
        db.transaction("clearing the sync error", c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM sync_state WHERE key = ?")) {
                p.setString(1, LAST_ERROR);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** What {@link #resend} found: results queued again, and results whose body was already purged (cannot be sent). */
    public record Resent(int queued, int purged) {}

    /**
     * The central reports sequence numbers {@code from}..{@code to} of {@code counterId} missing although this counter
     * had them synced: it was restored from a backup older than them (issue 15). Those still holding their body (kept
     * for the retention period, S8) go back to the queue and are sent again; the central applies each id once (S2).
     */
    public Resent resend(String counterId, long from, long to) {
        return db.transaction("queueing results the central lacks", c -> {
            int queued;
            try (PreparedStatement p = c.prepareStatement("UPDATE results SET state = 'QUEUED', attempts = 0, updated_at = ?, "
                    + "last_error = ? WHERE counter_id = ? AND sequence BETWEEN ? AND ? AND state = 'SYNCED' AND body IS NOT NULL")) {
                p.setLong(1, clock.millis());
                p.setString(2, "sent again: the central reported #" + from + "–#" + to + " missing (restored from a backup?)");
                p.setString(3, counterId);
                p.setLong(4, from);
                p.setLong(5, to);
                queued = p.executeUpdate();
            }
            int purged;
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM results WHERE counter_id = ? AND sequence BETWEEN ? "
                    + "AND ? AND state = 'SYNCED' AND body IS NULL")) {
                p.setString(1, counterId);
                p.setLong(2, from);
                p.setLong(3, to);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    purged = r.getInt(1);
                }
            }
            if (queued > 0 || purged > 0) {
                audit.append(c, AuditKind.CONFIGURATION, "system", counterId,
                        Text.of("audit.centralLacks", from, to, queued, purged));
            }
            return new Resent(queued, purged);
        });
    }

    /** A supervisor sends a parked result again. */
    public boolean retryParked(String id, String supervisorId) {
        return db.transaction("retrying a parked result", c -> {
            int n;
            try (PreparedStatement p = c.prepareStatement("UPDATE results SET state = 'QUEUED', updated_at = ? WHERE id = ? "
                    + "AND state = 'PARKED'")) {
                p.setLong(1, clock.millis());
                p.setString(2, id);
                n = p.executeUpdate();
            }
            if (n > 0) audit.append(c, AuditKind.CONFIGURATION, supervisorId, id, Text.of("audit.requeued"));
            return n > 0;
        });
    }

    /** After a crash or kill: results that were on the wire go back to the queue (the central dedupes, S2). */
    public int recoverInterrupted() {
        return db.transaction("recovering interrupted sends", c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE results SET state = 'QUEUED' WHERE state = 'SENDING'")) {
                return p.executeUpdate();
            }
        });
    }

    /** The counter and highest sequence number of the results marked synced, if any (what the central should hold). */
    public java.util.Optional<java.util.Map.Entry<String, Long>> highestSynced() {
        return db.read("reading the highest synced result", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT counter_id, MAX(sequence) FROM results WHERE state = 'SYNCED' "
                    + "GROUP BY counter_id ORDER BY MAX(sequence) DESC LIMIT 1"); ResultSet r = p.executeQuery()) {
                return r.next() ? java.util.Optional.of(java.util.Map.entry(r.getString(1), r.getLong(2)))
                        : java.util.Optional.<java.util.Map.Entry<String, Long>>empty();
            }
        });
    }

    public QueueStatus status() {
        return db.read("reading the queue status", c -> {
            long[] counts = new long[ResultState.values().length];
            try (PreparedStatement p = c.prepareStatement("SELECT state, COUNT(*) FROM results GROUP BY state");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) counts[ResultState.valueOf(r.getString(1)).ordinal()] = r.getLong(2);
            }
            long oldest = 0;
            try (PreparedStatement p = c.prepareStatement("SELECT MIN(recorded_at) FROM results WHERE state IN ('QUEUED', 'SENDING')");
                 ResultSet r = p.executeQuery()) {
                if (r.next() && r.getObject(1) != null) oldest = Math.max(0, (clock.millis() - r.getLong(1)) / 1000);
            }
            String lastSync = getState(c, LAST_SYNC);
            return new QueueStatus(counts[ResultState.QUEUED.ordinal()], counts[ResultState.SENDING.ordinal()],
                    counts[ResultState.PARKED.ordinal()], counts[ResultState.SYNCED.ordinal()], oldest,
                    lastSync == null ? null : Instant.parse(lastSync), getState(c, LAST_ERROR));
        });
    }

    /** Every result id in the store, in recording order (reconciliation with the central). */
    public List<String> ids() {
        return db.read("listing result ids", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM results ORDER BY counter_id, sequence");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(r.getString(1));
            }
            return out;
        });
    }

    /** The queue view: newest first, optionally one state only. */
    public List<QueueItem> items(ResultState state, int limit) {
        return db.read("listing the queue", c -> {
            List<QueueItem> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, counter_id, sequence, state, attempts, last_error, "
                    + "case_kind, outcome, recorded_at, answer, purged_at FROM results WHERE (? IS NULL OR state = ?) "
                    + "ORDER BY recorded_at DESC, sequence DESC LIMIT ?")) {
                p.setString(1, state == null ? null : state.name());
                p.setString(2, state == null ? null : state.name());
                p.setInt(3, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new QueueItem(r.getString(1), r.getString(2), r.getLong(3), ResultState.valueOf(r.getString(4)),
                                r.getInt(5), r.getString(6), r.getString(7), r.getString(8), Instant.ofEpochMilli(r.getLong(9)),
                                r.getString(10), r.getObject(11) != null));
                    }
                }
            }
            return out;
        });
    }

    /** The decrypted body of one result (the console's "show evidence" for a supervisor); null once purged. */
    public byte[] body(String id) {
        byte[] sealed = db.read("reading a result", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT body FROM results WHERE id = ?")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getBytes(1) : null;
                }
            }
        });
        return sealed == null ? null : cipher.decrypt(sealed, id);
    }

    /**
     * PD2 / S8: removes the encrypted body (every personal field) of results synced more than {@code retention} ago;
     * the row, its answer and its digest stay. Returns how many were purged.
     */
    public int purge(Duration retention) {
        return db.transaction("purging personal data", c -> {
            long now = clock.millis();
            int n;
            try (PreparedStatement p = c.prepareStatement("UPDATE results SET body = NULL, purged_at = ? WHERE state = 'SYNCED' "
                    + "AND body IS NOT NULL AND synced_at <= ?")) {
                p.setLong(1, now);
                p.setLong(2, now - retention.toMillis());
                n = p.executeUpdate();
            }
            if (n > 0) audit.append(c, AuditKind.RETENTION, "system", "results", Text.of("audit.purged", n, retention.toDays()));
            return n;
        });
    }

    private static void putState(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO sync_state (key, value) VALUES (?, ?) "
                + "ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            p.setString(1, key);
            p.setString(2, value);
            p.executeUpdate();
        }
    }

    private static String getState(Connection c, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT value FROM sync_state WHERE key = ?")) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
