package org.ticketwindow.idcheck.ui;

import org.ticketwindow.idcheck.sync.CentralUnavailableException;
import org.ticketwindow.idcheck.verify.DocumentType;
import org.ticketwindow.idcheck.wire.FoundRecord;

import java.util.List;

/** The online lookup of the records carrying a document (the central client in the console; short timeout). */
@FunctionalInterface
public interface RecordLookup {
    /** Throws when the central cannot be reached: the case is then decided offline (PENDING_CENTRAL). */
    List<FoundRecord> lookup(DocumentType type, String number) throws CentralUnavailableException;
}
