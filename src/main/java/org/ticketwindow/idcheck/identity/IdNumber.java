package org.ticketwindow.idcheck.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A document number as read or entered. It is kept even when it fails its checks, because a card that reads but
 * carries a bad number must be refused with the reason (rule D5), not dropped. {@link #toString()} is masked (PD1).
 */
public final class IdNumber {
    /** GB 11643 weights W_i = 2^(18-i) mod 11 (docs/protocol.md §5.1). */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final Pattern EIGHTEEN = Pattern.compile("\\d{17}[0-9X]");
    private static final Pattern FOREIGN_2017 = Pattern.compile("[A-Z]{3}\\d{12}");
    /** Province codes of GB/T 2260 (soft check: abolished codes persist on old cards). */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83");

    private final String value;
    private final IdNumberKind kind; // computed once: the rules ask for it many times per decision

    private IdNumber(String value) {
        this.value = value;
        this.kind = kindOf(value);
    }

    /** Normalises surrounding spaces and a lowercase {@code x}; never rejects: see {@link #defects(LocalDate)}. */
    public static IdNumber of(String raw) {
        Objects.requireNonNull(raw, "raw");
        String v = raw.strip();
        if (v.length() == 18 && (v.charAt(17) == 'x')) v = v.substring(0, 17) + 'X';
        if (v.length() == 15 && v.chars().limit(3).allMatch(c -> c >= 'a' && c <= 'z')) {
            v = v.substring(0, 3).toUpperCase(java.util.Locale.ROOT) + v.substring(3);
        }
        return new IdNumber(v);
    }

    /** The number in clear. Only for comparison, encoding and {@code --show-pii} output. */
    public String value() { return value; }

    public String masked() { return Masking.documentNumber(value); }

    public IdNumberKind kind() { return kind; }

    private static IdNumberKind kindOf(String value) {
        if (EIGHTEEN.matcher(value).matches()) {
            if (value.charAt(0) == '9') return IdNumberKind.FOREIGN_2023;
            if (value.startsWith("810000") || value.startsWith("820000") || value.startsWith("830000")) {
                return IdNumberKind.RESIDENCE_PERMIT;
            }
            return IdNumberKind.RESIDENT;
        }
        if (FOREIGN_2017.matcher(value).matches()) return IdNumberKind.FOREIGN_2017;
        return IdNumberKind.UNKNOWN;
    }

    /** The birth date the number encodes, when it encodes a valid one. */
    public Optional<LocalDate> birthDate() {
        try {
            return switch (kind()) {
                case RESIDENT, RESIDENCE_PERMIT ->
                        Optional.of(date(value.substring(6, 10), value.substring(10, 12), value.substring(12, 14)));
                case FOREIGN_2023 ->
                        Optional.of(date(value.substring(6, 10), value.substring(10, 12), value.substring(12, 14)));
                case FOREIGN_2017 -> Optional.of(twoDigitYear(value.substring(7, 9), value.substring(9, 11),
                        value.substring(11, 13)));
                case UNKNOWN -> Optional.empty();
            };
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The gender digit's parity: odd is male, even is female; empty when the number has no such digit. */
    public Optional<Gender> genderByParity() {
        int pos = switch (kind()) {
            case RESIDENT, RESIDENCE_PERMIT, FOREIGN_2023 -> 16;
            case FOREIGN_2017 -> 13;
            case UNKNOWN -> -1;
        };
        if (pos < 0) return Optional.empty();
        int d = value.charAt(pos) - '0';
        return Optional.of(d % 2 == 1 ? Gender.MALE : Gender.FEMALE);
    }

    /** Everything wrong with this number, as of {@code today}; empty when it passes every check. */
    public List<IdNumberDefect> defects(LocalDate today) {
        List<IdNumberDefect> out = new ArrayList<>();
        IdNumberKind kind = kind();
        if (kind == IdNumberKind.UNKNOWN) {
            out.add(IdNumberDefect.BAD_FORMAT);
            return out;
        }
        boolean checkOk = switch (kind) {
            case RESIDENT, RESIDENCE_PERMIT, FOREIGN_2023 -> mod11CheckChar(value) == value.charAt(17);
            case FOREIGN_2017 -> icaoCheckDigit(value.substring(0, 14)) == value.charAt(14) - '0';
            case UNKNOWN -> false;
        };
        if (!checkOk) out.add(IdNumberDefect.BAD_CHECK_DIGIT);
        Optional<LocalDate> birth = birthDate();
        if (birth.isEmpty()) out.add(IdNumberDefect.BAD_BIRTH_DATE);
        else if (birth.get().isAfter(today)) out.add(IdNumberDefect.FUTURE_BIRTH_DATE);
        if (kind == IdNumberKind.RESIDENT && !PROVINCES.contains(value.substring(0, 2))) {
            out.add(IdNumberDefect.UNKNOWN_PROVINCE);
        }
        return out;
    }

    /**
     * The defects that refuse a document (D5, E6): all but an unknown province code, a soft check because abolished
     * codes persist on valid old cards (docs/protocol.md §5.1).
     */
    public List<IdNumberDefect> refusingDefects(LocalDate today) {
        List<IdNumberDefect> out = defects(today);
        out.remove(IdNumberDefect.UNKNOWN_PROVINCE);
        return out;
    }

    /** GB 11643 MOD 11-2 check character of the first 17 digits. */
    public static char mod11CheckChar(String digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        return CHECK_CHARS.charAt(sum % 11);
    }

    /** ICAO 9303 check digit (weights 7-3-1, letters A=10 … Z=35, {@code <} = 0). */
    public static int icaoCheckDigit(CharSequence chars) {
        int[] w = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 0;
            sum += v * w[i % 3];
        }
        return sum % 10;
    }

    private static LocalDate date(String y, String m, String d) {
        return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
    }

    private static LocalDate twoDigitYear(String yy, String m, String d) {
        int y = Integer.parseInt(yy);
        int thisYear = LocalDate.now(RailwayTime.ZONE).getYear() % 100;
        return date(String.valueOf(y <= thisYear ? 2000 + y : 1900 + y), m, d);
    }

    @Override public boolean equals(Object o) { return o instanceof IdNumber other && other.value.equals(value); }
    @Override public int hashCode() { return value.hashCode(); }
    @Override public String toString() { return masked(); }
}
