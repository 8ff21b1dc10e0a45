package org.ticketwindow.idcheck.identity;

import org.ticketwindow.idcheck.text.Text;
import org.ticketwindow.idcheck.text.Texts;

import java.util.List;

/**
 * A reason a card that did read is refused (rule D5) or must be refused as out of date (rule D1). Each reason has
 * a clerk text and a passenger text; the passenger text of a suspect card sends them to the issuing authority.
 */
public record CardDefect(Kind kind, String key, List<?> args) implements Text {
    public enum Kind {
        ID_NUMBER, GENDER_PARITY, BIRTH_DATE, BIRTH_DATE_MISMATCH, VALIDITY_DATES, EXPIRED, NOT_YET_VALID
    }

    public CardDefect {
        args = List.copyOf(args);
    }

    /** The defect of a kind whose text ({@code CardDefect.Kind.*}) says all there is. */
    public static CardDefect of(Kind kind) { return new CardDefect(kind, Texts.key(kind), List.of()); }

    /** A defect of the ID number, with the defect's own text (see {@link CardChecks#number}). */
    public static CardDefect of(IdNumberDefect number) { return new CardDefect(Kind.ID_NUMBER, Texts.key(number), List.of()); }

    /** True for a defect that suggests a forged or damaged card (D5) rather than an out-of-date one (D1). */
    public boolean suspectCard() { return kind != Kind.EXPIRED && kind != Kind.NOT_YET_VALID; }

    @Override public String toString() { return kind + ": " + key; }
}
