package org.ticketwindow.idcheck.ui;

/** What the reader panel shows, each with the clerk's next step (message keys {@code reader.<name>}). */
public enum ReaderState {
    NO_READER, WAITING, READING, READ, REFUSED, FAULT;

    public String key() { return "reader." + name().toLowerCase(java.util.Locale.ROOT); }
}
