package org.ticketwindow.idcheck.reader;

/**
 * A card reader: serial, PC/SC or simulated. Not thread-safe: each reader is driven by one thread
 * ({@link ReaderLoop}, or the single-shot CLI). Every method turns I/O trouble into a {@link ReadOutcome.DeviceFault}
 * instead of throwing, and reconnects by itself on the next call.
 */
public interface CardReader extends AutoCloseable {

    /** Port path, PC/SC reader name or simulator name. */
    String name();

    HardwareProfile profile();

    /** One full, classified read: find, select, read (with the profile's bounded retries) and the card checks. */
    ReadOutcome read();

    /**
     * The same read; {@code cardFound} runs on this thread as soon as the reader has found a card, before the data
     * comes (the console shows "reading"). Readers that cannot tell earlier than the outcome do not call it.
     */
    default ReadOutcome read(Runnable cardFound) { return read(); }

    /** Is a card on the reader now (used to wait for the card to be taken away after a read)? */
    Presence presence();

    /** SAM status and SAM ID. */
    SamHealth health();

    @Override void close();
}
