package org.ticketwindow.idcheck.verify;

import java.util.List;

/**
 * One field of a document compared with the record: equal, equivalent by a rule (N-x), different (with the hint),
 * or for the clerk to decide. Hints may quote characters of a name: screen only, never logged (PD1).
 */
public record FieldComparison(DocumentRole role, Field field, Result result, List<String> rules, String hintZh,
                              String hintEn) {
    public enum Result { EQUAL, EQUIVALENT, DIFFERENT, CLERK }

    public FieldComparison {
        rules = List.copyOf(rules);
    }

    static FieldComparison equal(DocumentRole role, Field f) {
        return new FieldComparison(role, f, Result.EQUAL, List.of(), "", "");
    }

    static FieldComparison different(DocumentRole role, Field f, String zh, String en) {
        return new FieldComparison(role, f, Result.DIFFERENT, List.of(), zh, en);
    }

    @Override public String toString() { return "FieldComparison[" + role + " " + field + " " + result + " " + rules + "]"; }
}
