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
        return new CardDate(String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
    }

    /** The inverse of {@link #iso()}: how a result records a card's date. Empty stays empty (not recorded). */
    public static CardDate fromIso(String iso) {
        if (iso == null || iso.isEmpty()) return new CardDate("");
        if (iso.equals("LONG_TERM") || iso.equals("长期")) return LONG_TERM;
        try {
            return of(LocalDate.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return new CardDate(iso);
        }
    }

    public boolean isLongTerm() { return "长期".equals(raw); }

    public Optional<LocalDate> date() {
        if (raw.length() != 8 || !raw.chars().allMatch(Character::isDigit)) return Optional.empty();
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(raw.substring(0, 4)),
                    Integer.parseInt(raw.substring(4, 6)), Integer.parseInt(raw.substring(6, 8))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** ISO date, {@code LONG_TERM}, or the raw text when it is neither (for JSON output). */
    public String iso() {
        if (isLongTerm()) return "LONG_TERM";
        return date().map(LocalDate::toString).orElse(raw);
    }
}
