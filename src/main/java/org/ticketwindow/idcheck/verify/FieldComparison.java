package org.ticketwindow.idcheck.verify;

import java.util.List;

/**
 * One field of a document compared with the record: equal, equivalent by a rule (N-x), different (with the hint),
 * or for the clerk to decide, with both values compared ({@link Sides}: what the clerk checks with their own eyes).
 * Hints and values are personal data: screen only, never logged (PD1; {@link #toString()} leaves them out).
 */
public record FieldComparison(DocumentRole role, Field field, Result result, List<String> rules, String hintZh,
                              String hintEn, Sides sides) {
    public enum Result { EQUAL, EQUIVALENT, DIFFERENT, CLERK }

    /**
     * The two values compared: as on the document and as registered on the website. For {@link Field#DOCUMENT_TYPE}
     * they are {@link DocumentType} names (the screen names them in its language); {@link #NONE} when not known.
     */
    public record Sides(String onDocument, String onRecord) {
        public static final Sides NONE = new Sides("", "");

        @Override public String toString() { return "Sides[…]"; }
    }

    public FieldComparison {
        rules = List.copyOf(rules);
        if (sides == null) sides = Sides.NONE;
    }

    public FieldComparison(DocumentRole role, Field field, Result result, List<String> rules, String hintZh, String hintEn) {
        this(role, field, result, rules, hintZh, hintEn, Sides.NONE);
    }

    FieldComparison with(Sides values) {
        return new FieldComparison(role, field, result, rules, hintZh, hintEn, values);
    }

    static FieldComparison equal(DocumentRole role, Field f) {
        return new FieldComparison(role, f, Result.EQUAL, List.of(), "", "");
    }

    static FieldComparison different(DocumentRole role, Field f, String zh, String en) {
        return new FieldComparison(role, f, Result.DIFFERENT, List.of(), zh, en);
    }

    @Override public String toString() { return "FieldComparison[" + role + " " + field + " " + result + " " + rules + "]"; }
}
