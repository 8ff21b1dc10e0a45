package org.ticketwindow.idcheck.identity;

import org.ticketwindow.idcheck.text.Text;

import java.util.Optional;

/** GB/T 2261.1 gender code as on the card; an unknown code is kept raw, not guessed. */
public record Gender(String code) {
    public static final Gender UNKNOWN = new Gender("0");
    public static final Gender MALE = new Gender("1");
    public static final Gender FEMALE = new Gender("2");
    public static final Gender UNSPECIFIED = new Gender("9");

    /** The gender's text ({@code gender.<code>}), empty for a code GB/T 2261.1 does not name. */
    public Optional<Text> text() {
        return switch (code) {
            case "0", "1", "2", "9" -> Optional.of(Text.of("gender." + code));
            default -> Optional.empty();
        };
    }

    /** Male or female: the only codes an ID number's parity can be checked against. */
    public boolean isBinary() { return equals(MALE) || equals(FEMALE); }
}
