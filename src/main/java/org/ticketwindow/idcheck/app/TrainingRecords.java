package org.ticketwindow.idcheck.app;

import org.ticketwindow.idcheck.central.CentralService;

import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.identity.ResidentCard;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FictionalPeople;
import org.ticketwindow.idcheck.reader.sim.Tray;
import org.ticketwindow.idcheck.verify.DocumentEvidence;
import org.ticketwindow.idcheck.verify.DocumentRole;
import org.ticketwindow.idcheck.verify.DocumentType;
import org.ticketwindow.idcheck.verify.Presented;
import org.ticketwindow.idcheck.verify.IdentityRecord;
import org.ticketwindow.idcheck.verify.RecordRole;
import org.ticketwindow.idcheck.verify.RecordStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Training mode's seed for the reference central (it lives here, beside {@link TrainingMode}, so that the central
 * itself knows nothing of the card simulator). Fictional website records for training and tests: one pending registered user per readable tray card
 * ({@code T-<card>}, so every training card finds its record), and {@code n} more for {@link FictionalPeople}
 * ({@code F-<i>}: person i's card finds record F-i). Every tenth generated person also has a pending contact entry in the
 * previous person's account ({@code C-<i>}). Phone last 4 digits are {@code 1234}, e-mail first 3 {@code abc}.
 */
public final class TrainingRecords {
    public static final IdentityRecord.FactorReference FACTORS = new IdentityRecord.FactorReference("1234", "abc", null);

    private TrainingRecords() {}

    public static List<CentralService.Seed> tray() throws CardFixture.FixtureException {
        List<CentralService.Seed> out = new ArrayList<>();
        for (CardFixture f : Tray.cards()) {
            if (f.unreadable() || f.card() == null) continue;
            // the identity the rules see on this card (a foreign card's Chinese name when it has one), as a result records it
            DocumentEvidence shown = DocumentEvidence.of(DocumentRole.HOLDER, new Presented.Chip(f.card()));
            out.add(new CentralService.Seed(new IdentityRecord("T-" + f.id(), RecordRole.REGISTERED_USER, RecordStatus.PENDING,
                    shown.name(), shown.type(), shown.number(), shown.nationality(), false, FACTORS), null));
        }
        return out;
    }

    /** The training passport's record (pre-verification): a fictional Utopian (ICAO's specimen country), reported. */
    public static final IdentityRecord TRAINING_PASSPORT = new IdentityRecord("T-passport", RecordRole.REGISTERED_USER,
            RecordStatus.REPORT, new PersonName("TESTER ALEX"), DocumentType.PASSPORT, "EA1234567", "UTO", false, FACTORS);

    /**
     * Training mode's central: the tray's records, arranged so every case can be practised. The long-term card's holder
     * is a verified registered user with the female card's holder as a pending contact (over-limit contact, two cards);
     * the traditional-name card's record is flagged as a duplicate identity (duplicate claim); the long-name card's record
 * was typed with a full stop for the middle dot (on-site mismatch, N5); a reported passport
     * record waits for pre-verification.
     */
    public static List<CentralService.Seed> training() throws CardFixture.FixtureException {
        List<CentralService.Seed> out = new ArrayList<>();
        IdentityRecord femaleHolder = null;
        for (CentralService.Seed s : tray()) {
            IdentityRecord r = s.record();
            switch (r.id()) {
                case "T-long-term" -> r = r.withStatus(RecordStatus.PASSED);
                case "T-traditional" -> r = r.withDuplicateIdentity(true);
                // the passenger typed a full stop for the middle dot (N5): the on-site case fails with the hint
                case "T-long-name" -> r = new IdentityRecord(r.id(), r.role(), r.status(), new PersonName(r.name().value().replace('·', '.')),
                        r.documentType(), r.documentNumber(), r.nationality(), r.duplicateIdentity(), r.factors());
                case "T-ordinary-female" -> femaleHolder = r;
                default -> { }
            }
            out.add(new CentralService.Seed(r, s.registeredUserId()));
        }
        if (femaleHolder != null) {
            out.add(new CentralService.Seed(new IdentityRecord("TC-ordinary-female", RecordRole.CONTACT, RecordStatus.PENDING,
                    femaleHolder.name(), femaleHolder.documentType(), femaleHolder.documentNumber(), femaleHolder.nationality(),
                    false, null), "T-long-term"));
        }
        // L1 both ways: the long-term card's holder already holds the limit's worth (100) of verified contacts, so adding
        // the female card's holder takes both cards (over the limit); with a supervisor's higher limit (peak season,
        // policy.contact-limit) the same exercise shows the note that the limit is not reached
        out.addAll(verifiedContacts("T-long-term", 0, org.ticketwindow.idcheck.verify.Policy.DEFAULT.contactLimit()));
        out.add(new CentralService.Seed(TRAINING_PASSPORT, null));
        return out;
    }

    /** {@code count} verified (PASSED) contacts of {@code userId}: fictional people from number {@code from} on. */
    private static List<CentralService.Seed> verifiedContacts(String userId, int from, int count) {
        List<CentralService.Seed> out = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            ResidentCard card = FictionalPeople.card(i);
            out.add(new CentralService.Seed(new IdentityRecord("TG-" + i, RecordRole.CONTACT, RecordStatus.PASSED, card.name(),
                    DocumentType.RID, card.idNumber().value(), "CHN", false, null), userId));
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
}
