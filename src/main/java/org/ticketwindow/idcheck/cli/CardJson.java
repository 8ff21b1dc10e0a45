package org.ticketwindow.idcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.CardDate;
import org.ticketwindow.idcheck.identity.CardDefect;
import org.ticketwindow.idcheck.identity.ForeignPermanentCard2017;
import org.ticketwindow.idcheck.identity.ForeignPermanentCard2023;
import org.ticketwindow.idcheck.identity.Masking;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.identity.ResidencePermitCard;
import org.ticketwindow.idcheck.identity.ResidentCard;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.StageTimings;
import org.ticketwindow.idcheck.text.Texts;

import java.util.List;

/**
 * Cards and read outcomes as JSON with the keys of docs/architecture.md. Personal data (name, English name, ID and
 * permit numbers, birth date, address) is masked unless {@code showPii}; photo and fingerprint appear as sizes.
 */
final class CardJson {
    private static final Texts ZH = Texts.chinese();
    private static final Texts EN = Texts.english();
    private CardJson() {}

    static ObjectNode card(CardData c, boolean showPii) {
        ObjectNode o = Json.object();
        o.put("cardType", c.type().name());
        switch (c) {
            case ResidentCard r -> {
                residentFields(o, r, r.address(), r.issuingAuthority(), showPii);
                o.put("ethnicityCode", r.ethnicity().code());
                r.ethnicity().zh().ifPresent(z -> o.put("ethnicity", z));
            }
            case ResidencePermitCard r -> {
                residentFields(o, r, r.address(), r.issuingAuthority(), showPii);
                o.put("passNumber", number(r.passNumber(), showPii));
                o.put("issueCount", r.issueCount());
            }
            case ForeignPermanentCard2017 f -> {
                o.put("name", name(f.chineseName(), showPii));
                o.put("englishName", name(f.englishName(), showPii));
                o.put("gender", f.gender().code());
                o.put("birthDate", date(f.birthDate(), showPii));
                o.put("idNumber", number(f.idNumber().value(), showPii));
                o.put("nationality", f.nationality());
                o.put("cardVersion", f.version());
                o.put("issuingAuthority", f.authorityCode());
            }
            case ForeignPermanentCard2023 f -> {
                o.put("name", name(f.chineseName(), showPii));
                o.put("englishName", name(f.englishName(), showPii));
                o.put("gender", f.gender().code());
                o.put("birthDate", date(f.birthDate(), showPii));
                o.put("idNumber", number(f.idNumber().value(), showPii));
                o.put("nationality", f.nationality());
                o.put("renewalCount", f.renewalCount());
            }
        }
        c.gender().text().ifPresent(z -> o.put("genderText", ZH.of(z)));
        o.put("validFrom", c.validity().from().iso());
        o.put("validUntil", c.validity().until().iso());
        o.put("photoBytes", c.photo().length);
        o.put("fingerprintBytes", c.fingerprint().length);
        return o;
    }

    static ObjectNode outcome(ReadOutcome outcome, boolean showPii) {
        ObjectNode o = Json.object();
        switch (outcome) {
            case ReadOutcome.Read r -> {
                o.put("outcome", "READ");
                o.set("card", card(r.card(), showPii));
                o.set("timingsMs", timings(r.timings()));
            }
            case ReadOutcome.Refused r -> {
                o.put("outcome", "REFUSED");
                ArrayNode reasons = o.putArray("reasons");
                for (CardDefect d : r.defects()) {
                    reasons.addObject().put("kind", d.kind().name()).put("zh", ZH.of(d)).put("en", EN.of(d));
                }
                o.put("passenger", ZH.of(r.passenger()));
                o.set("card", card(r.card(), showPii));
            }
            case ReadOutcome.NoCard n -> {
                o.put("outcome", "NO_CARD");
                o.put("removedDuringRead", n.removedDuringRead());
            }
            case ReadOutcome.Unreadable u -> {
                o.put("outcome", "UNREADABLE");
                u.lastStatus().ifPresent(s -> o.put("status", s.hex()).put("statusZh", ZH.of(s)).put("statusEn", EN.of(s)));
                o.put("attempts", u.attempts());
                if (!u.detail().isEmpty()) o.put("detail", u.detail());
                o.put("passenger", ZH.of(u.passenger()));
                o.put("passengerEn", EN.of(u.passenger()));
            }
            case ReadOutcome.DeviceFault f -> {
                o.put("outcome", "DEVICE_FAULT");
                o.put("fault", f.kind().name());
                f.status().ifPresent(s -> o.put("status", s.hex()));
                o.put("detail", f.detail());
                o.put("action", ZH.get(Texts.key(f.kind()) + ".action"));
                o.put("actionEn", EN.get(Texts.key(f.kind()) + ".action"));
            }
        }
        o.put("message", ZH.of(outcome.clerk()));
        o.put("messageEn", EN.of(outcome.clerk()));
        return o;
    }

    private static ObjectNode timings(StageTimings t) {
        ObjectNode o = Json.object();
        o.put("find", t.find().toNanos() / 1e6);
        o.put("select", t.select().toNanos() / 1e6);
        o.put("read", t.read().toNanos() / 1e6);
        o.put("extras", t.extras().toNanos() / 1e6);
        o.put("total", t.total().toNanos() / 1e6);
        o.put("attempts", t.attempts());
        return o;
    }

    /** Fields the resident card and the residence permit share. */
    private static void residentFields(ObjectNode o, CardData c, String address, String authority, boolean showPii) {
        o.put("name", name(c.name(), showPii));
        o.put("gender", c.gender().code());
        o.put("birthDate", date(c.birthDate(), showPii));
        o.put("address", text(address, showPii));
        o.put("idNumber", number(c.idNumber().value(), showPii));
        o.put("issuingAuthority", authority);
        addresses(o, c.appendedAddresses(), showPii);
    }

    private static void addresses(ObjectNode o, List<String> addresses, boolean showPii) {
        ArrayNode a = o.putArray("appendedAddresses");
        for (String s : addresses) a.add(text(s, showPii));
    }

    private static String name(PersonName n, boolean showPii) { return showPii ? n.value() : n.masked(); }

    private static String number(String n, boolean showPii) { return showPii ? n : Masking.documentNumber(n); }

    private static String text(String t, boolean showPii) { return showPii ? t : Masking.text(t); }

    private static String date(CardDate d, boolean showPii) {
        String iso = d.iso();
        return showPii || iso.length() < 4 ? iso : iso.substring(0, 4) + "-**-**";
    }
}
