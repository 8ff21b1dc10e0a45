package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.text.Text;
import org.ticketwindow.idcheck.verify.name.NameMatch;

import java.util.List;

/**
 * One field of a document compared with the record: equal, equivalent by a rule (N-x), different (with the hint),
 * or for the clerk to decide. Hints may quote characters of a name: screen only, never logged (PD1).
 */
public record FieldComparison(DocumentRole role, Field field, Result result, List<String> rules, Text hint) {
    public enum Result { EQUAL, EQUIVALENT, DIFFERENT, CLERK }

    public FieldComparison {
        rules = List.copyOf(rules);
    }

    static FieldComparison equal(DocumentRole role, Field f) {
        return new FieldComparison(role, f, Result.EQUAL, List.of(), NameMatch.NO_HINT);
    }

    static FieldComparison different(DocumentRole role, Field f, Text hint) {
        return new FieldComparison(role, f, Result.DIFFERENT, List.of(), hint);
    }

    @Override public String toString() { return "FieldComparison[" + role + " " + field + " " + result + " " + rules + "]"; }
}
