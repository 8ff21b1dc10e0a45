package org.ticketwindow.idcheck.reader;

import org.ticketwindow.idcheck.reader.SamId;

import java.util.Optional;

/** The reader's SAM as the technician screen shows it: healthy or the fault, and its ID when it answers. */
public record SamHealth(Optional<ReadOutcome.DeviceFault> fault, Optional<SamId> samId) {
    public boolean healthy() { return fault.isEmpty(); }
}
