package org.ticketwindow.idcheck.identity;

import java.util.Optional;

/** GB/T 2261.1 gender code as on the card; an unknown code is kept raw, not guessed. */
public record Gender(String code) {
    public static final Gender UNKNOWN = new Gender("0");
    public static final Gender MALE = new Gender("1");
    public static final Gender FEMALE = new Gender("2");
    public static final Gender UNSPECIFIED = new Gender("9");

    public Optional<String> zh() {
        return switch (code) {
            case "0" -> Optional.of("未知");
            case "1" -> Optional.of("男");
            case "2" -> Optional.of("女");
            case "9" -> Optional.of("未说明");
            default -> Optional.empty();
        };
    }

    public Optional<String> en() {
        return switch (code) {
            case "0" -> Optional.of("unknown");
            case "1" -> Optional.of("male");
            case "2" -> Optional.of("female");
            case "9" -> Optional.of("not stated");
            default -> Optional.empty();
        };
    }

    /** Male or female: the only codes an ID number's parity can be checked against. */
    public boolean isBinary() { return equals(MALE) || equals(FEMALE); }
}
