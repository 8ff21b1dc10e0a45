package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.DocumentNumbers;
import org.ticketwindow.idcheck.identity.ForeignPermanentCard2017;
import org.ticketwindow.idcheck.identity.ForeignPermanentCard2023;
import org.ticketwindow.idcheck.identity.PersonName;


/**
 * The identity fields a presented document shows, whatever its source. {@code altName} is a foreign card's English
 * name when the card also has a Chinese one (a website record may hold either).
 */
record PresentedIdentity(DocumentType type, String number, PersonName name, PersonName altName, String nationality) {

    /** The identity of a document that carries one (chip, entered, proof); null for an unreadable card. */
    static PresentedIdentity of(Presented p) {
        return switch (p) {
            case Presented.Chip c -> ofCard(c.card());
            case Presented.Entered e -> new PresentedIdentity(e.document().type(), e.document().number(),
                    e.document().name(), new PersonName(""), e.document().nationality());
            case Presented.Proof pr -> new PresentedIdentity(DocumentType.RID, pr.proof().idNumber().value(),
                    pr.proof().name(), new PersonName(""), "CHN");
            case Presented.AsRecorded r -> r.evidence().source() == DocumentEvidence.Source.UNREADABLE ? null
                    : new PresentedIdentity(r.evidence().type(), r.evidence().number(), r.evidence().name(),
                            r.evidence().altName(), r.evidence().nationality());
            case Presented.Unreadable u -> null;
        };
    }

    private static PresentedIdentity ofCard(CardData card) {
        DocumentType type = DocumentType.of(card.type());
        String number = card.idNumber().value();
        return switch (card) {
            case ForeignPermanentCard2017 f -> foreign(type, number, f.chineseName(), f.englishName(), f.nationality());
            case ForeignPermanentCard2023 f -> foreign(type, number, f.chineseName(), f.englishName(), f.nationality());
            default -> new PresentedIdentity(type, number, card.name(), new PersonName(""), "CHN");
        };
    }

    /** A foreign card compares by its Chinese name when it has one, else its English name; the other is the alternative. */
    private static PresentedIdentity foreign(DocumentType type, String number, PersonName chinese, PersonName english,
                                             String nationality) {
        return chinese.isBlank()
                ? new PresentedIdentity(type, number, english, new PersonName(""), nationality.strip())
                : new PresentedIdentity(type, number, chinese, english, nationality.strip());
    }

    boolean sameNumber(String other) { return DocumentNumbers.same(number, other); }
}
