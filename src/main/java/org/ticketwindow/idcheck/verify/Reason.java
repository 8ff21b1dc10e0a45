package org.ticketwindow.idcheck.verify;

/**
 * Why: the rule id for the clerk and one plain sentence for the passenger, Chinese and English. Reason texts never
 * carry a name or a document number (they are recorded with the result and may be logged).
 */
public record Reason(String rule, String zh, String en) {
    @Override public String toString() { return rule + ": " + en; }
}
