package org.ticketwindow.idcheck.central;

import org.ticketwindow.idcheck.identity.DocumentNumbers;
import org.ticketwindow.idcheck.store.SqlDatabase;
import org.ticketwindow.idcheck.store.StatementCache;
import org.ticketwindow.idcheck.verify.DocumentType;
import org.ticketwindow.idcheck.verify.Field;
import org.ticketwindow.idcheck.verify.RecordRole;
import org.ticketwindow.idcheck.verify.RecordStatus;
import org.ticketwindow.idcheck.wire.ResultAnswer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One batch's reads and deferred writes, inside its transaction (issue 19). On PostgreSQL every statement is a
 * loopback round trip, so rows are read once per batch (the batch's idempotency rows and records in one query each,
 * a counter's highest sequence once, a registered user's contact count once) and every write is sent as a JDBC batch
 * at the end: results and the updates of earlier ones, the records' status changes (applied here in memory, so later
 * results of the batch see them), their log, duplicate claims and the counters' highest sequences. A read that falls
 * back to the database first sends the status changes waiting, so it sees what the batch did.
 *
 * <p>On PostgreSQL several batches run at once (a pool, several instances: decision 0014). A batch first takes its
 * counters' advisory locks ({@link #lockCounters}), then finds and locks every record it may read in one statement
 * ({@link #prefetch}; a record found only later is locked then, rarely), each in one global order, and holds them to
 * its commit: batches touching the same counter or record run one after the other, as with one connection; the
 * others at once.
 *
 * <p>A result's own savepoint is taken only before its first write to the database (a sequence gap); whatever it
 * changed in memory (a counter's highest sequence, its status change and claim) is undone with it when it is rejected.
 */
final class BatchState implements BatchRecords {
    /** Parameters per IN list: well under SQLite's and PostgreSQL's limits. */
    private static final int CHUNK = 500;

    final StatementCache statements;
    private final Connection connection;
    /**
     * PostgreSQL: other batches run concurrently, so this one locks what it reads (SQLite has one writer); and lists
     * travel as array parameters.
     */
    private final boolean postgres;

    private final Map<String, Optional<StoredRecord>> records = new HashMap<>();
    /**
     * The records carrying a document, by {@link #documentKey}, ordered by id (byte order from {@link #prefetch} on
     * PostgreSQL, the database's order otherwise): RecordChoice does not depend on it, ties go to the smaller id.
     */
    private final Map<String, List<StoredRecord>> byDocument = new HashMap<>();
    /** L1's count per registered user, read once and then kept in step with the batch's status changes. */
    private final Map<String, Integer> counted = new HashMap<>();
    private final Map<String, Long> highest = new HashMap<>();
    private final Set<String> highestChanged = new LinkedHashSet<>();
    private final List<Object[]> resultRows = new ArrayList<>();
    /** Updates of results already stored (or inserted by this batch), by statement, each list in arrival order. */
    private final Map<String, List<Object[]>> resultUpdates = new java.util.LinkedHashMap<>();
    /** Status changes not yet sent, in order ({@link CentralRecords#CHANGE_STATUS}). */
    private final List<RecordChange> statusRows = new ArrayList<>();
    private final List<Object[]> changeRows = new ArrayList<>();
    private final List<Object[]> claimRows = new ArrayList<>();

    /** A record's status change: the record before and after, and the update that makes it so in the database. */
    private record RecordChange(StoredRecord before, StoredRecord after, Object[] update) {}

    // the result being decided
    private Savepoint savepoint;
    /** The current result's status changes (sent or not): undone in memory if it is rejected. */
    private final List<RecordChange> changed = new ArrayList<>();
    /** Earlier results' changes sent while the current result's savepoint was open: sent again if it is rolled back. */
    private final List<RecordChange> sentUnderSavepoint = new ArrayList<>();
    private int statusRowsBefore;
    /** The current result's moves of counters' sequences, undone if it is rejected: each counter's value before. */
    private final Map<String, HighestBefore> highestUndo = new HashMap<>(4);

    private record HighestBefore(Long value, boolean changed) {}
    private int changesBefore;
    private int claimsBefore;

    BatchState(Connection connection, StatementCache statements, boolean postgres) {
        this.connection = connection;
        this.statements = statements;
        this.postgres = postgres;
    }

    /**
     * Locks these counters' sequences until the commit, in ascending key order (no two batches wait for each other in a
     * cycle). Taken before anything of the batch is read: a batch of the same counter that committed meanwhile (the
     * counter's retry landing on another instance) is then seen whole, its results as DUPLICATE and its sequence.
     */
    void lockCounters(Collection<String> counters) throws SQLException {
        if (!postgres) return;
        for (int key : counters.stream().map(String::hashCode).distinct().sorted().toList()) {
            SqlDatabase.lockUntilCommit(connection, SqlDatabase.LockSpace.COUNTERS, key);
        }
    }

    /**
     * Reads every record the batch may need: those it names (basis and target records), those carrying its offline
     * results' documents, and their registered users. On SQLite in a few unlocked reads (one writer: nothing moves
     * under the batch). On PostgreSQL in one statement that finds them and locks them with {@code FOR UPDATE}, in id
     * order (byte order, the same in every batch, so no cycle of waits), taking their rows as they are now. Until the
     * commit no other batch changes them, or a contact of a locked registered user (it would lock the user too): what
     * the rules read (basis versions, the records a document chooses among, L1's contact count) stays as read.
     */
    void prefetch(Collection<String> ids, Collection<Map.Entry<DocumentType, String>> documents) throws SQLException {
        if (!postgres) {
            prefetchRecords(ids);
            prefetchDocuments(documents);
            return;
        }
        List<String> named = ids.stream().filter(id -> !records.containsKey(id)).distinct().toList();
        for (String id : named) records.put(id, Optional.empty());
        Set<String> keys = new java.util.HashSet<>();
        Set<String> numbers = newDocuments(documents, keys);
        if (named.isEmpty() && numbers.isEmpty()) return;
        List<StoredRecord> found = readArrays(CentralRecords.LOCK_WITH_USERS, CentralRecords::row, named, numbers);
        // in byte order of id; a document's list in any order will do: RecordChoice breaks ties by id
        keep(found, keys);
        // a registered user's own registered user (none in the website's data): locked after the others, out of order
        prefetchRecords(found.stream().map(StoredRecord::registeredUserId).filter(java.util.Objects::nonNull).toList());
    }

    /**
     * Notes the documents not asked for yet, each with an empty list of the records carrying it, their keys in
     * {@code keys}; answers their normalised numbers.
     */
    private Set<String> newDocuments(Collection<Map.Entry<DocumentType, String>> documents, Set<String> keys) {
        Set<String> numbers = new LinkedHashSet<>();
        for (Map.Entry<DocumentType, String> d : documents) {
            String key = documentKey(d.getKey(), d.getValue());
            if (byDocument.containsKey(key)) continue;
            byDocument.put(key, new ArrayList<>());
            keys.add(key);
            numbers.add(DocumentNumbers.normalise(d.getValue()));
        }
        return numbers;
    }

    /** Keeps records just read, each also in the list of the document (among {@code keys}) it carries. */
    private void keep(List<StoredRecord> found, Set<String> keys) {
        for (StoredRecord r : found) {
            records.put(r.record().id(), Optional.of(r));
            String key = documentKey(r.record().documentType(), r.record().documentNumber());
            if (keys.contains(key)) byDocument.get(key).add(r);
        }
    }

    /** PostgreSQL: the rows {@code select} finds with each list as one text array parameter, in order. */
    @SafeVarargs
    private <T> List<T> readArrays(String select, RowReader<T> row, Collection<String>... arrays) throws SQLException {
        List<T> out = new ArrayList<>();
        PreparedStatement p = statements.prepare(select);
        for (int i = 0; i < arrays.length; i++) p.setArray(i + 1, connection.createArrayOf("text", arrays[i].toArray()));
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) out.add(row.read(r));
        }
        return out;
    }

    /** The rows {@code select} finds for its last column IN {@code keys}, read in chunks; {@code row} maps each. */
    <T> List<T> readIn(String select, Collection<String> keys, RowReader<T> row) throws SQLException {
        return readIn(select, keys, "", row);
    }

    /** As {@link #readIn(String, Collection, RowReader)}, with {@code then} (an ORDER BY) after the IN list. */
    <T> List<T> readIn(String select, Collection<String> keys, String then, RowReader<T> row) throws SQLException {
        List<T> out = new ArrayList<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(keys));
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> part = all.subList(from, Math.min(all.size(), from + CHUNK));
            // PostgreSQL: one array parameter, so one statement text (planned once per connection) whatever the count
            String sql = postgres ? select + " = ANY (?)" + then
                    : select + " IN (" + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")" + then;
            if (postgres) {
                out.addAll(readArrays(sql, row, part));
                continue;
            }
            try (PreparedStatement p = connection.prepareStatement(sql)) {
                for (int i = 0; i < part.size(); i++) p.setString(i + 1, part.get(i));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) out.add(row.read(r));
                }
            }
        }
        return out;
    }

    interface RowReader<T> { T read(ResultSet r) throws SQLException; }

    /**
     * Reads the records with these ids, then their registered users, and theirs; all later reads are hits. On
     * PostgreSQL locked as they are read.
     */
    private void prefetchRecords(Collection<String> ids) throws SQLException {
        List<String> missing = ids.stream().filter(id -> !records.containsKey(id)).distinct().sorted().toList();
        if (missing.isEmpty()) return;
        for (String id : missing) records.put(id, Optional.empty());
        List<StoredRecord> found = CentralRecords.byIds(this, missing, postgres);
        for (StoredRecord r : found) records.put(r.record().id(), Optional.of(r));
        prefetchRecords(found.stream().map(StoredRecord::registeredUserId).filter(java.util.Objects::nonNull).toList());
    }

    /** SQLite: reads the records carrying these documents (type, number), and their registered users, at once. */
    private void prefetchDocuments(Collection<Map.Entry<DocumentType, String>> documents) throws SQLException {
        Set<String> keys = new java.util.HashSet<>();
        Set<String> numbers = newDocuments(documents, keys);
        if (numbers.isEmpty()) return;
        // in the database's order by id (its collation, not Java's), as CentralRecords.byDocument reads them: a
        // document's records all come from one chunk, since chunks are by number
        List<StoredRecord> found = CentralRecords.byNumbers(this, numbers);
        keep(found, keys);
        prefetchRecords(found.stream().map(StoredRecord::registeredUserId).filter(java.util.Objects::nonNull).toList());
    }

    /** The records carrying a document, as this transaction sees them, ordered by id. */
    @Override public List<StoredRecord> byDocument(DocumentType type, String number) throws SQLException {
        String key = documentKey(type, number);
        List<StoredRecord> carrying = byDocument.get(key);
        if (carrying == null) {
            // not prefetched: on PostgreSQL locked now, out of order, but rarely anything new
            sendStatusChanges();
            carrying = CentralRecords.byDocument(statements, type, number, postgres);
            byDocument.put(key, carrying);
            seen(carrying);
        }
        return List.copyOf(carrying);
    }

    private static String documentKey(DocumentType type, String number) {
        return type.name() + " " + DocumentNumbers.normalise(number);
    }

    /** The record as this transaction sees it. */
    @Override public Optional<StoredRecord> record(String id) throws SQLException {
        Optional<StoredRecord> r = records.get(id);
        if (r == null) {
            sendStatusChanges();
            r = CentralRecords.byId(statements, id, postgres);
            records.put(id, r);
        }
        return r;
    }

    /**
     * What the batch has read so far, and nothing more: a lookup it has not made throws {@link NotRead} instead of
     * reading. Safe on several threads while the batch itself only reads (between {@link #prefetch} and its first
     * result).
     */
    BatchRecords asRead() {
        return new BatchRecords() {
            @Override public Optional<StoredRecord> record(String id) {
                Optional<StoredRecord> r = records.get(id);
                if (r == null) throw NotRead.INSTANCE;
                return r;
            }

            @Override public List<StoredRecord> byDocument(DocumentType type, String number) {
                List<StoredRecord> carrying = byDocument.get(documentKey(type, number));
                if (carrying == null) throw NotRead.INSTANCE;
                return List.copyOf(carrying);
            }

            @Override public int countedContacts(String userId) {
                Integer n = counted.get(userId);
                if (n == null) throw NotRead.INSTANCE;
                return n;
            }
        };
    }

    /** A lookup {@link #asRead()} cannot answer from memory; thrown often, so without a stack. */
    static final class NotRead extends RuntimeException {
        static final NotRead INSTANCE = new NotRead();

        private NotRead() { super("not read by the batch", null, false, false); }
    }

    /** Records just read from the database (by document): fresh, so later reads by id may use them. */
    void seen(List<StoredRecord> fresh) {
        for (StoredRecord r : fresh) records.put(r.record().id(), Optional.of(r));
    }

    /** L1: the registered user's contacts that count against the limit, as this transaction sees them. */
    @Override public int countedContacts(String userId) throws SQLException {
        Integer n = counted.get(userId);
        if (n == null) {
            sendStatusChanges();
            n = CentralRecords.countedContacts(statements, userId);
            counted.put(userId, n);
        }
        return n;
    }

    /**
     * Changes the record's status (and frozen fields) if it is still at {@code version}: at once in memory, in the
     * database with the batch's other writes. False when it moved on (the caller answers CONFLICT).
     */
    boolean changeStatus(String id, long version, RecordStatus to, Set<Field> frozen, long now) throws SQLException {
        Optional<StoredRecord> current = record(id);
        if (current.isEmpty() || current.get().version() != version) return false;
        StoredRecord before = current.get();
        StoredRecord after = new StoredRecord(before.record().withStatus(to), before.registeredUserId(), version + 1);
        RecordChange change = new RecordChange(before, after, CentralRecords.statusChangeRow(id, version, to, frozen, now));
        statusRows.add(change);
        changed.add(change);
        replace(before, after);
        return true;
    }

    /** Puts {@code now} in place of {@code was} (the same record) wherever the batch holds it, and L1's counts with it. */
    private void replace(StoredRecord was, StoredRecord now) {
        records.put(now.record().id(), Optional.of(now));
        List<StoredRecord> carrying = byDocument.get(documentKey(now.record().documentType(), now.record().documentNumber()));
        if (carrying != null) carrying.replaceAll(r -> r.record().id().equals(now.record().id()) ? now : r);
        String user = now.registeredUserId();
        if (user != null && now.record().role() == RecordRole.CONTACT && counted.containsKey(user)) {
            int delta = (now.record().status().countsAgainstContactLimit() ? 1 : 0)
                    - (was.record().status().countsAgainstContactLimit() ? 1 : 0);
            counted.merge(user, delta, Integer::sum);
        }
    }

    /**
     * Sends the status changes waiting: on PostgreSQL one statement for all (when no record changes twice), otherwise a
     * JDBC batch. Each must change its record: the batch holds the records' locks (PostgreSQL) or the only writer
     * (SQLite), so a miss means someone wrote without them; the whole batch then fails (503) and the counter sends it
     * again.
     */
    private void sendStatusChanges() throws SQLException {
        if (statusRows.isEmpty()) return;
        List<RecordChange> earlier = List.copyOf(statusRows.subList(0, statusRowsBefore));
        List<RecordChange> own = List.copyOf(statusRows.subList(statusRowsBefore, statusRows.size()));
        // earlier results' changes stand; sent after the current result's savepoint, its rollback would undo them too
        if (!earlier.isEmpty()) {
            send(earlier);
            if (savepoint != null) sentUnderSavepoint.addAll(earlier);
        }
        if (!own.isEmpty()) {
            beforeWrite(); // the current result's own change: undone with it
            send(own);
        }
        statusRows.clear();
        statusRowsBefore = 0;
    }

    private void send(List<RecordChange> rows) throws SQLException {
        List<String> ids = rows.stream().map(c -> c.before().record().id()).toList();
        if (postgres && new java.util.HashSet<>(ids).size() == ids.size()) {
            PreparedStatement p = statements.prepare(CentralRecords.CHANGE_STATUS_MANY);
            String[] types = CentralRecords.CHANGE_STATUS_MANY_TYPES;
            for (int col = 0; col < types.length; col++) {
                Object[] column = new Object[rows.size()];
                for (int i = 0; i < column.length; i++) column[i] = rows.get(i).update()[col];
                p.setArray(col + 1, connection.createArrayOf(types[col], column));
            }
            Set<String> changed = new java.util.HashSet<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) changed.add(r.getString(1));
            }
            for (String id : ids) if (!changed.contains(id)) throw movedOutsideLock(id);
        } else {
            PreparedStatement p = statements.prepare(CentralRecords.CHANGE_STATUS);
            for (RecordChange c : rows) {
                for (int i = 0; i < c.update().length; i++) p.setObject(i + 1, c.update()[i]);
                p.addBatch();
            }
            int[] counts = p.executeBatch();
            for (int i = 0; i < counts.length; i++) if (counts[i] == 0) throw movedOutsideLock(ids.get(i));
        }
    }

    private static SQLException movedOutsideLock(String id) {
        return new SQLException("record " + id + " moved during the batch outside its lock; the batch is not applied");
    }

    long highest(String counter, Function<String, Long> read) {
        return highest.computeIfAbsent(counter, read);
    }

    void setHighest(String counter, long sequence) {
        if (!highestUndo.containsKey(counter)) { // the current result's first move of it: what a rejection restores
            highestUndo.put(counter, new HighestBefore(highest.get(counter), highestChanged.contains(counter)));
        }
        highest.put(counter, sequence);
        highestChanged.add(counter);
    }

    /** A result starts: what to restore if it is rejected. */
    void begin() {
        savepoint = null;
        changed.clear();
        sentUnderSavepoint.clear();
        statusRowsBefore = statusRows.size();
        highestUndo.clear(); // noted per counter as the result moves its sequence: no copy of the maps per result
        changesBefore = changeRows.size();
        claimsBefore = claimRows.size();
    }

    /** Called before any statement that writes on behalf of the current result. */
    void beforeWrite() throws SQLException {
        if (savepoint == null) savepoint = connection.setSavepoint();
    }

    /** The current result was rejected: it leaves nothing behind but its answer (issue 15). */
    void rollback() throws SQLException {
        if (savepoint != null) connection.rollback(savepoint); // its gap, or its status change if sent meanwhile
        if (statusRows.size() > statusRowsBefore) statusRows.subList(statusRowsBefore, statusRows.size()).clear();
        statusRows.addAll(0, sentUnderSavepoint); // undone with the savepoint, but they stand: sent again
        sentUnderSavepoint.clear();
        statusRowsBefore = statusRows.size();
        for (RecordChange c : changed.reversed()) replace(c.after(), c.before());
        changed.clear();
        // a sequence only read meanwhile stays: it is what the database holds
        highestUndo.forEach((counter, before) -> {
            if (before.value() == null) highest.remove(counter);
            else highest.put(counter, before.value());
            if (!before.changed()) highestChanged.remove(counter);
        });
        highestUndo.clear();
        changeRows.subList(changesBefore, changeRows.size()).clear();
        claimRows.subList(claimsBefore, claimRows.size()).clear();
        savepoint = null;
    }

    /** The current result stands. */
    void keep() throws SQLException {
        if (savepoint != null) connection.releaseSavepoint(savepoint);
        savepoint = null;
        changed.clear();
        sentUnderSavepoint.clear();
        statusRowsBefore = statusRows.size();
    }

    void statusChange(String resultId, String recordId, String from, String to, long at) {
        changeRows.add(new Object[]{resultId, recordId, from, to, at});
    }

    void claim(String resultId, String recordId, long at) {
        claimRows.add(new Object[]{resultId, recordId, at});
    }

    /** A new result's row; its answer is written as JSON in {@link #finish}, on every core for a large batch. */
    void insertResult(String id, String counterId, long sequence, String digest, ResultAnswer answer, long at) {
        resultRows.add(new Object[]{id, counterId, sequence, digest, answer.answer().name(), answer, at});
    }

    /**
     * An update of a result row, sent after every insert of the batch (a row this batch inserted is there by then).
     * Updates by one statement keep their order; those of different statements commute (counters add one, the
     * re-decision of a rejected result sets its answer).
     */
    void updateResult(String sql, Object... row) {
        resultUpdates.computeIfAbsent(sql, k -> new ArrayList<>()).add(row);
    }

    /** The deferred writes, as JDBC batches; the transaction commits after this. */
    void finish(Function<ResultAnswer, String> answerJson) throws SQLException {
        sendStatusChanges();
        (resultRows.size() >= CentralService.PARALLEL_FROM ? resultRows.parallelStream() : resultRows.stream())
                .forEach(row -> row[5] = answerJson.apply((ResultAnswer) row[5]));
        send("INSERT INTO results (result_id, counter_id, sequence, body_digest, answer_kind, answer, received_at, repeats, "
                + "reused_id_attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)", resultRows);
        for (Map.Entry<String, List<Object[]>> u : resultUpdates.entrySet()) send(u.getKey(), u.getValue());
        resultUpdates.clear();
        send("INSERT INTO status_changes (result_id, record_id, from_status, to_status, at) VALUES (?, ?, ?, ?, ?)", changeRows);
        send("INSERT INTO duplicate_claims (result_id, record_id, at) VALUES (?, ?, ?)", claimRows);
        List<Object[]> counters = new ArrayList<>();
        for (String k : highestChanged) counters.add(new Object[]{k, highest.get(k)});
        send("INSERT INTO counters (counter_id, highest_sequence) VALUES (?, ?) "
                + "ON CONFLICT (counter_id) DO UPDATE SET highest_sequence = excluded.highest_sequence", counters);
        highestChanged.clear();
    }

    private void send(String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) return;
        PreparedStatement p = statements.prepare(sql);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) p.setObject(i + 1, row[i]);
            p.addBatch();
        }
        p.executeBatch();
        rows.clear();
    }
}
