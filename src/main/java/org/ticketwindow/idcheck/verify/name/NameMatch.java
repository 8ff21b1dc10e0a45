package org.ticketwindow.idcheck.verify.name;

import org.ticketwindow.idcheck.text.Text;

import java.util.Set;

/**
 * The comparison of an entered (website) name with the card's name. {@code position} is the 1-based position in the
 * card name (spaces not counted) of the first difference, or of the character the clerk must look at; 0 when none.
 * Hints name characters of the two names: they are for the clerk's screen, never for a log (PD1).
 */
public record NameMatch(NameOutcome outcome, Set<NameRule> rules, Set<SpecialName> special, int position,
                        Text hint) {
    /** The hint of an exact or equivalent match: nothing to say. */
    public static final Text NO_HINT = Text.of("name.hint.NONE");

    public NameMatch {
        rules = Set.copyOf(rules);
        special = Set.copyOf(special);
    }

    /** EXACT or EQUIVALENT. */
    public boolean matches() { return outcome == NameOutcome.EXACT || outcome == NameOutcome.EQUIVALENT; }

    public boolean isSpecial() { return !special.isEmpty(); }

    @Override public String toString() { return "NameMatch[" + outcome + ", rules=" + rules + ", special=" + special + "]"; }
}
