package org.ticketwindow.idcheck.reader;

/**
 * Why a read is a device fault (a reader, SAM or link problem, not the passenger's card; rule D3), with the
 * clerk's text and what to do next.
 */
public enum DeviceFaultKind {
    SAM_SELF_TEST_FAILED,
    SAM_NOT_AUTHORISED,
    FRAME_REJECTED,
    NOT_PERMITTED,
    UNRECOGNISED_ERROR,
    UNKNOWN_STATUS,
    TIMEOUT,
    PORT_GONE,
    OPEN_FAILED,
    PROTOCOL;
}
