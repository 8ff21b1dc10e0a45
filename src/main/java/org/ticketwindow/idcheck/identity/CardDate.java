package org.ticketwindow.idcheck.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A date field exactly as the card stores it ({@code YYYYMMDD}, or {@code 长期} for a long-term end date). It is kept
 * raw so that a card with a damaged date still decodes and can be refused with the reason (rule D5).
 */
public record CardDate(String raw) {
    /** The long-term end date 长期 (rule D1: never expires). */
    public static final CardDate LONG_TERM = new CardDate("长期");

    public static CardDate of(LocalDate date) {
        int y = date.getYear();
        if (y < 0 || y > 9999) return new CardDate(String.format("%04d%02d%02d", y, date.getMonthValue(), date.getDayOfMonth()));
        // The central reads two dates per result: String.format was a tenth of its rules' time (issue 19).
        char[] c = new char[8];
        digits(c, 0, y, 4);
        digits(c, 4, date.getMonthValue(), 2);
        digits(c, 6, date.getDayOfMonth(), 2);
        return new CardDate(new String(c));
    }

    /** The inverse of {@link #iso()}: how a result records a card's date. Empty stays empty (not recorded). */
    public static CardDate fromIso(String iso) {
        if (iso == null || iso.isEmpty()) return new CardDate("");
        if (iso.equals("LONG_TERM") || iso.equals("长期")) return LONG_TERM;
        if (iso.length() == 10 && iso.charAt(4) == '-' && iso.charAt(7) == '-') {
            // The usual YYYY-MM-DD, without the parser: the same date checks (LocalDate.of), the same answers.
            int y = number(iso, 0, 4), m = number(iso, 5, 7), d = number(iso, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                try {
                    LocalDate.of(y, m, d);
                    return new CardDate(iso.substring(0, 4) + iso.substring(5, 7) + iso.substring(8, 10));
                } catch (DateTimeException e) {
                    return new CardDate(iso);
                }
            }
        }
        try {
            return of(LocalDate.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return new CardDate(iso);
        }
    }

    public boolean isLongTerm() { return "长期".equals(raw); }

    public Optional<LocalDate> date() {
        if (raw.length() != 8) return Optional.empty();
        int y = number(raw, 0, 4), m = number(raw, 4, 6), d = number(raw, 6, 8);
        try {
            if (y >= 0 && m >= 0 && d >= 0) return Optional.of(LocalDate.of(y, m, d));
            // Digits of other scripts (全角 and the like) count as digits, as they always have here.
            if (!raw.chars().allMatch(Character::isDigit)) return Optional.empty();
            return Optional.of(LocalDate.of(Integer.parseInt(raw.substring(0, 4)),
                    Integer.parseInt(raw.substring(4, 6)), Integer.parseInt(raw.substring(6, 8))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The number written in ASCII digits from {@code from} to {@code to}; -1 when a character is not one. */
    private static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static void digits(char[] into, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) into[i] = (char) ('0' + value % 10);
    }

    /** ISO date, {@code LONG_TERM}, or the raw text when it is neither (for JSON output). */
    public String iso() {
        if (isLongTerm()) return "LONG_TERM";
        return date().map(LocalDate::toString).orElse(raw);
    }
}
