package org.ticketwindow.idcheck.central;

import org.ticketwindow.idcheck.verify.IdentityRecord;

/** A website record as the central keeps it: the record, its registered user (for a contact) and its version. */
record StoredRecord(IdentityRecord record, String registeredUserId, long version) {}
