package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.identity.CardChecks;
import org.ticketwindow.idcheck.identity.CardDate;
import org.ticketwindow.idcheck.identity.CardDefect;
import org.ticketwindow.idcheck.identity.Masking;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.identity.Validity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One presented document as a result records it (A1 "as read"): its slot, how it was presented, its type, number,
 * name (and a foreign card's other name), nationality and validity period, and which of the card's checks that need
 * more than this failed ({@code cardDefects}: gender parity, birth date). Nothing else: no photo, fingerprint, address
 * or birth date (S7). An unreadable card records only the reader's detail (D3). The central runs the document checks
 * again from these fields (D1–D5), so what the counter refused it refuses too. Masked in {@code toString()} (PD1).
 */
public record DocumentEvidence(DocumentRole role, Source source, DocumentType type, String number, PersonName name,
                               PersonName altName, String nationality, String validFrom, String validUntil,
                               List<CardDefect.Kind> cardDefects, String readerDetail) {

    public enum Source { CHIP, KEYBOARD, MRZ, UNREADABLE, ELECTRONIC_PROOF }

    public DocumentEvidence {
        // a result recorded before these were kept has none
        validFrom = validFrom == null ? "" : validFrom;
        validUntil = validUntil == null ? "" : validUntil;
        cardDefects = cardDefects == null ? List.of() : List.copyOf(cardDefects);
        readerDetail = readerDetail == null ? "" : readerDetail;
    }

    public static DocumentEvidence of(DocumentRole role, Presented p) {
        PresentedIdentity id = PresentedIdentity.of(p);
        return switch (p) {
            case Presented.Unreadable u -> new DocumentEvidence(role, Source.UNREADABLE, DocumentType.RID, "",
                    new PersonName(""), new PersonName(""), "", "", "", List.of(), u.readerDetail());
            case Presented.Chip c -> new DocumentEvidence(role, Source.CHIP, id.type(), id.number(), id.name(), id.altName(),
                    id.nationality(), c.card().validity().from().iso(), c.card().validity().until().iso(),
                    CardChecks.cardOnly(c.card()).stream().map(CardDefect::kind).toList(), "");
            case Presented.Entered e -> shown(role, e.document().source() == EnteredDocument.Source.MRZ ? Source.MRZ
                    : Source.KEYBOARD, id, e.document().validUntil() == null ? "" : e.document().validUntil().toString());
            case Presented.Proof pr -> shown(role, Source.ELECTRONIC_PROOF, id, pr.proof().validUntil().toString());
            case Presented.AsRecorded r -> r.evidence().role() == role ? r.evidence() : new DocumentEvidence(role,
                    r.evidence().source(), r.evidence().type(), r.evidence().number(), r.evidence().name(),
                    r.evidence().altName(), r.evidence().nationality(), r.evidence().validFrom(), r.evidence().validUntil(),
                    r.evidence().cardDefects(), r.evidence().readerDetail());
        };
    }

    private static DocumentEvidence shown(DocumentRole role, Source source, PresentedIdentity id, String validUntil) {
        return new DocumentEvidence(role, source, id.type(), id.number(), id.name(), id.altName(), id.nationality(),
                "", validUntil, List.of(), "");
    }

    /** The card's validity period as recorded (a start date may be missing from an older result). */
    public Validity validity() {
        return new Validity(CardDate.fromIso(validFrom), CardDate.fromIso(validUntil));
    }

    /** The validity end as a date; null when long-term (长期), unknown or not a date. */
    public LocalDate validUntilDate() {
        try {
            return validUntil.isEmpty() ? null : LocalDate.parse(validUntil);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override public String toString() {
        return "DocumentEvidence[" + role + ", " + source + ", " + type + " " + Masking.documentNumber(number)
                + ", name=" + name.masked() + "]";
    }
}
