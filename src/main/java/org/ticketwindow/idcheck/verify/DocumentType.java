package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.identity.CardType;
import org.ticketwindow.idcheck.identity.IdNumberKind;

import java.util.Set;

/** The document types a website record can carry (证件类型), and how the counter checks each. */
public enum DocumentType {
    RID(Check.CHIP),
    FIRST_GENERATION_RID(Check.NOT_SUPPORTED),
    FOREIGN_PERMANENT_CARD(Check.CHIP),
    RESIDENCE_PERMIT_CARD(Check.CHIP),
    PASSPORT(Check.INSPECTED),
    HKMO_PERMIT(Check.INSPECTED),
    TW_PERMIT(Check.INSPECTED);

    /** How a document of this type is checked at the counter. */
    public enum Check {
        /** Read by the card reader (D4: never typed). */
        CHIP,
        /** Inspected by the clerk, data entered or scanned (P-rules: station window only). */
        INSPECTED,
        /** D2: not supported any more. */
        NOT_SUPPORTED
    }
    private final Check check;

    DocumentType(Check check) {
        this.check = check;
    }
    public Check check() { return check; }

    public boolean isChip() { return check == Check.CHIP; }

    /** Passport, HKMO or TW permit: statuses PASSED / REPORT / PRE_PASSED / FAILED, station window only. */
    public boolean isPassportOrPermit() { return check == Check.INSPECTED; }

    /** The number schemes a chip card of this type carries (D5: a number of another scheme is refused). */
    public Set<IdNumberKind> numberKinds() {
        return switch (this) {
            case RID -> Set.of(IdNumberKind.RESIDENT);
            case FOREIGN_PERMANENT_CARD -> Set.of(IdNumberKind.FOREIGN_2017, IdNumberKind.FOREIGN_2023);
            case RESIDENCE_PERMIT_CARD -> Set.of(IdNumberKind.RESIDENCE_PERMIT);
            case FIRST_GENERATION_RID, PASSPORT, HKMO_PERMIT, TW_PERMIT -> Set.of();
        };
    }

    public static DocumentType of(CardType card) {
        return switch (card) {
            case RESIDENT -> RID;
            case FOREIGN_PERMANENT_2017, FOREIGN_PERMANENT_2023 -> FOREIGN_PERMANENT_CARD;
            case RESIDENCE_PERMIT -> RESIDENCE_PERMIT_CARD;
        };
    }
}
