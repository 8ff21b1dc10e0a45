package org.ticketwindow.idcheck.sync;

/** The central refused the request itself (HTTP 4xx other than a 409 answer): resending it unchanged will not help. */
public final class CentralRefusedException extends Exception {
    private final int status;

    public CentralRefusedException(int status, String message) {
        super("the central refused the request (HTTP " + status + "): " + message);
        this.status = status;
    }

    public int status() { return status; }
}
