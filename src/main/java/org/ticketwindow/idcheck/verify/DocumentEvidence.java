package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.identity.Masking;
import org.ticketwindow.idcheck.identity.PersonName;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * One presented document as a result records it (A1 "as read"): its slot, how it was presented, its type, number,
 * name (and a foreign card's other name), nationality and validity end. Nothing else: no photo, fingerprint, address or birth date (S7). An unreadable
 * card records only the reader's detail (D3). Masked in {@code toString()} (PD1).
 */
public record DocumentEvidence(DocumentRole role, Source source, DocumentType type, String number, PersonName name,
                               PersonName altName, String nationality, String validUntil, String readerDetail) {

    public enum Source { CHIP, KEYBOARD, MRZ, UNREADABLE, ELECTRONIC_PROOF }

    public static DocumentEvidence of(DocumentRole role, Presented p) {
        PresentedIdentity id = PresentedIdentity.of(p);
        return switch (p) {
            case Presented.Unreadable u -> new DocumentEvidence(role, Source.UNREADABLE, DocumentType.RID, "",
                    new PersonName(""), new PersonName(""), "", "", u.readerDetail());
            case Presented.Chip c -> shown(role, Source.CHIP, id, c.card().validity().until().iso());
            case Presented.Entered e -> shown(role, e.document().source() == EnteredDocument.Source.MRZ ? Source.MRZ
                    : Source.KEYBOARD, id, e.document().validUntil() == null ? "" : e.document().validUntil().toString());
            case Presented.Proof pr -> shown(role, Source.ELECTRONIC_PROOF, id, pr.proof().validUntil().toString());
            case Presented.AsRecorded r -> new DocumentEvidence(role, r.evidence().source(), r.evidence().type(),
                    r.evidence().number(), r.evidence().name(), r.evidence().altName(), r.evidence().nationality(),
                    r.evidence().validUntil(), r.evidence().readerDetail());
        };
    }

    private static DocumentEvidence shown(DocumentRole role, Source source, PresentedIdentity id, String validUntil) {
        return new DocumentEvidence(role, source, id.type(), id.number(), id.name(), id.altName(), id.nationality(),
                validUntil, "");
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
