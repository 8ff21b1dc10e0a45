package org.ticketwindow.idcheck.verify;

import java.util.Set;

/** A record's new status and the fields frozen with it (V1: name, type, number; P1: plus nationality). */
public record StatusChange(String recordId, RecordStatus from, RecordStatus to, Set<Field> frozen) {
    public StatusChange {
        frozen = Set.copyOf(frozen);
    }
}
