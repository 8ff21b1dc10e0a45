package org.ticketwindow.idcheck.reader;

/** Whether a card lies on the reader, as far as the reader can tell. */
public enum Presence { PRESENT, ABSENT, UNKNOWN }
