package org.ticketwindow.idcheck.identity;

import java.time.LocalDate;

/** A card's validity period: from its issue date until an end date or 长期 (long-term). */
public record Validity(CardDate from, CardDate until) {

    /** Rule D1: today after the end date; 长期 never expires. A damaged end date is not "expired" but a defect. */
    public boolean isExpiredOn(LocalDate today) {
        if (until.isLongTerm()) return false;
        return until.date().map(today::isAfter).orElse(false);
    }

    public boolean isNotYetValidOn(LocalDate today) {
        return from.date().map(today::isBefore).orElse(false);
    }
}
