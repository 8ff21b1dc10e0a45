package org.ticketwindow.idcheck.app;

import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.sync.CentralRefusedException;
import org.ticketwindow.idcheck.sync.CentralUnavailableException;
import org.ticketwindow.idcheck.verify.DocumentType;
import org.ticketwindow.idcheck.wire.FoundRecord;
import org.ticketwindow.idcheck.wire.LookupRequest;

import java.util.List;
import java.util.Optional;

/**
 * The online lookup over the counter's central client. Kept out of the UI so that every way the central cannot answer
 * (none configured, unreachable, refusing) is one outcome for the workspace: the case is decided offline.
 */
public final class CentralRecordLookup {
    private final Optional<CentralClient> central;

    public CentralRecordLookup(Optional<CentralClient> central) { this.central = central; }

    /** The records carrying the document; throws when the central is absent or refuses, as when it is unreachable. */
    public List<FoundRecord> lookup(DocumentType type, String number) throws CentralUnavailableException {
        CentralClient c = central.orElseThrow(() -> new CentralUnavailableException("no central configured", null));
        try {
            return c.lookup(new LookupRequest(type, number)).records();
        } catch (CentralRefusedException e) {
            throw new CentralUnavailableException("the central refused the lookup (HTTP " + e.status() + ")", e);
        }
    }
}
