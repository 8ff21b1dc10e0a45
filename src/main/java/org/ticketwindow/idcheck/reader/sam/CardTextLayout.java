package org.ticketwindow.idcheck.reader.sam;

import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.CardDate;
import org.ticketwindow.idcheck.identity.CardType;
import org.ticketwindow.idcheck.identity.Ethnicity;
import org.ticketwindow.idcheck.identity.ForeignPermanentCard2017;
import org.ticketwindow.idcheck.identity.ForeignPermanentCard2023;
import org.ticketwindow.idcheck.identity.Gender;
import org.ticketwindow.idcheck.identity.IdNumber;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.identity.ResidencePermitCard;
import org.ticketwindow.idcheck.identity.ResidentCard;
import org.ticketwindow.idcheck.identity.Validity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The 256-byte UCS-2LE text block of the four card types (docs/protocol.md §2.2–2.6): fixed fields, space padded,
 * type flag at byte 248. Decoding trims trailing spaces (and NULs) only — never cuts a name at an inner space.
 */
public final class CardTextLayout {
    public static final int TYPE_FLAG_OFFSET = 248;
    /** One appended-address record of {@code 30 03}: 70 bytes UCS-2 (§2.7). */
    public static final int APPENDED_ADDRESS_RECORD = 70;

    private CardTextLayout() {}

    /** Thrown for a type flag that is none of ' ', I, Y, J: "unsupported card type" (§2.6). */
    public static final class UnsupportedCardTypeException extends Exception {
        private final int flag;

        public UnsupportedCardTypeException(int flag) {
            super(String.format("unsupported card type flag U+%04X", flag));
            this.flag = flag;
        }

        public int flag() { return flag; }
    }

    /** The card type flag character at byte 248. */
    public static int typeFlag(byte[] text) {
        return (text[TYPE_FLAG_OFFSET] & 0xFF) | ((text[TYPE_FLAG_OFFSET + 1] & 0xFF) << 8);
    }

    public static CardData decode(ReadPayload payload) throws UnsupportedCardTypeException {
        byte[] t = payload.text();
        if (t.length != ReadPayload.TEXT_LENGTH) throw new IllegalArgumentException("text block must be 256 bytes");
        int flag = typeFlag(t);
        CardType type = CardType.byFlag((char) flag);
        if (type == null) throw new UnsupportedCardTypeException(flag);
        byte[] photo = payload.photo();
        byte[] fp = payload.fingerprint();
        return switch (type) {
            case RESIDENT -> new ResidentCard(new PersonName(s(t, 0, 30)), new Gender(s(t, 30, 2)),
                    new Ethnicity(s(t, 32, 4)), new CardDate(s(t, 36, 16)), s(t, 52, 70), IdNumber.of(s(t, 122, 36)),
                    s(t, 158, 30), new Validity(new CardDate(s(t, 188, 16)), new CardDate(s(t, 204, 16))),
                    List.of(), photo, fp);
            case RESIDENCE_PERMIT -> new ResidencePermitCard(new PersonName(s(t, 0, 30)), new Gender(s(t, 30, 2)),
                    new CardDate(s(t, 36, 16)), s(t, 52, 70), IdNumber.of(s(t, 122, 36)), s(t, 158, 30),
                    new Validity(new CardDate(s(t, 188, 16)), new CardDate(s(t, 204, 16))),
                    s(t, 220, 18), s(t, 238, 4), List.of(), photo, fp);
            case FOREIGN_PERMANENT_2017 -> new ForeignPermanentCard2017(new PersonName(s(t, 0, 120)),
                    new PersonName(s(t, 158, 30)), new Gender(s(t, 120, 2)), IdNumber.of(s(t, 122, 30)),
                    s(t, 152, 6), new Validity(new CardDate(s(t, 188, 16)), new CardDate(s(t, 204, 16))),
                    new CardDate(s(t, 220, 16)), s(t, 236, 4), s(t, 240, 8), photo, fp);
            case FOREIGN_PERMANENT_2023 -> new ForeignPermanentCard2023(new PersonName(s(t, 0, 30)),
                    new PersonName(joinEnglish(raw(t, 52, 70), raw(t, 220, 22))), new Gender(s(t, 30, 2)),
                    s(t, 32, 4), new CardDate(s(t, 36, 16)), IdNumber.of(s(t, 122, 36)),
                    new Validity(new CardDate(s(t, 188, 16)), new CardDate(s(t, 204, 16))),
                    s(t, 242, 6), s(t, 250, 6), photo, fp);
        };
    }

    /** The 256-byte block for a card (simulator and fixtures). A field too long for its slot is an error. */
    public static byte[] encode(CardData card) {
        byte[] t = new byte[ReadPayload.TEXT_LENGTH];
        for (int i = 0; i < t.length; i += 2) t[i] = 0x20; // U+0020 padding
        switch (card) {
            case ResidentCard c -> {
                putResidentFields(t, c, c.address(), c.issuingAuthority());
                put(t, 32, 4, c.ethnicity().code(), "ethnicity");
            }
            case ResidencePermitCard c -> {
                putResidentFields(t, c, c.address(), c.issuingAuthority());
                put(t, 220, 18, c.passNumber(), "passNumber");
                put(t, 238, 4, c.issueCount(), "issueCount");
            }
            case ForeignPermanentCard2017 c -> {
                put(t, 0, 120, c.englishName().value(), "englishName");
                put(t, 120, 2, c.gender().code(), "gender");
                put(t, 122, 30, c.idNumber().value(), "idNumber");
                put(t, 152, 6, c.nationality(), "nationality");
                put(t, 158, 30, c.chineseName().value(), "name");
                put(t, 188, 16, c.validity().from().raw(), "validFrom");
                put(t, 204, 16, c.validity().until().raw(), "validUntil");
                put(t, 220, 16, c.birthDate().raw(), "birthDate");
                put(t, 236, 4, c.version(), "version");
                put(t, 240, 8, c.authorityCode(), "authorityCode");
            }
            case ForeignPermanentCard2023 c -> {
                put(t, 0, 30, c.chineseName().value(), "name");
                put(t, 30, 2, c.gender().code(), "gender");
                put(t, 32, 4, c.renewalCount(), "renewalCount");
                put(t, 36, 16, c.birthDate().raw(), "birthDate");
                byte[] english = c.englishName().value().getBytes(StandardCharsets.UTF_16LE);
                if (english.length > 70 + 22) throw new IllegalArgumentException("englishName: longer than 46 characters");
                System.arraycopy(english, 0, t, 52, Math.min(70, english.length));
                if (english.length > 70) System.arraycopy(english, 70, t, 220, english.length - 70);
                put(t, 122, 36, c.idNumber().value(), "idNumber");
                put(t, 188, 16, c.validity().from().raw(), "validFrom");
                put(t, 204, 16, c.validity().until().raw(), "validUntil");
                put(t, 242, 6, c.nationality(), "nationality");
                put(t, 250, 6, c.previousNumberLink(), "previousNumberLink");
            }
        }
        t[TYPE_FLAG_OFFSET] = (byte) card.type().flag();
        t[TYPE_FLAG_OFFSET + 1] = 0;
        return t;
    }

    /** Offsets 0–219 shared by the resident card and the residence permit (§2.2, §2.4). */
    private static void putResidentFields(byte[] t, CardData c, String address, String issuingAuthority) {
        put(t, 0, 30, c.name().value(), "name");
        put(t, 30, 2, c.gender().code(), "gender");
        put(t, 36, 16, c.birthDate().raw(), "birthDate");
        put(t, 52, 70, address, "address");
        put(t, 122, 36, c.idNumber().value(), "idNumber");
        put(t, 158, 30, issuingAuthority, "issuingAuthority");
        put(t, 188, 16, c.validity().from().raw(), "validFrom");
        put(t, 204, 16, c.validity().until().raw(), "validUntil");
    }

    /** Appended addresses of a {@code 30 03} answer: up to four 70-byte records, blank ones dropped. */
    public static List<String> decodeAppendedAddresses(byte[] data) {
        List<String> out = new ArrayList<>();
        for (int p = 0; p + APPENDED_ADDRESS_RECORD <= data.length && out.size() < 4; p += APPENDED_ADDRESS_RECORD) {
            String a = s(data, p, APPENDED_ADDRESS_RECORD);
            if (!a.isEmpty()) out.add(a);
        }
        return out;
    }

    public static byte[] encodeAppendedAddresses(List<String> addresses) {
        if (addresses.size() > 4) throw new IllegalArgumentException("at most 4 appended addresses");
        byte[] out = new byte[addresses.size() * APPENDED_ADDRESS_RECORD];
        for (int i = 0; i < out.length; i += 2) out[i] = 0x20;
        for (int i = 0; i < addresses.size(); i++) {
            put(out, i * APPENDED_ADDRESS_RECORD, APPENDED_ADDRESS_RECORD, addresses.get(i), "appendedAddress");
        }
        return out;
    }

    private static byte[] raw(byte[] t, int off, int len) { return Arrays.copyOfRange(t, off, off + len); }

    private static String joinEnglish(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return trim(new String(all, StandardCharsets.UTF_16LE));
    }

    private static String s(byte[] t, int off, int len) {
        return trim(new String(t, off, len, StandardCharsets.UTF_16LE));
    }

    private static String trim(String s) {
        int e = s.length();
        while (e > 0 && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\0')) e--;
        return s.substring(0, e);
    }

    private static void put(byte[] t, int off, int len, String value, String field) {
        if (value == null) return;
        byte[] b = value.getBytes(StandardCharsets.UTF_16LE);
        if (b.length > len) {
            throw new IllegalArgumentException(field + ": " + (b.length / 2) + " UCS-2 units do not fit in " + (len / 2));
        }
        System.arraycopy(b, 0, t, off, b.length);
    }
}
