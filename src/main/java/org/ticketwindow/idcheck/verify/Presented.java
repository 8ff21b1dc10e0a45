package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.ElectronicProof;

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
}
