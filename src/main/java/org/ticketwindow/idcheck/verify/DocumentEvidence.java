package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.Masking;
import org.ticketwindow.idcheck.identity.PersonName;

/**
 * One presented document as a result records it (A1 "as read"): its slot, how it was presented, its type, number,
 * name, nationality and validity end. Nothing else: no photo, fingerprint, address or birth date (S7). An unreadable
 * card records only the reader's detail (D3). Masked in {@code toString()} (PD1).
 */
public record DocumentEvidence(DocumentRole role, Source source, DocumentType type, String number, PersonName name,
                               String nationality, String validUntil, String readerDetail) {

    public enum Source { CHIP, KEYBOARD, MRZ, UNREADABLE, ELECTRONIC_PROOF }

    public static DocumentEvidence of(DocumentRole role, Presented p) {
        return switch (p) {
            case Presented.Chip c -> {
                CardData card = c.card();
                PresentedIdentity id = PresentedIdentity.of(p);
                yield new DocumentEvidence(role, Source.CHIP, id.type(), id.number(), id.name(), id.nationality(),
                        card.validity().until().iso(), "");
            }
            case Presented.Entered e -> new DocumentEvidence(role,
                    e.document().source() == EnteredDocument.Source.MRZ ? Source.MRZ : Source.KEYBOARD,
                    e.document().type(), e.document().number(), e.document().name(), e.document().nationality(),
                    e.document().validUntil() == null ? "" : e.document().validUntil().toString(), "");
            case Presented.Proof pr -> new DocumentEvidence(role, Source.ELECTRONIC_PROOF, DocumentType.RID,
                    pr.proof().idNumber().value(), pr.proof().name(), "CHN", pr.proof().validUntil().toString(), "");
            case Presented.Unreadable u -> new DocumentEvidence(role, Source.UNREADABLE, DocumentType.RID, "",
                    new PersonName(""), "", "", u.readerDetail());
        };
    }

    @Override public String toString() {
        return "DocumentEvidence[" + role + ", " + source + ", " + type + " " + Masking.documentNumber(number)
                + ", name=" + name.masked() + "]";
    }
}
