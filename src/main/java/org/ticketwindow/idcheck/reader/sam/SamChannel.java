package org.ticketwindow.idcheck.reader.sam;

import java.time.Duration;

/**
 * One command, one answer: what a transport (serial, PC/SC pass-through, in-process simulator) gives the session.
 * Implementations are used from a single reader thread.
 */
public interface SamChannel extends AutoCloseable {

    SamResponse exchange(SamCommand command, Duration timeout) throws SamIoException;

    /** Serial only: the line speed changes after the {@code 60 nn} answer, which arrives at the old speed. */
    default void switchBaud(int baud) throws SamIoException {}

    /** Port path or reader name, for messages and diagnostics. */
    String describe();

    @Override void close();
}
