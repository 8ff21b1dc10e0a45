package org.ticketwindow.idcheck.sync;

import org.ticketwindow.idcheck.text.Text;

/**
 * No definite answer from the central (unreachable, timed out, TLS refused, 5xx): the results stay queued and are
 * sent again after a backoff (S2, S4). The problem is for the clerk (in the bundles); the message says exactly what
 * happened, in English, for the technician and the logs; {@link #text()} puts the two together for the queue's
 * "last error" and the status line.
 */
public final class CentralUnavailableException extends Exception {
    /** What went wrong, as the clerk is told it. */
    public enum Problem {
        NOT_CONFIGURED, CANNOT_CONNECT, TIMED_OUT, DROPPED, CERTIFICATE_REFUSED, CENTRAL_CERTIFICATE_REJECTED,
        CENTRAL_ERROR, UNREADABLE_ANSWER, INCOMPLETE_ANSWER, INTERRUPTED, OTHER
    }

    private final Problem problem;

    public CentralUnavailableException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public CentralUnavailableException(String message, Throwable cause) { this(Problem.OTHER, message, cause); }

    public Problem problem() { return problem; }

    /** The clerk's sentence with the technical detail beside it ("无法连接中心（cannot connect to …）"). */
    public Text text() { return Text.of("sync.unavailable", problem, getMessage()); }
}
