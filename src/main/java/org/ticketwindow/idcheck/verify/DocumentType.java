package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.identity.CardType;
import org.ticketwindow.idcheck.identity.IdNumberKind;

import java.util.Set;

/** The document types a website record can carry (证件类型), and how the counter checks each. */
public enum DocumentType {
    RID("二代居民身份证", "resident ID card", Check.CHIP),
    FIRST_GENERATION_RID("一代居民身份证", "first-generation ID card", Check.NOT_SUPPORTED),
    FOREIGN_PERMANENT_CARD("外国人永久居留身份证", "foreigner's permanent residence ID card", Check.CHIP),
    RESIDENCE_PERMIT_CARD("港澳台居民居住证", "HK/Macao/Taiwan residents' residence permit", Check.CHIP),
    PASSPORT("护照", "passport", Check.INSPECTED),
    HKMO_PERMIT("港澳居民来往内地通行证", "HK/Macao residents' travel permit", Check.INSPECTED),
    TW_PERMIT("台湾居民来往大陆通行证", "Taiwan residents' travel permit", Check.INSPECTED);

    /** How a document of this type is checked at the counter. */
    public enum Check {
        /** Read by the card reader (D4: never typed). */
        CHIP,
        /** Inspected by the clerk, data entered or scanned (P-rules: station window only). */
        INSPECTED,
        /** D2: not supported any more. */
        NOT_SUPPORTED
    }

    private final String zh;
    private final String en;
    private final Check check;

    DocumentType(String zh, String en, Check check) {
        this.zh = zh;
        this.en = en;
        this.check = check;
    }

    public String zh() { return zh; }
    public String en() { return en; }
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
