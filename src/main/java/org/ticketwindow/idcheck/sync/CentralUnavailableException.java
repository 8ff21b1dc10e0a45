package org.ticketwindow.idcheck.sync;

/**
 * No definite answer from the central (unreachable, timed out, TLS refused, 5xx): the results stay queued and are
 * sent again after a backoff (S2, S4). The message says what happened, for the status line's "last error".
 */
public final class CentralUnavailableException extends Exception {
    public CentralUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
