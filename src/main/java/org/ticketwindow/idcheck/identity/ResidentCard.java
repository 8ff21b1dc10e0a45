package org.ticketwindow.idcheck.identity;

import java.util.List;

/** 居民身份证 (second-generation resident ID card), docs/protocol.md §2.2. */
public record ResidentCard(
        PersonName name,
        Gender gender,
        Ethnicity ethnicity,
        CardDate birthDate,
        String address,
        IdNumber idNumber,
        String issuingAuthority,
        Validity validity,
        List<String> appendedAddresses,
        byte[] photo,
        byte[] fingerprint) implements CardData {

    public ResidentCard {
        appendedAddresses = List.copyOf(appendedAddresses);
    }

    @Override public CardType type() { return CardType.RESIDENT; }

    @Override public CardData withAppendedAddresses(List<String> addresses) {
        return new ResidentCard(name, gender, ethnicity, birthDate, address, idNumber, issuingAuthority, validity,
                addresses, photo, fingerprint);
    }

    @Override public String toString() { return CardData.describe(this); }
}
