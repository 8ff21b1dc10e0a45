package org.ticketwindow.idcheck.central;

import org.ticketwindow.idcheck.verify.DocumentType;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The records a batch's results are decided about, as the batch sees them: {@link BatchState} itself (reading what it
 * has not read yet), or {@link BatchState#asRead()}, what it has read, for deciding ahead on other cores (issue 19).
 */
interface BatchRecords {
    /** The record as the batch sees it. */
    Optional<StoredRecord> record(String id) throws SQLException;

    /** The records carrying a document, ordered by id. */
    List<StoredRecord> byDocument(DocumentType type, String number) throws SQLException;

    /** L1: the registered user's contacts that count against the limit. */
    int countedContacts(String userId) throws SQLException;
}
