package org.ticketwindow.idcheck.central;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketwindow.idcheck.store.Digests;
import org.ticketwindow.idcheck.store.Migrations;
import org.ticketwindow.idcheck.store.SqlDatabase;
import org.ticketwindow.idcheck.store.StatementCache;
import org.ticketwindow.idcheck.store.StoreException;
import org.ticketwindow.idcheck.verify.DocumentEvidence;
import org.ticketwindow.idcheck.verify.Evidence;
import org.ticketwindow.idcheck.verify.IdentityRecord;
import org.ticketwindow.idcheck.verify.Policy;
import org.ticketwindow.idcheck.verify.RecordStatus;
import org.ticketwindow.idcheck.verify.VerificationRules;
import org.ticketwindow.idcheck.wire.AnswerKind;
import org.ticketwindow.idcheck.wire.BatchAnswer;
import org.ticketwindow.idcheck.wire.FoundRecord;
import org.ticketwindow.idcheck.wire.LookupAnswer;
import org.ticketwindow.idcheck.wire.LookupRequest;
import org.ticketwindow.idcheck.wire.MissingResults;
import org.ticketwindow.idcheck.wire.ResultAnswer;
import org.ticketwindow.idcheck.wire.ResultEnvelope;
import org.ticketwindow.idcheck.wire.WireJson;

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
    /** A batch this large is read (and its answers written) on every core; a small one is not worth the hand-over. */
    static final int PARALLEL_FROM = 64;
    /** Counter and record ids: short and plain, starting with a letter (never a number such as an ID number), so an answer that names one names nothing else. */
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9._:-]{0,63}");

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
        return open(url, SqlDatabase.DEFAULT_POOL_SIZE, clock);
    }

    /** As {@link #open(String, Clock)}, with {@code poolSize} connections on PostgreSQL (SQLite has one). */
    public static CentralService open(String url, int poolSize, Clock clock) {
        if (url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:sqlite::") && !url.startsWith("jdbc:sqlite:file:")) {
            ownerOnly(java.nio.file.Path.of(url.substring("jdbc:sqlite:".length()).replaceAll("\\?.*$", "")));
        }
        // issue 19: the driver sends a batch's inserts as multi-row INSERTs (the operator's URL may still say otherwise)
        if (url.startsWith("jdbc:postgresql:") && !url.contains("reWriteBatchedInserts=")) {
            url += (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        }
        SqlDatabase db = SqlDatabase.open(url, poolSize);
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
     * The central's SQLite file (records, results: personal data) owner-only before SQLite opens it, whatever the
     * umask; SQLite gives its WAL and shared-memory files the same mode. A file an older version made readable is narrowed.
     */
    private static void ownerOnly(java.nio.file.Path file) {
        try {
            java.nio.file.Path dir = file.toAbsolutePath().getParent();
            java.nio.file.Files.createDirectories(dir);
            if (!java.nio.file.Files.getFileStore(dir).supportsFileAttributeView("posix")) return;
            if (!java.nio.file.Files.exists(file)) org.ticketwindow.idcheck.store.AtomicFiles.createOwnerOnly(file);
            for (String suffix : new String[]{"", "-wal", "-shm"}) {
                java.nio.file.Path f = dir.resolve(file.getFileName() + suffix);
                if (java.nio.file.Files.exists(f)) {
                    java.nio.file.Files.setPosixFilePermissions(f, org.ticketwindow.idcheck.store.AtomicFiles.OWNER_ONLY);
                }
            }
        } catch (IOException e) {
            throw org.ticketwindow.idcheck.store.StoreException.ofIo(e, "preparing " + file);
        }
    }

    /**
     * Answers a batch: one answer per element, in order. {@code counter} is the counter the client certificate names
     * (null on the loopback training listener). An element that is not a result at all is REJECTED by its id.
     */
    public BatchAnswer submit(List<IncomingResult> results, String counter) {
        // issue 19: what needs no database (reading the envelopes, their digests) before the transaction, on every
        // core for a large batch: the batch holds its locks for less time
        List<Object> parsed = new ArrayList<>(java.util.Collections.nCopies(results.size(), null));
        String[] digests = new String[results.size()];
        Object[] invalid = new Object[results.size()]; // invalidField's answer: null, the field, or what it threw
        java.util.stream.IntStream all = java.util.stream.IntStream.range(0, results.size());
        (results.size() >= PARALLEL_FROM ? all.parallel() : all).forEach(i -> {
            parsed.set(i, parse(results.get(i)));
            digests[i] = Digests.sha256Hex(results.get(i).json());
            if (parsed.get(i) instanceof ResultEnvelope env) {
                try {
                    invalid[i] = invalidField(env);
                } catch (RuntimeException e) {
                    invalid[i] = e; // thrown where it was checked before, inside the result's own handling
                }
            }
        });
        return db.transaction("applying results", connection -> {
            try (StatementCache c = new StatementCache(connection)) {
                BatchState batch = new BatchState(connection, c, db.dialect() == SqlDatabase.Dialect.POSTGRESQL);
                // decision 0014: concurrent batches of one counter one after the other, before anything is read
                batch.lockCounters(sequencesTouched(parsed, counter));
                // issue 19: the batch's idempotency rows and the records it names, each in one read
                Map<String, Stored> stored = storedIn(batch, results.stream().map(IncomingResult::resultId).toList());
                batch.prefetch(namedRecords(parsed), offlineDocuments(parsed));
                ResultApplier.Ahead[] ahead = decideAhead(batch, parsed, invalid);
                List<ResultAnswer> out = new ArrayList<>();
                for (int i = 0; i < results.size(); i++) {
                    out.add(submitOne(batch, stored, results.get(i), parsed.get(i), digests[i], invalid[i], ahead[i], counter));
                }
                batch.finish(this::toJson);
                return new BatchAnswer(out);
            }
        });
    }

    /**
     * Issue 19: the rules' decisions for a large batch worked out on every core from the records it has read, before the
     * sequential pass; that pass uses each only if no earlier result changed the records it was about. A small batch, or
     * a result the rules may not be asked about, gets none (null) and is decided in the pass as before.
     */
    private ResultApplier.Ahead[] decideAhead(BatchState batch, List<Object> parsed, Object[] invalid) {
        ResultApplier.Ahead[] ahead = new ResultApplier.Ahead[parsed.size()];
        if (parsed.size() < PARALLEL_FROM) return ahead;
        BatchRecords asRead = batch.asRead();
        java.util.stream.IntStream.range(0, parsed.size()).parallel().forEach(i -> {
            if (parsed.get(i) instanceof ResultEnvelope env && invalid[i] == null) ahead[i] = applier.ahead(asRead, env);
        });
        return ahead;
    }

    /** How many results so far were applied with the decision worked out ahead ({@link #decideAhead}). */
    long decidedAhead() { return applier.usedAhead(); }

    /** The envelope, or the exception reading it threw (the result is then REJECTED as malformed, by itself). */
    private Object parse(IncomingResult r) {
        try {
            return json.readValue(r.json(), ResultEnvelope.class);
        } catch (IOException | RuntimeException e) {
            return e;
        }
    }

    /**
     * The counters whose sequences the batch may move: the certificate's (a result of another counter is rejected
     * before its sequence is looked at), or on the plain loopback listener every counter the envelopes name.
     */
    private static java.util.Set<String> sequencesTouched(List<Object> parsed, String counter) {
        if (counter != null) return java.util.Set.of(counter);
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Object o : parsed) {
            if (o instanceof ResultEnvelope env && env.counterId() != null) out.add(env.counterId());
        }
        return out;
    }

    /** The record ids the batch's envelopes name (basis and target); malformed parts are skipped, never fatal here. */
    private static List<String> namedRecords(List<Object> parsed) {
        List<String> ids = new ArrayList<>();
        for (Object o : parsed) {
            if (!(o instanceof ResultEnvelope env)) continue;
            try {
                for (var b : env.basis()) if (b != null && b.recordId() != null) ids.add(b.recordId());
                if (env.evidence() != null && env.evidence().recordId() != null && !env.evidence().recordId().isEmpty()) {
                    ids.add(env.evidence().recordId());
                }
            } catch (RuntimeException ignored) {
                // decided (and rejected) by itself in submitOne
            }
        }
        return ids;
    }

    /** The documents the batch's offline results find their records by (see ResultApplier#offlineDocument). */
    private static List<Map.Entry<org.ticketwindow.idcheck.verify.DocumentType, String>> offlineDocuments(List<Object> parsed) {
        List<Map.Entry<org.ticketwindow.idcheck.verify.DocumentType, String>> out = new ArrayList<>();
        for (Object o : parsed) {
            if (!(o instanceof ResultEnvelope env)) continue;
            try {
                if (env.evidence() == null || env.evidence().recordId() == null || !env.evidence().recordId().isEmpty()) continue;
                ResultApplier.offlineDocument(env.evidence())
                        .filter(d -> d.type() != null && d.number() != null)
                        .ifPresent(d -> out.add(Map.entry(d.type(), d.number())));
            } catch (RuntimeException ignored) {
                // decided (and rejected) by itself in submitOne
            }
        }
        return out;
    }

    private ResultAnswer submitOne(BatchState batch, Map<String, Stored> storedRows, IncomingResult incoming, Object parsed,
                                   String digest, Object invalidField, ResultApplier.Ahead ahead, String counter)
            throws SQLException {
        StatementCache c = batch.statements;
        String id = incoming.resultId();
        if (id.isEmpty()) return ResultAnswer.rejected(id, "the result has no id");
        long now = clock.millis();
        Optional<Stored> existing = Optional.ofNullable(storedRows.get(id));
        if (existing.isPresent()) {
            Stored s = existing.get();
            if (!s.digest.equals(digest)) {
                batch.updateResult("UPDATE results SET reused_id_attempts = reused_id_attempts + 1 WHERE result_id = ?", id);
                return new ResultAnswer(id, AnswerKind.REUSED_ID, "result id already used with a different body; not applied",
                        null, List.of(), null, 0, 0, false);
            }
            if (s.answer.answer() != AnswerKind.REJECTED) {
                batch.updateResult("UPDATE results SET repeats = repeats + 1 WHERE result_id = ?", id);
                ResultAnswer first = s.answer;
                return new ResultAnswer(id, AnswerKind.DUPLICATE, first.reason(), first.outcome(), first.changes(), first.answer(),
                        first.gapFrom(), first.gapTo(), first.reordered());
            }
            // S2: a rejection applied nothing, so a repeat (a lost answer, or a supervisor's retry after the cause was
            // fixed) is decided again rather than answered DUPLICATE: the id is not used up by a rejection
        }
        ResultEnvelope env = null;
        ResultAnswer answer;
        batch.begin();
        try {
            if (parsed instanceof IOException e) throw e;
            if (parsed instanceof RuntimeException e) throw e;
            env = (ResultEnvelope) parsed;
            if (invalidField instanceof RuntimeException e) throw e;
            String invalid = (String) invalidField;
            answer = invalid != null ? ResultAnswer.rejected(id, "malformed result: " + invalid) : answer(batch, env, ahead, counter, now);
        } catch (IOException | IllegalArgumentException e) {
            answer = ResultAnswer.rejected(id, MalformedReason.of(e));
        } catch (StoreException e) {
            throw e; // the central's store, not the result: 503, the counter retries
        } catch (RuntimeException e) {
            // a result the central cannot process must not fail the batch (500) and block the counter's queue: it is
            // rejected, so it parks at the counter, and a supervisor can send it again once the central is fixed
            LOG.error("result {}: the central failed on it ({} at {}); answered REJECTED", id, e.getClass().getSimpleName(),
                    MalformedReason.where(e));
            answer = ResultAnswer.rejected(id, "the central could not process this result (" + e.getClass().getSimpleName()
                    + "); a supervisor can send it again later");
        }
        // a rejected result leaves nothing behind but its answer: no sequence, gap or record change
        if (answer.answer() == AnswerKind.REJECTED) batch.rollback();
        else batch.keep();
        String counterId = env == null || env.counterId() == null ? "" : env.counterId();
        if (existing.isPresent()) {
            batch.updateResult("UPDATE results SET counter_id = ?, sequence = ?, answer_kind = ?, answer = ?, "
                    + "received_at = ?, repeats = repeats + 1 WHERE result_id = ?",
                    counterId, env == null ? 0L : env.sequence(), answer.answer().name(), toJson(answer), now, id);
        } else {
            batch.insertResult(id, counterId, env == null ? 0L : env.sequence(), digest, answer, now);
        }
        storedRows.put(id, new Stored(existing.map(Stored::digest).orElse(digest), answer));
        if (answer.answer() != AnswerKind.APPLIED) {
            LOG.info("result {} from {}: {}", id, counterId.isEmpty() ? "?" : counterId, answer.summary());
        }
        return answer;
    }

    /**
     * The first field the envelope lacks (JSON null or absent) or carries in a form no sender of ours writes, by name
     * only; null when sound. Identifiers are checked here because answers quote them: free text in their place would
     * be repeated into the central's log and the counter's queue (PD1).
     */
    private static String invalidField(ResultEnvelope env) {
        Evidence e = env.evidence();
        if (!IDENTIFIER.matcher(env.counterId()).matches()) return "counterId is not a counter id";
        if (e.counterKind() == null) return "evidence.counterKind is missing";
        if (e.recordedAt() == null) return "evidence.recordedAt is missing";
        if (e.caseKind() == null) return "evidence.caseKind is missing";
        if (e.outcome() == null) return "evidence.outcome is missing";
        if (e.recordId() == null) return "evidence.recordId is missing";
        if (!e.recordId().isEmpty() && !IDENTIFIER.matcher(e.recordId()).matches()) return "evidence.recordId is not a record id";
        for (int i = 0; i < e.documents().size(); i++) {
            DocumentEvidence d = e.documents().get(i);
            String at = "evidence.documents[" + i + "]";
            if (d == null) return at + " is missing";
            if (d.role() == null) return at + ".role is missing";
            if (d.source() == null) return at + ".source is missing";
            if (d.type() == null) return at + ".type is missing";
            if (d.number() == null) return at + ".number is missing";
            if (d.name() == null || d.name().value() == null) return at + ".name is missing";
            if (d.validUntil() == null) return at + ".validUntil is missing";
        }
        for (int i = 0; i < env.basis().size(); i++) {
            if (env.basis().get(i) == null || env.basis().get(i).recordId() == null) return "basis[" + i + "] is missing";
            if (!IDENTIFIER.matcher(env.basis().get(i).recordId()).matches()) return "basis[" + i + "].recordId is not a record id";
        }
        return null;
    }

    private ResultAnswer answer(BatchState batch, ResultEnvelope env, ResultApplier.Ahead ahead, String counter, long now)
            throws SQLException {
        StatementCache c = batch.statements;
        String id = env.resultId();
        if (counter != null && !counter.equals(env.counterId())) {
            return ResultAnswer.rejected(id, "the certificate is for counter " + counter + ", the result is from " + env.counterId());
        }
        if (!env.counterId().equals(env.evidence().counterId()) || env.sequence() != env.evidence().sequence()) {
            return ResultAnswer.rejected(id, "the envelope and the evidence disagree on counter or sequence");
        }
        if (env.sequence() < 1) return ResultAnswer.rejected(id, "sequence numbers start at 1");
        long highest = batch.highest(env.counterId(), k -> {
            try {
                return highest(c, k);
            } catch (SQLException e) {
                throw StoreException.of(e, "reading a counter's sequence");
            }
        });
        long gapFrom = 0;
        long gapTo = 0;
        boolean reordered = false;
        if (env.sequence() > highest + 1) {
            if (env.sequence() - highest - 1 > MAX_GAP) {
                return ResultAnswer.rejected(id, "sequence " + env.sequence() + " is more than " + MAX_GAP + " ahead of " + highest);
            }
            gapFrom = highest + 1;
            gapTo = env.sequence() - 1;
            batch.beforeWrite();
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
            batch.beforeWrite();
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
        if (env.sequence() > highest) batch.setHighest(env.counterId(), env.sequence());
        ResultAnswer a = applier.apply(batch, env, now, ahead);
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

    /**
     * The central instances' connections as the database sees them ({@code central stats}), by instance (the pool's
     * application name: {@code idcheck PID@HOST pool MAX}), this process's own left out: {@code active} (in a
     * statement or a transaction), {@code idle}, {@code lockWaits} (active and waiting for a lock: another batch of
     * the same counter or record) and {@code max}. Requests waiting for a free connection are only known inside the
     * instance: its {@code /v1/health}. Empty on SQLite (one connection per process, nothing shared to show).
     */
    public Map<String, Map<String, Long>> pools() {
        if (db.dialect() != SqlDatabase.Dialect.POSTGRESQL) return Map.of();
        String self = "idcheck " + ProcessHandle.current().pid() + "@";
        return db.read("reading the connection pools", c -> {
            Map<String, Map<String, Long>> out = new java.util.TreeMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT application_name, state, wait_event_type FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND application_name LIKE 'idcheck %' AND application_name NOT LIKE ?")) {
                p.setString(1, self + "%");
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        String name = r.getString(1);
                        Map<String, Long> m = out.computeIfAbsent(name, k -> {
                            Map<String, Long> e = new LinkedHashMap<>();
                            e.put("active", 0L);
                            e.put("idle", 0L);
                            e.put("lockWaits", 0L);
                            java.util.regex.Matcher max = java.util.regex.Pattern.compile(" pool (\\d+)$").matcher(k);
                            e.put("max", max.find() ? Long.parseLong(max.group(1)) : 0L);
                            return e;
                        });
                        m.merge("idle".equals(r.getString(2)) ? "idle" : "active", 1L, Long::sum);
                        if ("Lock".equals(r.getString(3))) m.merge("lockWaits", 1L, Long::sum);
                    }
                }
            }
            return out;
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

    /** The idempotency rows of these result ids, by id, in one read per chunk. */
    private Map<String, Stored> storedIn(BatchState batch, List<String> ids) throws SQLException {
        Map<String, Stored> out = new java.util.HashMap<>();
        for (String[] row : batch.readIn("SELECT result_id, body_digest, answer FROM results WHERE result_id", ids,
                r -> new String[]{r.getString(1), r.getString(2), r.getString(3)})) {
            try {
                out.put(row[0], new Stored(row[1], json.readValue(row[2], ResultAnswer.class)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored answer cannot be read", e);
            }
        }
        return out;
    }

    /**
     * What this central lacks of {@code counter}'s results up to {@code upTo}, the highest sequence the counter says it
     * has synced: its open gaps, and everything after the highest it holds (a restore from a backup lost them).
     */
    public MissingResults missing(String counter, long upTo) {
        return db.read("finding missing results", connection -> {
            try (StatementCache c = new StatementCache(connection)) {
                long held = highest(c, counter);
                List<MissingResults.Range> out = new ArrayList<>();
                PreparedStatement p = c.prepare("SELECT sequence FROM sequence_gaps WHERE counter_id = ? AND filled_at IS NULL "
                        + "AND sequence <= ? ORDER BY sequence");
                p.setString(1, counter);
                p.setLong(2, upTo);
                long from = -1, to = -1;
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        long q = r.getLong(1);
                        if (from >= 0 && q == to + 1) { to = q; continue; }
                        if (from >= 0) out.add(new MissingResults.Range(from, to));
                        from = q;
                        to = q;
                    }
                }
                if (from >= 0) out.add(new MissingResults.Range(from, to));
                if (held < upTo) out.add(new MissingResults.Range(held + 1, upTo));
                return new MissingResults(counter, held, out);
            }
        });
    }

    private static long highest(StatementCache c, String counter) throws SQLException {
        PreparedStatement p = c.prepare("SELECT highest_sequence FROM counters WHERE counter_id = ?");
        p.setString(1, counter);
        try (ResultSet r = p.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
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

    @Override public void close() { db.close(); }
}
