package org.ticketwindow.idcheck.central;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketwindow.idcheck.store.Digests;
import org.ticketwindow.idcheck.store.Migrations;
import org.ticketwindow.idcheck.store.SqlDatabase;
import org.ticketwindow.idcheck.store.StatementCache;
import org.ticketwindow.idcheck.sync.AnswerKind;
import org.ticketwindow.idcheck.sync.BatchAnswer;
import org.ticketwindow.idcheck.sync.FoundRecord;
import org.ticketwindow.idcheck.sync.LookupAnswer;
import org.ticketwindow.idcheck.sync.LookupRequest;
import org.ticketwindow.idcheck.sync.ResultAnswer;
import org.ticketwindow.idcheck.sync.ResultEnvelope;
import org.ticketwindow.idcheck.sync.WireJson;
import org.ticketwindow.idcheck.verify.IdentityRecord;
import org.ticketwindow.idcheck.verify.Policy;
import org.ticketwindow.idcheck.verify.RecordStatus;
import org.ticketwindow.idcheck.verify.VerificationRules;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The central's behaviour behind the HTTP API: results (idempotency by id and body digest, per-counter sequences with
 * gap and reorder detection, then {@link ResultApplier}), lookups and statistics. A batch is one transaction.
 */
public final class CentralService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CentralService.class);
    /** A counter jumping further ahead than this is refused, not recorded as thousands of gaps. */
    static final long MAX_GAP = 10_000;

    private final SqlDatabase db;
    private final ResultApplier applier;
    private final Clock clock;
    private final ObjectMapper json = WireJson.mapper();

    public CentralService(SqlDatabase db, VerificationRules rules, Policy policy, Clock clock) {
        this.db = db;
        this.applier = new ResultApplier(rules, policy);
        this.clock = clock;
    }

    /** Opens (and migrates) the store at {@code url}: {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://…}. */
    public static CentralService open(String url, Clock clock) {
        SqlDatabase db = SqlDatabase.open(url);
        try {
            new Migrations("central").apply(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return new CentralService(db, new VerificationRules(), Policy.DEFAULT, clock);
    }

    public SqlDatabase database() { return db; }

    /**
     * Answers a batch: one answer per element, in order. {@code counter} is the counter the client certificate names
     * (null on the loopback training listener). An element that is not a result at all is REJECTED by its id.
     */
    public BatchAnswer submit(List<IncomingResult> results, String counter) {
        return db.transaction("applying results", connection -> {
            try (StatementCache c = new StatementCache(connection)) {
                List<ResultAnswer> out = new ArrayList<>();
                for (IncomingResult r : results) out.add(submitOne(c, r, counter));
                return new BatchAnswer(out);
            }
        });
    }

    private ResultAnswer submitOne(StatementCache c, IncomingResult incoming, String counter) throws SQLException {
        String id = incoming.resultId();
        if (id.isEmpty()) return ResultAnswer.rejected(id, "the result has no id");
        String digest = Digests.sha256Hex(incoming.json());
        long now = clock.millis();
        Optional<Stored> existing = stored(c, id);
        if (existing.isPresent()) {
            Stored s = existing.get();
            if (s.digest.equals(digest)) {
                update(c, "UPDATE results SET repeats = repeats + 1 WHERE result_id = ?", id);
                ResultAnswer first = s.answer;
                return new ResultAnswer(id, AnswerKind.DUPLICATE, first.reason(), first.outcome(), first.changes(), first.answer(),
                        first.gapFrom(), first.gapTo(), first.reordered());
            }
            update(c, "UPDATE results SET reused_id_attempts = reused_id_attempts + 1 WHERE result_id = ?", id);
            return new ResultAnswer(id, AnswerKind.REUSED_ID, "result id already used with a different body; not applied",
                    null, List.of(), null, 0, 0, false);
        }
        ResultEnvelope env = null;
        String malformed = null;
        try {
            env = json.readValue(incoming.json(), ResultEnvelope.class);
        } catch (IOException | IllegalArgumentException e) {
            malformed = "malformed result: " + firstLine(e.getMessage());
        }
        ResultAnswer answer = env == null ? ResultAnswer.rejected(id, malformed) : answer(c, env, counter, now);
        PreparedStatement p = c.prepare("INSERT INTO results (result_id, counter_id, sequence, body_digest, "
                + "answer_kind, answer, received_at, repeats, reused_id_attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)");
        p.setString(1, id);
        p.setString(2, env == null ? "" : env.counterId());
        p.setLong(3, env == null ? 0 : env.sequence());
        p.setString(4, digest);
        p.setString(5, answer.answer().name());
        p.setString(6, toJson(answer));
        p.setLong(7, now);
        p.executeUpdate();
        if (answer.answer() != AnswerKind.APPLIED) {
            LOG.info("result {} from {}: {}", id, env == null ? "?" : env.counterId(), answer.summary());
        }
        return answer;
    }

    private ResultAnswer answer(StatementCache c, ResultEnvelope env, String counter, long now) throws SQLException {
        String id = env.resultId();
        if (counter != null && !counter.equals(env.counterId())) {
            return ResultAnswer.rejected(id, "the certificate is for counter " + counter + ", the result is from " + env.counterId());
        }
        if (!env.counterId().equals(env.evidence().counterId()) || env.sequence() != env.evidence().sequence()) {
            return ResultAnswer.rejected(id, "the envelope and the evidence disagree on counter or sequence");
        }
        if (env.sequence() < 1) return ResultAnswer.rejected(id, "sequence numbers start at 1");
        long highest = highest(c, env.counterId());
        long gapFrom = 0;
        long gapTo = 0;
        boolean reordered = false;
        if (env.sequence() > highest + 1) {
            if (env.sequence() - highest - 1 > MAX_GAP) {
                return ResultAnswer.rejected(id, "sequence " + env.sequence() + " is more than " + MAX_GAP + " ahead of " + highest);
            }
            gapFrom = highest + 1;
            gapTo = env.sequence() - 1;
            PreparedStatement p = c.prepare("INSERT INTO sequence_gaps (counter_id, sequence, detected_at) VALUES (?, ?, ?)");
            for (long s = gapFrom; s <= gapTo; s++) {
                p.setString(1, env.counterId());
                p.setLong(2, s);
                p.setLong(3, now);
                p.addBatch();
            }
            p.executeBatch();
            LOG.warn("counter {}: sequence gap {}–{} before result {}", env.counterId(), gapFrom, gapTo, id);
        } else if (env.sequence() <= highest) {
            int filled;
            PreparedStatement p = c.prepare("UPDATE sequence_gaps SET filled_at = ? WHERE counter_id = ? AND "
                    + "sequence = ? AND filled_at IS NULL");
            p.setLong(1, now);
            p.setString(2, env.counterId());
            p.setLong(3, env.sequence());
            filled = p.executeUpdate();
            if (filled == 0) {
                return ResultAnswer.rejected(id, "sequence " + env.sequence() + " of counter " + env.counterId() + " was already used");
            }
            reordered = true;
            LOG.warn("counter {}: result {} (sequence {}) arrived after later ones", env.counterId(), id, env.sequence());
        }
        if (env.sequence() > highest) setHighest(c, env.counterId(), env.sequence());
        ResultAnswer a = applier.apply(c, env, now);
        return new ResultAnswer(a.resultId(), a.answer(), a.reason(), a.outcome(), a.changes(), null, gapFrom, gapTo, reordered);
    }

    /** The records carrying a document, with versions (the counter sends them back as the result's basis). */
    public LookupAnswer lookup(LookupRequest request) {
        return db.read("looking up records", connection -> {
            try (StatementCache c = new StatementCache(connection)) {
                List<FoundRecord> out = new ArrayList<>();
                for (StoredRecord r : CentralRecords.byDocument(c, request.documentType(), request.documentNumber())) {
                    IdentityRecord user = null;
                    Integer counted = null;
                    IdentityRecord record = r.record();
                    if (r.registeredUserId() != null) {
                        Optional<StoredRecord> u = CentralRecords.byId(c, r.registeredUserId());
                        if (u.isPresent()) {
                            user = u.get().record().withFactors(null);
                            counted = CentralRecords.countedContacts(c, u.get().record().id());
                            record = CentralRecords.withUserFactor(record, u.get().record());
                        }
                    }
                    out.add(new FoundRecord(record, r.version(), user, counted));
                }
                return new LookupAnswer(out);
            }
        });
    }

    /** What arrived: {@code idcheck central stats}. */
    public Map<String, Object> stats() {
        return db.read("reading statistics", c -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("received", count(c, "SELECT COUNT(*) FROM results"));
            s.put("applied", count(c, "SELECT COUNT(*) FROM results WHERE answer_kind = 'APPLIED'"));
            s.put("conflicts", count(c, "SELECT COUNT(*) FROM results WHERE answer_kind = 'CONFLICT'"));
            s.put("rejected", count(c, "SELECT COUNT(*) FROM results WHERE answer_kind = 'REJECTED'"));
            s.put("duplicates", count(c, "SELECT COALESCE(SUM(repeats), 0) FROM results"));
            s.put("reusedIds", count(c, "SELECT COALESCE(SUM(reused_id_attempts), 0) FROM results"));
            s.put("gaps", count(c, "SELECT COUNT(*) FROM sequence_gaps WHERE filled_at IS NULL"));
            s.put("reordered", count(c, "SELECT COUNT(*) FROM sequence_gaps WHERE filled_at IS NOT NULL"));
            s.put("statusChanges", count(c, "SELECT COUNT(*) FROM status_changes"));
            s.put("duplicateClaims", count(c, "SELECT COUNT(*) FROM duplicate_claims"));
            s.put("counters", count(c, "SELECT COUNT(*) FROM counters"));
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (RecordStatus st : RecordStatus.values()) byStatus.put(st.name(), 0L);
            try (PreparedStatement p = c.prepareStatement("SELECT status, COUNT(*) FROM records GROUP BY status");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) byStatus.put(r.getString(1), r.getLong(2));
            }
            s.put("recordsByStatus", byStatus);
            return s;
        });
    }

    /** Open sequence gaps per counter, for the operator. */
    public Map<String, List<Long>> openGaps() {
        return db.read("reading gaps", c -> {
            Map<String, List<Long>> out = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT counter_id, sequence FROM sequence_gaps WHERE filled_at IS NULL "
                    + "ORDER BY counter_id, sequence"); ResultSet r = p.executeQuery()) {
                while (r.next()) out.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getLong(2));
            }
            return out;
        });
    }

    /** Adds records (seeding, tests); each with its registered user id for a contact. */
    public void insert(List<Seed> records) {
        db.transaction("adding records", connection -> {
            try (StatementCache c = new StatementCache(connection)) {
                long now = clock.millis();
                for (Seed s : records) CentralRecords.insert(c, s.record(), s.registeredUserId(), now);
            }
            return null;
        });
    }

    /** A record to add, and for a contact the id of its registered user. */
    public record Seed(IdentityRecord record, String registeredUserId) {}

    /**
     * Training mode's reset: the records (and what results did to them) go back to {@code records}. Received results,
     * counters and gaps stay, so a counter's sequence and idempotency keys remain consistent with this central.
     */
    public void resetRecords(List<Seed> records) {
        db.transaction("resetting the records", connection -> {
            try (var s = connection.createStatement()) {
                s.executeUpdate("DELETE FROM status_changes");
                s.executeUpdate("DELETE FROM duplicate_claims");
                s.executeUpdate("DELETE FROM records");
            }
            try (StatementCache c = new StatementCache(connection)) {
                long now = clock.millis();
                for (Seed s : records) CentralRecords.insert(c, s.record(), s.registeredUserId(), now);
            }
            return null;
        });
    }

    public Optional<IdentityRecord> record(String id) {
        return db.read("reading a record", connection -> {
            try (StatementCache c = new StatementCache(connection)) {
                return CentralRecords.byId(c, id).map(StoredRecord::record);
            }
        });
    }

    private record Stored(String digest, ResultAnswer answer) {}

    private Optional<Stored> stored(StatementCache c, String id) throws SQLException {
        PreparedStatement p = c.prepare("SELECT body_digest, answer FROM results WHERE result_id = ?");
        p.setString(1, id);
        try (ResultSet r = p.executeQuery()) {
            if (!r.next()) return Optional.empty();
            return Optional.of(new Stored(r.getString(1), json.readValue(r.getString(2), ResultAnswer.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer cannot be read", e);
        }
    }

    private static long highest(StatementCache c, String counter) throws SQLException {
        PreparedStatement p = c.prepare("SELECT highest_sequence FROM counters WHERE counter_id = ?");
        p.setString(1, counter);
        try (ResultSet r = p.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private static void setHighest(StatementCache c, String counter, long sequence) throws SQLException {
        PreparedStatement p = c.prepare("INSERT INTO counters (counter_id, highest_sequence) VALUES (?, ?) "
                + "ON CONFLICT (counter_id) DO UPDATE SET highest_sequence = excluded.highest_sequence");
        p.setString(1, counter);
        p.setLong(2, sequence);
        p.executeUpdate();
    }

    private static void update(StatementCache c, String sql, String id) throws SQLException {
        PreparedStatement p = c.prepare(sql);
        p.setString(1, id);
        p.executeUpdate();
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private String toJson(ResultAnswer answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jackson's messages quote the offending input: keep only the first line, never a value (PD1). */
    private static String firstLine(String m) {
        if (m == null) return "";
        String line = m.lines().findFirst().orElse("");
        return line.replaceAll("\"[^\"]*\"", "\"…\"");
    }

    @Override public void close() { db.close(); }
}
