package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.text.Text;
import org.ticketwindow.idcheck.text.Texts;

import java.util.List;

/**
 * Why: the rule id for the clerk and one plain sentence for the passenger, by its key in {@code i18n/domain*} with its
 * arguments (enum constants and short values, rendered in the reader's language). Reasons never carry a name or a
 * document number (they are recorded with the result and may be logged).
 */
public record Reason(String rule, String key, List<?> args) implements Text {
    public Reason {
        args = List.copyOf(args);
    }

    public Reason(String rule, String key, Object... args) { this(rule, key, List.of(args)); }

    @Override public String toString() { return rule + ": " + Texts.english().of(this); }
}
