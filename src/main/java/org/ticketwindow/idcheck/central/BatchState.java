package org.ticketwindow.idcheck.central;

import org.ticketwindow.idcheck.identity.DocumentNumbers;
import org.ticketwindow.idcheck.store.SqlDatabase;
import org.ticketwindow.idcheck.store.StatementCache;
import org.ticketwindow.idcheck.verify.DocumentType;

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
 * a counter's highest sequence once) and the inserts no later statement of the batch reads (results, status changes,
 * duplicate claims, the counters' highest sequences) are sent as JDBC batches at the end.
 *
 * <p>On PostgreSQL several batches run at once (a pool, several instances: decision 0014). A batch first takes its
 * counters' advisory locks ({@link #lockCounters}), then, once it knows every record it may read, locks those rows
 * ({@link #lockRecords}), each in one global order, and holds them to its commit: batches touching the same counter or
 * record run one after the other, as with one connection; the others at once.
 *
 * <p>A result's own savepoint is taken only before its first write to the database; whatever it changed in memory
 * (a counter's highest sequence, its status changes and claim) is dropped with it when it is rejected.
 */
final class BatchState {
    /** Parameters per IN list: well under SQLite's and PostgreSQL's limits. */
    private static final int CHUNK = 500;

    final StatementCache statements;
    private final Connection connection;
    /** PostgreSQL: other batches run concurrently, so this one locks what it reads (SQLite has one writer). */
    private final boolean locking;

    private final Map<String, Optional<StoredRecord>> records = new HashMap<>();
    /** The records carrying a document, by {@link #documentKey}, ordered by id as {@link CentralRecords#byDocument}. */
    private final Map<String, List<StoredRecord>> byDocument = new HashMap<>();
    private final Map<String, Long> highest = new HashMap<>();
    private final Set<String> highestChanged = new LinkedHashSet<>();
    private final List<Object[]> resultRows = new ArrayList<>();
    private final Set<String> pendingResultIds = new java.util.HashSet<>();
    private final List<Object[]> changeRows = new ArrayList<>();
    private final List<Object[]> claimRows = new ArrayList<>();

    // the result being decided
    private Savepoint savepoint;
    /** The current result changed a record without a savepoint (see {@link #unguardedWrite}). */
    private boolean unguarded;
    private Map<String, Long> highestBefore;
    private Set<String> highestChangedBefore;
    private int changesBefore;
    private int claimsBefore;

    BatchState(Connection connection, StatementCache statements, boolean locking) {
        this.connection = connection;
        this.statements = statements;
        this.locking = locking;
    }

    /**
     * Locks these counters' sequences until the commit, in ascending key order (no two batches wait for each other in a
     * cycle). Taken before anything of the batch is read: a batch of the same counter that committed meanwhile (the
     * counter's retry landing on another instance) is then seen whole, its results as DUPLICATE and its sequence.
     */
    void lockCounters(Collection<String> counters) throws SQLException {
        if (!locking) return;
        for (int key : counters.stream().map(String::hashCode).distinct().sorted().toList()) {
            SqlDatabase.lockUntilCommit(connection, SqlDatabase.LockSpace.COUNTERS, key);
        }
    }

    /**
     * Locks every record the batch has read (the prefetched ones: its basis and target records, their registered users,
     * the records carrying its offline documents) with {@code SELECT … FOR UPDATE}, in id order (byte order, the same
     * in every batch, so no cycle of waits), and takes their rows as they are now. Until the commit no other batch
     * changes them, or a contact of a locked registered user (it would lock the user too): what the rules read (basis
     * versions, the records a document chooses among, L1's contact count) stays as read.
     */
    void lockRecords() throws SQLException {
        if (!locking) return;
        List<String> ids = records.entrySet().stream().filter(e -> e.getValue().isPresent()).map(Map.Entry::getKey)
                .sorted().toList();
        for (StoredRecord r : CentralRecords.byIds(this, ids, true)) records.put(r.record().id(), Optional.of(r));
        for (List<StoredRecord> carrying : byDocument.values()) {
            carrying.replaceAll(r -> records.getOrDefault(r.record().id(), Optional.of(r)).orElse(r));
        }
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
            String sql = select + " IN (" + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")" + then;
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

    /** Reads the records with these ids, and then their registered users, in two queries; all later reads are hits. */
    void prefetchRecords(Collection<String> ids) throws SQLException {
        List<String> missing = ids.stream().filter(id -> !records.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) return;
        for (String id : missing) records.put(id, Optional.empty());
        List<StoredRecord> found = CentralRecords.byIds(this, missing, false);
        for (StoredRecord r : found) records.put(r.record().id(), Optional.of(r));
        List<String> users = found.stream().map(StoredRecord::registeredUserId)
                .filter(u -> u != null && !records.containsKey(u)).distinct().toList();
        if (!users.isEmpty()) prefetchRecords(users);
    }

    /** Reads the records carrying these documents (type, number), and their registered users, at once. */
    void prefetchDocuments(Collection<Map.Entry<DocumentType, String>> documents) throws SQLException {
        Map<String, DocumentType> numbers = new HashMap<>();
        for (Map.Entry<DocumentType, String> d : documents) {
            String key = documentKey(d.getKey(), d.getValue());
            if (byDocument.containsKey(key)) continue;
            byDocument.put(key, new ArrayList<>());
            numbers.put(DocumentNumbers.normalise(d.getValue()), d.getKey());
        }
        if (numbers.isEmpty()) return;
        List<StoredRecord> found = CentralRecords.byNumbers(this, numbers.keySet());
        // in the database's order by id (its collation, not Java's), as CentralRecords.byDocument reads them: a
        // document's records all come from one chunk, since chunks are by number
        for (StoredRecord r : found) {
            List<StoredRecord> carrying = byDocument.get(documentKey(r.record().documentType(), r.record().documentNumber()));
            if (carrying != null) carrying.add(r);
            if (!records.containsKey(r.record().id())) records.put(r.record().id(), Optional.of(r));
        }
        prefetchRecords(found.stream().map(StoredRecord::registeredUserId).filter(java.util.Objects::nonNull).toList());
    }

    /** The records carrying a document, as this transaction sees them, ordered by id. */
    List<StoredRecord> byDocument(DocumentType type, String number) throws SQLException {
        String key = documentKey(type, number);
        List<StoredRecord> carrying = byDocument.get(key);
        if (carrying == null) {
            // not prefetched (or changed by this batch): on PostgreSQL locked now, out of order, but rarely anything new
            carrying = CentralRecords.byDocument(statements, type, number, locking);
            byDocument.put(key, carrying);
            seen(carrying);
        }
        return List.copyOf(carrying);
    }

    private static String documentKey(DocumentType type, String number) {
        return type.name() + " " + DocumentNumbers.normalise(number);
    }

    /** The record as this transaction sees it. */
    Optional<StoredRecord> record(String id) throws SQLException {
        Optional<StoredRecord> r = records.get(id);
        if (r == null) {
            r = CentralRecords.byId(statements, id, locking);
            records.put(id, r);
        }
        return r;
    }

    /** Records just read from the database (by document): fresh, so later reads by id may use them. */
    void seen(List<StoredRecord> fresh) {
        for (StoredRecord r : fresh) records.put(r.record().id(), Optional.of(r));
    }

    /** The record changed in the database: read it again when next asked. */
    void moved(String id) {
        Optional<StoredRecord> r = records.remove(id);
        if (r != null && r.isPresent()) {
            byDocument.remove(documentKey(r.get().record().documentType(), r.get().record().documentNumber()));
        } else {
            byDocument.clear();
        }
    }

    long highest(String counter, Function<String, Long> read) {
        return highest.computeIfAbsent(counter, read);
    }

    void setHighest(String counter, long sequence) {
        highest.put(counter, sequence);
        highestChanged.add(counter);
    }

    /** A result starts: what to restore if it is rejected. */
    void begin() {
        savepoint = null;
        unguarded = false;
        highestBefore = new HashMap<>(highest);
        highestChangedBefore = new LinkedHashSet<>(highestChanged);
        changesBefore = changeRows.size();
        claimsBefore = claimRows.size();
    }

    /** Called before any statement that writes on behalf of the current result. */
    void beforeWrite() throws SQLException {
        if (savepoint == null) savepoint = connection.setSavepoint();
    }

    /**
     * Called before a status change, a result's last write: nothing after it can reject the result (it is APPLIED, or
     * a CONFLICT when a record moved), so it needs no savepoint of its own, which on PostgreSQL is two round trips.
     */
    void unguardedWrite() {
        if (savepoint == null) unguarded = true;
    }

    /** The current result was rejected: it leaves nothing behind but its answer (issue 15). */
    void rollback() throws SQLException {
        if (unguarded) {
            // cannot happen (see unguardedWrite); if it did, the whole batch fails and nothing of it is kept
            throw new IllegalStateException("a result was rejected after it changed a record; the batch is not applied");
        }
        if (savepoint != null) {
            connection.rollback(savepoint);
            records.clear(); // a gap or status change was undone: read the records again
            byDocument.clear();
        }
        highest.clear();
        highest.putAll(highestBefore);
        highestChanged.clear();
        highestChanged.addAll(highestChangedBefore);
        changeRows.subList(changesBefore, changeRows.size()).clear();
        claimRows.subList(claimsBefore, claimRows.size()).clear();
        savepoint = null;
    }

    /** The current result stands. */
    void keep() throws SQLException {
        if (savepoint != null) connection.releaseSavepoint(savepoint);
        savepoint = null;
    }

    void statusChange(String resultId, String recordId, String from, String to, long at) {
        changeRows.add(new Object[]{resultId, recordId, from, to, at});
    }

    void claim(String resultId, String recordId, long at) {
        claimRows.add(new Object[]{resultId, recordId, at});
    }

    /** Whether a result with this id waits to be inserted at the end of the batch. */
    boolean pendingResult(String id) { return pendingResultIds.contains(id); }

    void insertResult(Object... row) {
        resultRows.add(row);
        pendingResultIds.add((String) row[0]);
    }

    /** Sends the pending result rows now (a later element of the batch updates one of them). */
    void flushResults() throws SQLException {
        send("INSERT INTO results (result_id, counter_id, sequence, body_digest, answer_kind, answer, received_at, repeats, "
                + "reused_id_attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)", resultRows);
        pendingResultIds.clear();
    }

    /** The deferred writes, as JDBC batches; the transaction commits after this. */
    void finish() throws SQLException {
        flushResults();
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
