package org.ticketwindow.idcheck.reader;

/** Which of a hardware profile's timeouts governs a reader command (the keys of {@code timeouts:} in the YAML). */
public enum TimeoutKey { RESET, STATUS, SAM_ID, FIND, SELECT, READ, APPENDED_ADDRESS, MANAGEMENT_NUMBER, BAUD, RF_FRAME_SIZE }
