package org.ticketwindow.idcheck.central;

import org.ticketwindow.idcheck.identity.DocumentNumbers;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.store.StatementCache;
import org.ticketwindow.idcheck.verify.DocumentType;
import org.ticketwindow.idcheck.verify.Field;
import org.ticketwindow.idcheck.verify.IdentityRecord;
import org.ticketwindow.idcheck.verify.RecordRole;
import org.ticketwindow.idcheck.verify.RecordStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The records table: website records (registered users and contacts) with status, frozen fields and version. */
final class CentralRecords {
    private static final String COLUMNS = "id, role, registered_user_id, status, name, document_type, document_number, "
            + "nationality, duplicate_identity, phone_last4, email_first3, version";

    private CentralRecords() {}

    static void insert(StatementCache c, IdentityRecord r, String registeredUserId, long now) throws SQLException {
        PreparedStatement p = c.prepare("INSERT INTO records (id, role, registered_user_id, status, name, "
                + "document_type, document_number, nationality, duplicate_identity, phone_last4, email_first3, frozen, version, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 1, ?) ON CONFLICT (id) DO NOTHING");
        p.setString(1, r.id());
        p.setString(2, r.role().name());
        p.setString(3, registeredUserId);
        p.setString(4, r.status().name());
        p.setString(5, r.name().value());
        p.setString(6, r.documentType().name());
        p.setString(7, DocumentNumbers.normalise(r.documentNumber()));
        p.setString(8, r.nationality());
        p.setInt(9, r.duplicateIdentity() ? 1 : 0);
        p.setString(10, r.factors() == null ? null : r.factors().phoneLast4());
        p.setString(11, r.factors() == null ? null : r.factors().emailFirst3());
        p.setLong(12, now);
        p.executeUpdate();
    }

    static Optional<StoredRecord> byId(StatementCache c, String id) throws SQLException {
        return byId(c, id, false);
    }

    /** {@code lock}: and locked until the commit (PostgreSQL's {@code FOR UPDATE}; decision 0014). */
    static Optional<StoredRecord> byId(StatementCache c, String id, boolean lock) throws SQLException {
        List<StoredRecord> found = query(c, "SELECT " + COLUMNS + " FROM records WHERE id = ?" + (lock ? " FOR UPDATE" : ""), id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /**
     * The records with these ids (those that exist), in few queries: a batch's records read at once. {@code lock}:
     * locked until the commit, in the order of {@code ids} (sorted by the caller), each query's rows in byte order.
     */
    static List<StoredRecord> byIds(BatchState batch, java.util.Collection<String> ids, boolean lock) throws SQLException {
        return batch.readIn("SELECT " + COLUMNS + " FROM records WHERE id", ids, lock ? LOCKED_IN_ORDER : "",
                CentralRecords::row);
    }

    /** PostgreSQL: rows locked until the commit in the one global order, byte order of id (decision 0014). */
    private static final String LOCKED_IN_ORDER = " ORDER BY id COLLATE \"C\" FOR UPDATE";

    /**
     * PostgreSQL: the records with the ids of the first array parameter or carrying a (normalised) document number of
     * the second, and their registered users, locked until the commit in byte order of id (decision 0014): what a batch
     * reads, found and locked in one statement.
     */
    static final String LOCK_WITH_USERS = "WITH found AS (SELECT id, registered_user_id FROM records WHERE id = ANY (?) "
            + "OR document_number = ANY (?)) SELECT " + COLUMNS + " FROM records WHERE id IN (SELECT id FROM found "
            + "UNION ALL SELECT registered_user_id FROM found)" + LOCKED_IN_ORDER;

    /** The records carrying any of these (normalised) document numbers, whatever the type: a batch's at once. */
    static List<StoredRecord> byNumbers(BatchState batch, java.util.Collection<String> numbers) throws SQLException {
        return batch.readIn("SELECT " + COLUMNS + " FROM records WHERE document_number", numbers, " ORDER BY id",
                CentralRecords::row);
    }

    static List<StoredRecord> byDocument(StatementCache c, DocumentType type, String number) throws SQLException {
        return byDocument(c, type, number, false);
    }

    static List<StoredRecord> byDocument(StatementCache c, DocumentType type, String number, boolean lock) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM records WHERE document_number = ? AND document_type = ? ORDER BY id"
                + (lock ? " FOR UPDATE" : ""), DocumentNumbers.normalise(number), type.name());
    }

    /** The statuses {@link RecordStatus#countsAgainstContactLimit} names, as an SQL list. */
    private static final String COUNTED = java.util.Arrays.stream(RecordStatus.values())
            .filter(RecordStatus::countsAgainstContactLimit).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    /** L1: a registered user's contacts that count against the limit ({@link RecordStatus#countsAgainstContactLimit}). */
    static int countedContacts(StatementCache c, String userId) throws SQLException {
        PreparedStatement p = c.prepare("SELECT COUNT(*) FROM records WHERE registered_user_id = ? AND role = "
                + "'CONTACT' AND status IN (" + COUNTED + ")");
        p.setString(1, userId);
        try (ResultSet r = p.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    /**
     * Sets a new status and frozen fields if the record is still at its version; parameters as
     * {@link #statusChangeRow}. Sent as one JDBC batch per result batch ({@code BatchState#finish}).
     */
    static final String CHANGE_STATUS = "UPDATE records SET status = ?, frozen = ?, version = version + 1, "
            + "updated_at = ? WHERE id = ? AND version = ?";

    /**
     * PostgreSQL: the same for many records in one statement (arrays of {@link #statusChangeRow}'s columns, the ids
     * distinct), answering the ids it changed: one statement where a JDBC batch is one per record (issue 19).
     */
    static final String CHANGE_STATUS_MANY = "UPDATE records r SET status = v.status, frozen = v.frozen, "
            + "version = r.version + 1, updated_at = v.at FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::bigint[]) "
            + "AS v(status, frozen, at, id, version) WHERE r.id = v.id AND r.version = v.version RETURNING r.id";

    /** {@link #CHANGE_STATUS_MANY}'s array types, in {@link #statusChangeRow}'s column order. */
    static final String[] CHANGE_STATUS_MANY_TYPES = {"text", "text", "bigint", "text", "bigint"};

    /** {@link #CHANGE_STATUS}'s parameters: record {@code id} from {@code version} to status {@code to}. */
    static Object[] statusChangeRow(String id, long version, RecordStatus to, Set<Field> frozen, long now) {
        return new Object[]{to.name(), frozenColumn(frozen), now, id, version};
    }

    /** The frozen fields as stored: their names sorted and comma-separated (a stream per row was 6 % of a batch). */
    static String frozenColumn(Set<Field> frozen) {
        if (frozen.isEmpty()) return "";
        if (frozen.size() == 1) return frozen.iterator().next().name();
        String[] names = new String[frozen.size()];
        int i = 0;
        for (Field f : frozen) names[i++] = f.name();
        Arrays.sort(names);
        return String.join(",", names);
    }

    /** The registered user's own record, with the ID number a contact's extra factor is checked against. */
    static IdentityRecord withUserFactor(IdentityRecord contact, IdentityRecord user) {
        IdentityRecord.FactorReference f = contact.factors();
        return contact.withFactors(new IdentityRecord.FactorReference(f == null ? null : f.phoneLast4(),
                f == null ? null : f.emailFirst3(), user.documentNumber()));
    }

    private static List<StoredRecord> query(StatementCache c, String sql, String... args) throws SQLException {
        List<StoredRecord> out = new ArrayList<>();
        PreparedStatement p = c.prepare(sql);
        for (int i = 0; i < args.length; i++) p.setString(i + 1, args[i]);
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) out.add(row(r));
        }
        return out;
    }

    static StoredRecord row(ResultSet r) throws SQLException {
        IdentityRecord rec = new IdentityRecord(r.getString(1), RecordRole.valueOf(r.getString(2)),
                RecordStatus.valueOf(r.getString(4)), new PersonName(r.getString(5)),
                DocumentType.valueOf(r.getString(6)), r.getString(7), r.getString(8), r.getInt(9) == 1,
                new IdentityRecord.FactorReference(r.getString(10), r.getString(11), null));
        return new StoredRecord(rec, r.getString(3), r.getLong(12));
    }

}
