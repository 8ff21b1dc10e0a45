package org.ticketwindow.idcheck.wire;

import org.ticketwindow.idcheck.verify.IdentityRecord;

/**
 * A record the lookup found, with its version (sent back as the result's basis) and, for a contact, its registered
 * user and how many of the user's contacts count against the limit (L1).
 */
public record FoundRecord(IdentityRecord record, long version, IdentityRecord registeredUser, Integer countedContacts) {}
