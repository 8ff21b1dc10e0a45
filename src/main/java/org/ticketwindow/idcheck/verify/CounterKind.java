package org.ticketwindow.idcheck.verify;

/** Where the console is installed: fixed per installation by a technician, never chosen by the clerk. */
public enum CounterKind {
    STATION_WINDOW,
    AGENCY;
}
