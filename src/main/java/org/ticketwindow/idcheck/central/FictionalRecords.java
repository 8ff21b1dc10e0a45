package org.ticketwindow.idcheck.central;

import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.ForeignPermanentCard2017;
import org.ticketwindow.idcheck.identity.ForeignPermanentCard2023;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.identity.ResidentCard;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FictionalPeople;
import org.ticketwindow.idcheck.reader.sim.Tray;
import org.ticketwindow.idcheck.verify.DocumentType;
import org.ticketwindow.idcheck.verify.IdentityRecord;
import org.ticketwindow.idcheck.verify.RecordRole;
import org.ticketwindow.idcheck.verify.RecordStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Fictional website records for training and tests: one pending registered user per readable tray card
 * ({@code T-<card>}, so every training card finds its record), and {@code n} more for {@link FictionalPeople}
 * ({@code F-<i>}: person i's card finds record F-i). Every tenth generated person also has a pending contact entry in the
 * previous person's account ({@code C-<i>}). Phone last 4 digits are {@code 1234}, e-mail first 3 {@code abc}.
 */
public final class FictionalRecords {
    public static final IdentityRecord.FactorReference FACTORS = new IdentityRecord.FactorReference("1234", "abc", null);

    private FictionalRecords() {}

    public static List<CentralService.Seed> tray() throws CardFixture.FixtureException {
        List<CentralService.Seed> out = new ArrayList<>();
        for (CardFixture f : Tray.cards()) {
            if (f.unreadable() || f.card() == null) continue;
            CardData card = f.card();
            out.add(new CentralService.Seed(new IdentityRecord("T-" + f.id(), RecordRole.REGISTERED_USER, RecordStatus.PENDING,
                    nameOf(card), DocumentType.of(card.type()), card.idNumber().value(), nationalityOf(card), false, FACTORS), null));
        }
        return out;
    }

    public static List<CentralService.Seed> generated(int n) {
        List<CentralService.Seed> out = new ArrayList<>(n + n / 10);
        for (int i = 0; i < n; i++) {
            ResidentCard card = FictionalPeople.card(i);
            out.add(new CentralService.Seed(new IdentityRecord("F-" + i, RecordRole.REGISTERED_USER, RecordStatus.PENDING,
                    card.name(), DocumentType.RID, card.idNumber().value(), "CHN", false, FACTORS), null));
            if (i > 0 && i % 10 == 0) {
                out.add(new CentralService.Seed(new IdentityRecord("C-" + i, RecordRole.CONTACT, RecordStatus.PENDING,
                        card.name(), DocumentType.RID, card.idNumber().value(), "CHN", false, null), "F-" + (i - 1)));
            }
        }
        return out;
    }

    private static PersonName nameOf(CardData card) {
        return switch (card) {
            case ForeignPermanentCard2017 f -> f.chineseName().isBlank() ? f.englishName() : f.chineseName();
            case ForeignPermanentCard2023 f -> f.chineseName().isBlank() ? f.englishName() : f.chineseName();
            default -> card.name();
        };
    }

    private static String nationalityOf(CardData card) {
        return switch (card) {
            case ForeignPermanentCard2017 f -> f.nationality().strip();
            case ForeignPermanentCard2023 f -> f.nationality().strip();
            default -> "CHN";
        };
    }
}
