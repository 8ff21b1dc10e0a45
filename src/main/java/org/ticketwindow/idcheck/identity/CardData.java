package org.ticketwindow.idcheck.identity;

import java.util.List;

/**
 * What a chip card holds, for the four card types of docs/protocol.md §2.2–2.6. Photo (1024-byte WLT) and
 * fingerprint bytes are kept raw; the raw 256-byte text block is kept for diagnostics and re-encoding.
 * Every implementation masks personal data in {@code toString()} (PD1).
 */
public sealed interface CardData
        permits ResidentCard, ResidencePermitCard, ForeignPermanentCard2017, ForeignPermanentCard2023 {

    CardType type();

    /** The name the counter compares: the Chinese name, or for a 2017 foreign card without one, the English name. */
    PersonName name();

    IdNumber idNumber();

    Gender gender();

    CardDate birthDate();

    Validity validity();

    /** The 1024-byte WLT photo as read (empty when the read did not return one). */
    byte[] photo();

    /** Fingerprint data: 0, 512 or 1024 bytes. */
    byte[] fingerprint();

    /** Appended (newer) addresses from command 30 03; empty when none or not read. */
    default List<String> appendedAddresses() { return List.of(); }

    /** A copy of this card with the appended addresses set (cards without an address field ignore them). */
    default CardData withAppendedAddresses(List<String> addresses) { return this; }

    static String describe(CardData c) {
        return c.type() + "[name=" + c.name().masked() + ", idNumber=" + c.idNumber().masked()
                + ", photo=" + Masking.bytes(c.photo()) + ", fingerprint=" + Masking.bytes(c.fingerprint()) + "]";
    }
}
