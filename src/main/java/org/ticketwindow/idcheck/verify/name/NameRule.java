package org.ticketwindow.idcheck.verify.name;

/** A rule that made an entered name equivalent to the card's (listed in {@link NameMatch#rules()}). */
public enum NameRule {
    /** N1/N2: a rare character entered as its pinyin or a homophone. */
    N1("N1"),
    /** N3: traditional characters entered in simplified form. */
    N3("N3"),
    /** N4: an over-long name entered as its first 30 units. */
    N4("N4"),
    /** Latin letters equal but for case (not special). */
    CASE("CASE"),
    /** Equal but for spaces (not special). */
    SPACES("SPACES"),
    /** The clerk looked at a character no dictionary covers and accepted the entry (recorded). */
    CLERK("CLERK");

    private final String id;

    NameRule(String id) {
        this.id = id;
    }

    public String id() { return id; }
}
