package org.ticketwindow.idcheck.ui;

import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.CardDate;
import org.ticketwindow.idcheck.identity.ForeignPermanentCard2017;
import org.ticketwindow.idcheck.identity.ForeignPermanentCard2023;
import org.ticketwindow.idcheck.identity.ResidencePermitCard;
import org.ticketwindow.idcheck.identity.ResidentCard;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every field a chip card holds, in the order the clerk reads them, as label keys and values (the centre panel): the
 * resident card's 民族, 住址 and appended addresses, 签发机关; a foreigner's English name, nationality and the 2023 card's
 * link to the old number; a residence permit's pass number and issue count.
 */
final class CardFields {
    record Field(String key, String value, String style) {
        Field(String key, String value) { this(key, value, "card-value"); }
    }

    private CardFields() {}

    static List<Field> of(CardData c, Messages messages) {
        List<Field> out = new ArrayList<>();
        out.add(new Field("card.type", messages.of(c.type())));
        out.add(new Field("card.name", c.name().value(), "card-name"));
        switch (c) {
            case ForeignPermanentCard2017 f -> {
                if (!f.chineseName().isBlank()) out.add(new Field("card.englishName", f.englishName().value()));
            }
            case ForeignPermanentCard2023 f -> {
                if (!f.chineseName().isBlank()) out.add(new Field("card.englishName", f.englishName().value()));
            }
            case ResidentCard r -> { }
            case ResidencePermitCard r -> { }
        }
        out.add(new Field("card.number", c.idNumber().value(), "card-number"));
        out.add(new Field("card.gender", c.gender().text().map(messages::of).orElse(c.gender().code())));
        if (c instanceof ResidentCard r) {
            out.add(new Field("card.ethnicity", r.ethnicity().zh().orElse(r.ethnicity().code())));
        }
        out.add(new Field("card.birth", c.birthDate().iso()));
        switch (c) {
            case ResidentCard r -> addressAndAuthority(out, r.address(), r.appendedAddresses(), r.issuingAuthority());
            case ResidencePermitCard r -> {
                addressAndAuthority(out, r.address(), r.appendedAddresses(), r.issuingAuthority());
                out.add(new Field("card.passNumber", r.passNumber().strip()));
                out.add(new Field("card.issueCount", r.issueCount().strip()));
            }
            case ForeignPermanentCard2017 f -> out.add(new Field("card.nationality", f.nationality().strip()));
            case ForeignPermanentCard2023 f -> {
                out.add(new Field("card.nationality", f.nationality().strip()));
                if (!f.previousNumberLink().isBlank()) out.add(new Field("card.previousNumber", f.previousNumberLink().strip()));
            }
        }
        out.add(new Field("card.validity", date(c.validity().from(), messages) + " – " + date(c.validity().until(), messages)));
        return out;
    }

    private static void addressAndAuthority(List<Field> out, String address, List<String> appended, String authority) {
        out.add(new Field("card.address", address.strip()));
        for (String a : appended) out.add(new Field("card.appended", a.strip()));
        out.add(new Field("card.authority", authority.strip()));
    }

    private static String date(CardDate d, Messages messages) { return d.isLongTerm() ? messages.get("card.longTerm") : d.iso(); }

    /**
     * The code points of the characters the console's fonts may not draw: outside the BMP, private use, or not in GBK
     * (the rare characters of N1), as {@code U+2A6A5}.
     */
    static List<String> rareCodePoints(String name) {
        CharsetEncoder gbk = Charset.forName("GBK").newEncoder();
        List<String> out = new ArrayList<>();
        name.codePoints().forEach(cp -> {
            boolean rare = Character.isSupplementaryCodePoint(cp) || Character.getType(cp) == Character.PRIVATE_USE
                    || !gbk.canEncode(new String(Character.toChars(cp)));
            if (rare) out.add(String.format(Locale.ROOT, "U+%04X", cp));
        });
        return out;
    }
}
