package org.ticketwindow.idcheck.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks a card that did read must pass before it is accepted: the number (GB 11643 / permit / foreigner
 * schemes, birth date, gender parity) and the card's own dates (rules D1, D5). Pure; the caller supplies "today".
 */
public final class CardChecks {
    private CardChecks() {}

    public static List<CardDefect> check(CardData card, LocalDate today) {
        List<CardDefect> out = new ArrayList<>(number(card.idNumber(), Set.of(expectedKind(card.type())), today));
        out.addAll(cardOnly(card));
        // a card always has a start date; only a recorded result may lack one (recorded before it was kept)
        out.addAll(card.validity().from().raw().isEmpty() ? List.of(CardDefect.of(CardDefect.Kind.VALIDITY_DATES))
                : validity(card.validity(), today));
        return out;
    }

    /**
     * The checks that need the card's gender and birth date, which a result does not carry (S7): the counter records
     * which of them failed, and the central takes that as read.
     */
    public static List<CardDefect> cardOnly(CardData card) {
        List<CardDefect> out = new ArrayList<>();
        IdNumber number = card.idNumber();
        Optional<Gender> parity = number.genderByParity();
        if (parity.isPresent() && card.gender().isBinary() && !parity.get().equals(card.gender())) {
            out.add(CardDefect.of(CardDefect.Kind.GENDER_PARITY));
        }
        Optional<LocalDate> birth = card.birthDate().date();
        if (birth.isEmpty()) {
            out.add(CardDefect.of(CardDefect.Kind.BIRTH_DATE));
        } else if (number.birthDate().isPresent() && !number.birthDate().get().equals(birth.get())) {
            out.add(CardDefect.of(CardDefect.Kind.BIRTH_DATE_MISMATCH));
        }
        return out;
    }

    /**
     * The number's own checks (scheme, check character, birth date inside it) and whether its scheme is one the card
     * type carries. What a result records of a card is enough for these, so the central runs them again (D5).
     */
    public static List<CardDefect> number(IdNumber number, Set<IdNumberKind> expected, LocalDate today) {
        List<CardDefect> out = new ArrayList<>();
        for (IdNumberDefect d : number.refusingDefects(today)) {
            out.add(CardDefect.of(d));
        }
        if (!expected.contains(number.kind()) && number.kind() != IdNumberKind.UNKNOWN) {
            out.add(new CardDefect(CardDefect.Kind.ID_NUMBER, "CardDefect.SCHEME", List.of()));
        }
        return out;
    }

    /** The card's own dates (D5) and its validity period (D1). A missing start date (not recorded) is not checked. */
    public static List<CardDefect> validity(Validity v, LocalDate today) {
        boolean fromOk = v.from().raw().isEmpty() || v.from().date().isPresent();
        boolean untilOk = v.until().isLongTerm() || v.until().date().isPresent();
        boolean ordered = v.until().date().isEmpty() || v.from().date().isEmpty()
                || !v.until().date().get().isBefore(v.from().date().get());
        if (!fromOk || !untilOk || !ordered) return List.of(CardDefect.of(CardDefect.Kind.VALIDITY_DATES));
        if (v.isExpiredOn(today)) {
            return List.of(new CardDefect(CardDefect.Kind.EXPIRED, "CardDefect.EXPIRED_ON", List.of(v.until().iso())));
        }
        if (v.isNotYetValidOn(today)) {
            return List.of(new CardDefect(CardDefect.Kind.NOT_YET_VALID, "CardDefect.NOT_VALID_BEFORE", List.of(v.from().iso())));
        }
        return List.of();
    }

    /** The number scheme each card type carries. */
    public static IdNumberKind expectedKind(CardType type) {
        return switch (type) {
            case RESIDENT -> IdNumberKind.RESIDENT;
            case RESIDENCE_PERMIT -> IdNumberKind.RESIDENCE_PERMIT;
            case FOREIGN_PERMANENT_2017 -> IdNumberKind.FOREIGN_2017;
            case FOREIGN_PERMANENT_2023 -> IdNumberKind.FOREIGN_2023;
        };
    }
}
