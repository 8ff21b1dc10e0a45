package org.ticketwindow.idcheck.sync;

/** What one drain of the queue did: results sent, settled (synced), parked, put back, and the error that stopped it. */
public record SyncReport(int sent, int synced, int parked, int requeued, String error) {
    public boolean ok() { return error == null; }
}
