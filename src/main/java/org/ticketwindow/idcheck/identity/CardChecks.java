package org.ticketwindow.idcheck.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks a card that did read must pass before it is accepted: the number (GB 11643 / permit / foreigner
 * schemes, birth date, gender parity) and the card's own dates (rules D1, D5). Pure; the caller supplies "today".
 */
public final class CardChecks {
    private CardChecks() {}

    public static List<CardDefect> check(CardData card, LocalDate today) {
        List<CardDefect> out = new ArrayList<>();
        IdNumber number = card.idNumber();
        for (IdNumberDefect d : number.refusingDefects(today)) {
            out.add(new CardDefect(CardDefect.Kind.ID_NUMBER, d.zh(), d.en()));
        }
        if (!expectedKind(card.type(), number.kind()) && number.kind() != IdNumberKind.UNKNOWN) {
            out.add(new CardDefect(CardDefect.Kind.ID_NUMBER, "号码类型与证件类型不符",
                    "the number's scheme does not match the card type"));
        }
        Optional<Gender> parity = number.genderByParity();
        if (parity.isPresent() && card.gender().isBinary() && !parity.get().equals(card.gender())) {
            out.add(new CardDefect(CardDefect.Kind.GENDER_PARITY, "号码顺序码的性别与证件性别不符",
                    "the gender digit of the number does not match the card's gender"));
        }
        Optional<LocalDate> birth = card.birthDate().date();
        if (birth.isEmpty()) {
            out.add(new CardDefect(CardDefect.Kind.BIRTH_DATE, "证件上的出生日期无效", "the card's birth date is not a valid date"));
        } else if (number.birthDate().isPresent() && !number.birthDate().get().equals(birth.get())) {
            out.add(new CardDefect(CardDefect.Kind.BIRTH_DATE_MISMATCH, "号码中的出生日期与证件出生日期不符",
                    "the birth date inside the number differs from the card's birth date"));
        }
        Validity v = card.validity();
        boolean fromOk = v.from().date().isPresent();
        boolean untilOk = v.until().isLongTerm() || v.until().date().isPresent();
        if (!fromOk || !untilOk || (v.until().date().isPresent() && v.until().date().get().isBefore(v.from().date().get()))) {
            out.add(new CardDefect(CardDefect.Kind.VALIDITY_DATES, "证件有效期限日期无效", "the card's validity dates are not valid"));
        } else if (v.isExpiredOn(today)) {
            out.add(new CardDefect(CardDefect.Kind.EXPIRED, "证件已过有效期（有效期至 " + v.until().iso() + "）",
                    "the card expired on " + v.until().iso()));
        } else if (v.isNotYetValidOn(today)) {
            out.add(new CardDefect(CardDefect.Kind.NOT_YET_VALID, "证件尚未生效（起始日期 " + v.from().iso() + "）",
                    "the card is not valid before " + v.from().iso()));
        }
        return out;
    }

    private static boolean expectedKind(CardType type, IdNumberKind kind) {
        return switch (type) {
            case RESIDENT -> kind == IdNumberKind.RESIDENT;
            case RESIDENCE_PERMIT -> kind == IdNumberKind.RESIDENCE_PERMIT;
            case FOREIGN_PERMANENT_2017 -> kind == IdNumberKind.FOREIGN_2017;
            case FOREIGN_PERMANENT_2023 -> kind == IdNumberKind.FOREIGN_2023;
        };
    }
}
