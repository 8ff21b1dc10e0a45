package org.ticketwindow.idcheck.store;

import org.ticketwindow.idcheck.text.Text;
import org.ticketwindow.idcheck.text.Texts;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The append-only audit trail: logins, decisions, refusals, configuration and clerk changes. Each entry's MAC is
 * HMAC-SHA256 (installation audit key) over the previous entry's MAC and its own fields, so changing, removing or
 * inserting an entry breaks the chain from there on; {@link #verify()} finds every break. Entries hold ids, kinds and
 * digests only, never personal data (PD1, S8). Triggers refuse UPDATE and DELETE; the MAC catches whoever drops them.
 */
public final class AuditTrail {
    static final String GENESIS = "0".repeat(64);
    /**
     * The audit log file (logback logger {@code idcheck.audit}, its own rolling file kept at least six months): a
     * readable copy of each entry once committed. The chain in the store is the record; the file is for people.
     */
    private static final org.slf4j.Logger AUDIT_LOG = org.slf4j.LoggerFactory.getLogger("idcheck.audit");

    private final SqlDatabase db;
    private final byte[] key;
    private final Clock clock;

    AuditTrail(SqlDatabase db, byte[] key, Clock clock) {
        this.db = db;
        this.key = key.clone();
        this.clock = clock;
    }

    /** One place the chain is broken: the entry's sequence number and what is wrong. */
    public record Break(long seq, String problem) {}

    /**
     * Appends an entry. Its detail is a {@link Text}, kept in its stored form ({@link Text#stored()}), so the supervisor's
     * screen shows it in the supervisor's language and the audit log file in English; entries written before that are
     * plain English and shown as written.
     */
    public void append(AuditKind kind, String actor, String subject, Text detail) {
        db.transaction("writing the audit trail", c -> {
            append(c, kind, actor, subject, detail);
            return null;
        });
    }

    /** Appends inside the caller's transaction, so the entry commits with what it records. */
    void append(Connection c, AuditKind kind, String actor, String subject, Text detail) throws SQLException {
        append(c, kind, actor, subject, detail.stored());
    }

    private void append(Connection c, AuditKind kind, String actor, String subject, String detail) throws SQLException {
        long seq = 1;
        String prev = GENESIS;
        try (PreparedStatement p = c.prepareStatement("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1");
             ResultSet r = p.executeQuery()) {
            if (r.next()) {
                seq = r.getLong(1) + 1;
                prev = r.getString(2);
            }
        }
        long at = clock.millis();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO audit (seq, at, kind, actor, subject, detail, prev_mac, mac) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, seq);
            p.setLong(2, at);
            p.setString(3, kind.name());
            p.setString(4, actor);
            p.setString(5, subject);
            p.setString(6, detail);
            p.setString(7, prev);
            String mac = mac(prev, seq, at, kind.name(), actor, subject, detail);
            p.setString(8, mac);
            p.executeUpdate();
            long entry = seq;
            db.afterCommit(() -> toLog(entry, at, kind.name(), actor, subject, detail, mac));
        }
    }

    private static void toLog(long seq, long at, String kind, String actor, String subject, String detail, String mac) {
        AUDIT_LOG.info("seq={} at={} kind={} actor={} subject={} detail={} mac={}", seq, java.time.Instant.ofEpochMilli(at),
                kind, actor, subject, Texts.english().ofStored(detail), mac.substring(0, 16));
    }

    /**
     * Writes to the audit log file the newest entries it lacks: a process killed between a commit and the file's write
     * leaves the chain ahead of the file. Walks back from the newest entry to the first one the file has ({@code inFile},
     * by the 16-hex-digit MAC prefix each line carries) and writes the ones after it, oldest first, as they would have
     * been written. Returns how many.
     */
    public int catchUpLog(java.util.function.Predicate<String> inFile) {
        List<Object[]> missing = db.read("reading the audit trail for the log file", c -> {
            List<Object[]> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT seq, at, kind, actor, subject, detail, mac FROM audit ORDER BY seq DESC");
                 ResultSet r = p.executeQuery()) {
                while (r.next() && !inFile.test(r.getString(7).substring(0, 16))) {
                    out.add(new Object[]{r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                            r.getString(7)});
                }
            }
            return out;
        });
        for (int i = missing.size() - 1; i >= 0; i--) {
            Object[] e = missing.get(i);
            toLog((Long) e[0], (Long) e[1], (String) e[2], (String) e[3], (String) e[4], (String) e[5], (String) e[6]);
        }
        return missing.size();
    }

    /** Walks the whole chain; empty when intact. */
    public List<Break> verify() {
        return db.read("verifying the audit trail", c -> {
            List<Break> breaks = new ArrayList<>();
            String prev = GENESIS;
            long expected = 1;
            try (PreparedStatement p = c.prepareStatement("SELECT seq, at, kind, actor, subject, detail, prev_mac, mac FROM audit "
                    + "ORDER BY seq"); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long seq = r.getLong(1);
                    if (seq != expected) breaks.add(new Break(seq, "entries " + expected + "–" + (seq - 1) + " are missing"));
                    if (!r.getString(7).equals(prev)) breaks.add(new Break(seq, "does not follow the previous entry"));
                    String mac = mac(r.getString(7), seq, r.getLong(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6));
                    if (!mac.equals(r.getString(8))) breaks.add(new Break(seq, "altered (its MAC does not match its content)"));
                    prev = r.getString(8);
                    expected = seq + 1;
                }
            }
            return breaks;
        });
    }

    /** One audit entry as a supervisor reads it (no personal data is ever put in one: PD1). */
    public record Entry(long seq, java.time.Instant at, AuditKind kind, String actor, String subject, String detail) {}

    /** What a search found, newest first, and whether it looked through every entry of the kind asked for. */
    public record Search(List<Entry> entries, boolean complete, int scanned) {}

    /** Entries read per page of a search, each page under the store's lock on its own. */
    private static final int PAGE = 500;

    /**
     * The newest {@code limit} entries, newest first, of {@code kind} (all kinds when null) that {@code keep} accepts,
     * for the supervisor's screen, looking through at most {@code scan} entries. The test is made in Java because the
     * supervisor searches what the screen shows (kinds, words and details in their language), which the stored keys are
     * not; it runs between pages, outside the store's lock, so that the sync and the status line never wait behind a
     * search of an old installation's audit trail (it only grows).
     */
    public Search recent(int limit, int scan, AuditKind kind, java.util.function.Predicate<Entry> keep) {
        List<Entry> out = new ArrayList<>();
        long before = Long.MAX_VALUE;
        int scanned = 0;
        while (out.size() < limit && scanned < scan) {
            long from = before;
            int size = Math.min(PAGE, scan - scanned);
            List<Entry> page = db.read("reading the audit trail", c -> {
                List<Entry> rows = new ArrayList<>(size);
                try (PreparedStatement p = c.prepareStatement("SELECT seq, at, kind, actor, subject, detail FROM audit "
                        + "WHERE (? IS NULL OR kind = ?) AND seq < ? ORDER BY seq DESC LIMIT ?")) {
                    String k = kind == null ? null : kind.name();
                    p.setString(1, k);
                    p.setString(2, k);
                    p.setLong(3, from);
                    p.setInt(4, size);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            rows.add(new Entry(r.getLong(1), java.time.Instant.ofEpochMilli(r.getLong(2)), AuditKind.valueOf(r.getString(3)),
                                    r.getString(4), r.getString(5), r.getString(6)));
                        }
                    }
                }
                return rows;
            });
            for (Entry e : page) {
                scanned++;
                if (keep.test(e) && out.size() < limit) out.add(e);
            }
            if (page.size() < size) return new Search(out, true, scanned); // the oldest entry reached
            before = page.getLast().seq();
        }
        return new Search(out, out.size() >= limit, scanned);
    }

    public long size() {
        return db.read("counting audit entries", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM audit"); ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private String mac(String prev, long seq, long at, String kind, String actor, String subject, String detail) {
        // unit separators between fields: "ab"+"c" and "a"+"bc" must not MAC alike
        String text = String.join("\u001f", prev, Long.toString(seq), Long.toString(at), kind, actor, subject, detail);
        return HexFormat.of().formatHex(Digests.hmacSha256(key, text.getBytes(StandardCharsets.UTF_8)));
    }
}
