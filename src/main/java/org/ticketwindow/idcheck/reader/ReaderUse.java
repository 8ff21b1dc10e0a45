package org.ticketwindow.idcheck.reader;

/**
 * Who holds a reader ({@link ReaderOwnership}): each is a sequence of exchanges that must not be mixed with another's
 * (a find by one resets the select of another, and the next read answers 0x41: a good card refused under D3).
 * The texts name the holder in the message a second user gets.
 */
public enum ReaderUse {
    WORKSPACE,
    LIVE_LOG,
    CALIBRATION,
    SAM_CHECK,
    TUNING,
    COMMAND,
    CLOSING;
}
