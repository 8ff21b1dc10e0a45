package org.ticketwindow.idcheck.identity;

/**
 * 外国人永久居留身份证, 2023 edition (type flag Y), docs/protocol.md §2.5. The English name is stored in two parts
 * (chars 1–35 at offset 52, chars 36–46 at offset 220); {@link #englishName()} is the joined name.
 */
public record ForeignPermanentCard2023(
        PersonName chineseName,
        PersonName englishName,
        Gender gender,
        String renewalCount,
        CardDate birthDate,
        IdNumber idNumber,
        Validity validity,
        String nationality,
        String previousNumberLink,
        byte[] photo,
        byte[] fingerprint) implements CardData {

    @Override public CardType type() { return CardType.FOREIGN_PERMANENT_2023; }

    @Override public PersonName name() { return chineseName.isBlank() ? englishName : chineseName; }

    @Override public String toString() { return CardData.describe(this); }
}
