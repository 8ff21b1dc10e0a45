package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.ElectronicProof;
import org.ticketwindow.idcheck.identity.ResidentCard;

import java.util.Objects;

/**
 * A document as it reached the counter: read from a chip, failed to read (D3), entered or scanned by the clerk
 * (passports and permits), or an accepted electronic proof (E3). The console turns reader outcomes into these;
 * the rules never see the reader.
 */
public sealed interface Presented {

    record Chip(CardData card) implements Presented {
        public Chip {
            Objects.requireNonNull(card, "card");
        }
    }

    /** A card was on the reader but could not be read after the bounded retries (D3). No personal data. */
    record Unreadable(String readerDetail) implements Presented {
        public Unreadable {
            readerDetail = readerDetail == null ? "" : readerDetail;
        }
    }

    record Entered(EnteredDocument document) implements Presented {
        public Entered {
            Objects.requireNonNull(document, "document");
        }
    }

    record Proof(ElectronicProof proof) implements Presented {
        public Proof {
            Objects.requireNonNull(proof, "proof");
        }
    }

    /**
     * A document as a counter's result recorded it (A1), read and checked at that counter (D1–D5). The reference
     * central decides again from these when the result arrives; it never has the card itself.
     */
    record AsRecorded(DocumentEvidence evidence) implements Presented {
        public AsRecorded {
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    /** Read from a chip (here, or at the counter that recorded it). */
    default boolean isChip() {
        return this instanceof Chip || this instanceof AsRecorded r && r.evidence().source() == DocumentEvidence.Source.CHIP;
    }

    /** An electronic temporary proof (here, or at the counter that recorded it). */
    default boolean isElectronicProof() {
        return this instanceof Proof
                || this instanceof AsRecorded r && r.evidence().source() == DocumentEvidence.Source.ELECTRONIC_PROOF;
    }

    /** A second-generation resident ID card read from its chip (L1 wants two of these). */
    default boolean isResidentChip() {
        return this instanceof Chip c ? c.card() instanceof ResidentCard
                : isChip() && this instanceof AsRecorded r && r.evidence().type() == DocumentType.RID;
    }

    /** A passport or permit the clerk inspected and entered or scanned. */
    default boolean isInspected() {
        return switch (this) {
            case Entered e -> e.document().type().isPassportOrPermit();
            case AsRecorded r -> r.evidence().type().isPassportOrPermit()
                    && (r.evidence().source() == DocumentEvidence.Source.KEYBOARD || r.evidence().source() == DocumentEvidence.Source.MRZ);
            default -> false;
        };
    }
}
