package org.ticketwindow.idcheck.wire;

import java.util.List;

/** The records carrying the looked-up document (empty when none). */
public record LookupAnswer(List<FoundRecord> records) {
    public LookupAnswer {
        records = List.copyOf(records);
    }
}
