package org.ticketwindow.idcheck.wire;

/** A record as the counter's lookup saw it: the central answers CONFLICT when its version has moved on since. */
public record RecordBasis(String recordId, long version) {}
