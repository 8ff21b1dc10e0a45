package org.ticketwindow.idcheck.reader.sam;

/**
 * The exchange with the reader itself failed: no answer in time, the port or PC/SC service gone, a garbled answer,
 * or (PC/SC) the card vanished while a command was in flight. The message never holds personal data.
 */
public final class SamIoException extends Exception {

    public enum Kind {
        /** No complete answer within the command's timeout. */
        TIMEOUT,
        /** The port, the reader or the PC/SC service disappeared. */
        PORT_GONE,
        /** The port could not be opened (wrong path, permissions, in use). */
        OPEN_FAILED,
        /** The reader answered something that is not a valid answer (bad checksum, bad length, bad layout). */
        PROTOCOL,
        /** The card was taken away while a command was in flight (PC/SC reports this directly). */
        CARD_GONE
    }

    private final Kind kind;

    public SamIoException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SamIoException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() { return kind; }
}
