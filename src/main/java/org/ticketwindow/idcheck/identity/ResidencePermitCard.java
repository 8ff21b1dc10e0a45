package org.ticketwindow.idcheck.identity;

import java.util.List;

/** 港澳台居民居住证 (type flag J), docs/protocol.md §2.4: the resident layout without ethnicity, plus permit fields. */
public record ResidencePermitCard(
        PersonName name,
        Gender gender,
        CardDate birthDate,
        String address,
        IdNumber idNumber,
        String issuingAuthority,
        Validity validity,
        String passNumber,
        String issueCount,
        List<String> appendedAddresses,
        byte[] photo,
        byte[] fingerprint) implements CardData {

    public ResidencePermitCard {
        appendedAddresses = List.copyOf(appendedAddresses);
    }

    @Override public CardType type() { return CardType.RESIDENCE_PERMIT; }

    @Override public CardData withAppendedAddresses(List<String> addresses) {
        return new ResidencePermitCard(name, gender, birthDate, address, idNumber, issuingAuthority, validity,
                passNumber, issueCount, addresses, photo, fingerprint);
    }

    @Override public String toString() { return CardData.describe(this); }
}
