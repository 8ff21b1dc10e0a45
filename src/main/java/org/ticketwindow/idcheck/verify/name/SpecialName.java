package org.ticketwindow.idcheck.verify.name;

/** Why a card name is special (N6), which sends the case to a station window with an extra factor (V2). */
public enum SpecialName {
    OVERLONG,
    RARE,
    TRADITIONAL;
}
