package org.ticketwindow.idcheck.identity;

/** 外国人永久居留身份证, 2017 edition (type flag I), docs/protocol.md §2.3. */
public record ForeignPermanentCard2017(
        PersonName englishName,
        PersonName chineseName,
        Gender gender,
        IdNumber idNumber,
        String nationality,
        Validity validity,
        CardDate birthDate,
        String version,
        String authorityCode,
        byte[] photo,
        byte[] fingerprint) implements CardData {

    @Override public CardType type() { return CardType.FOREIGN_PERMANENT_2017; }

    @Override public PersonName name() { return chineseName.isBlank() ? englishName : chineseName; }

    @Override public String toString() { return CardData.describe(this); }
}
