package org.ticketwindow.idcheck.verify;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** A record's new status and the fields frozen with it (V1: name, type, number; P1: plus nationality). */
public record StatusChange(String recordId, RecordStatus from, RecordStatus to, Set<Field> frozen) {
    public StatusChange {
        // an EnumSet keeps the order stable, so a result serialises to the same bytes every time (idempotency digests)
        frozen = Collections.unmodifiableSet(frozen.isEmpty() ? EnumSet.noneOf(Field.class) : EnumSet.copyOf(frozen));
    }
}
