package org.ticketwindow.idcheck.reader.sam;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.Tray;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 256-byte layouts of §2.2–2.6: every tray card encodes to the exact layout and decodes back. */
class CardTextLayoutTest {

    @Test
    @DisplayName("all four card types from the tray fixtures round-trip through the 256-byte layout")
    void trayRoundTrip() throws Exception {
        for (String id : Tray.ids()) {
            if (id.equals("unknown-type")) continue;
            CardFixture f = CardFixture.builtIn(id);
            byte[] text = CardTextLayout.encode(f.card());
            assertThat(text).hasSize(256);
            CardData back = CardTextLayout.decode(f.payload());
            assertThat(back.type()).isEqualTo(f.card().type());
            assertThat(back.name()).as(id).isEqualTo(f.card().name());
            assertThat(back.idNumber()).as(id).isEqualTo(f.card().idNumber());
            assertThat(back.validity()).as(id).isEqualTo(f.card().validity());
            assertThat(back.birthDate()).as(id).isEqualTo(f.card().birthDate());
            assertThat(back.gender()).as(id).isEqualTo(f.card().gender());
        }
    }

    @Test
    @DisplayName("§2.2 resident layout: name at 0, number at 122, 长期 as 7F 95 1F 67 then spaces, flag ' ' at 248")
    void residentOffsets() throws Exception {
        CardFixture f = CardFixture.builtIn("long-term");
        byte[] t = f.text();
        assertThat(new String(t, 0, 4, StandardCharsets.UTF_16LE)).isEqualTo("王五");
        assertThat(t[4]).isEqualTo((byte) 0x20);
        assertThat(t[5]).isEqualTo((byte) 0x00);
        assertThat(new String(t, 122, 36, StandardCharsets.UTF_16LE)).isEqualTo("110102195001019990");
        assertThat(new byte[]{t[204], t[205], t[206], t[207]}).containsExactly(0x7F, 0x95, 0x1F, 0x67);
        for (int i = 208; i < 220; i += 2) assertThat(new byte[]{t[i], t[i + 1]}).containsExactly(0x20, 0x00);
        assertThat(CardTextLayout.typeFlag(t)).isEqualTo(' ');
        assertThat(CardTextLayout.decode(f.payload()).validity().until().isLongTerm()).isTrue();
    }

    @Test
    @DisplayName("§2.3–2.5 type flags I, Y, J at byte 248 select the foreign and permit layouts")
    void typeFlags() throws Exception {
        assertThat(CardTextLayout.typeFlag(CardFixture.builtIn("foreign-2017").text())).isEqualTo('I');
        assertThat(CardTextLayout.typeFlag(CardFixture.builtIn("foreign-2023").text())).isEqualTo('Y');
        assertThat(CardTextLayout.typeFlag(CardFixture.builtIn("residence-permit-hk").text())).isEqualTo('J');
        ResidencePermitCard hk = (ResidencePermitCard) CardTextLayout.decode(CardFixture.builtIn("residence-permit-hk").payload());
        assertThat(hk.passNumber()).isEqualTo("H12345678");
        assertThat(hk.issueCount()).isEqualTo("01");
        ForeignPermanentCard2017 f17 = (ForeignPermanentCard2017) CardTextLayout.decode(CardFixture.builtIn("foreign-2017").payload());
        assertThat(f17.englishName().value()).isEqualTo("SAMPLE JOHN EXAMPLE"); // inner spaces kept (§1.6)
        assertThat(f17.nationality()).isEqualTo("USA");
    }

    @Test
    @DisplayName("§2.5 a 43-character English name is split across offsets 52 and 220 and joined back")
    void longEnglishName() throws Exception {
        CardFixture f = CardFixture.builtIn("foreign-2023-long-name");
        assertThat(new String(f.text(), 220, 16, StandardCharsets.UTF_16LE).strip()).isEqualTo("INE JANE");
        ForeignPermanentCard2023 c = (ForeignPermanentCard2023) CardTextLayout.decode(f.payload());
        assertThat(c.englishName().value()).isEqualTo("WORTHINGTON-SMYTHE ALEXANDRA CATHERINE JANE");
        assertThat(c.name()).isEqualTo(c.englishName()); // no Chinese name on this card
    }

    @Test
    @DisplayName("rare characters: PUA and Ext-B (surrogate pair) names survive the UCS-2 layout")
    void rareCharacters() throws Exception {
        assertThat(CardTextLayout.decode(CardFixture.builtIn("rare-pua").payload()).name().value()).isEqualTo("吴\uE3A8");
        assertThat(CardTextLayout.decode(CardFixture.builtIn("rare-ext-b").payload()).name().value())
                .isEqualTo("郑" + new String(Character.toChars(0x2A6A5)));
    }

    @Test
    @DisplayName("§2.6 an unknown type flag is an unsupported card type")
    void unknownFlag() throws Exception {
        CardFixture f = CardFixture.builtIn("unknown-type");
        assertThatThrownBy(() -> CardTextLayout.decode(f.payload()))
                .isInstanceOf(CardTextLayout.UnsupportedCardTypeException.class).hasMessageContaining("U+005A");
    }

    @Test
    @DisplayName("unknown ethnicity codes are kept raw")
    void unknownEthnicity() throws Exception {
        ResidentCard base = (ResidentCard) CardFixture.builtIn("ordinary").card();
        ResidentCard odd = new ResidentCard(base.name(), base.gender(), new Ethnicity("59"), base.birthDate(), base.address(),
                base.idNumber(), base.issuingAuthority(), base.validity(), List.of(), base.photo(), base.fingerprint());
        ResidentCard back = (ResidentCard) CardTextLayout.decode(new ReadPayload(CardTextLayout.encode(odd), base.photo(), new byte[0]));
        assertThat(back.ethnicity().code()).isEqualTo("59");
        assertThat(back.ethnicity().known()).isFalse();
    }

    @Test
    @DisplayName("§2.7 appended addresses: up to four 70-byte records")
    void appendedAddresses() {
        List<String> a = List.of("北京市西城区示例西街18号", "上海市黄浦区示例路1号");
        byte[] data = CardTextLayout.encodeAppendedAddresses(a);
        assertThat(data).hasSize(140);
        assertThat(CardTextLayout.decodeAppendedAddresses(data)).isEqualTo(a);
    }

    @Property(tries = 300)
    @net.jqwik.api.Label("property: any resident card fields that fit round-trip exactly")
    void residentRoundTrip(@ForAll("names") String name, @ForAll("addresses") String address, @ForAll("digits") String number) throws Exception {
        ResidentCard c = new ResidentCard(new PersonName(name), Gender.FEMALE, new Ethnicity("01"), new CardDate("19900101"),
                address, IdNumber.of(number), "某公安局", new Validity(new CardDate("20200101"), CardDate.LONG_TERM),
                List.of(), new byte[1024], new byte[0]);
        CardData back = CardTextLayout.decode(new ReadPayload(CardTextLayout.encode(c), c.photo(), c.fingerprint()));
        assertThat(back.name().value()).isEqualTo(name);
        assertThat(((ResidentCard) back).address()).isEqualTo(address);
        assertThat(back.idNumber().value()).isEqualTo(number);
        assertThat(back.type()).isEqualTo(CardType.RESIDENT);
    }

    @Property(tries = 300)
    @net.jqwik.api.Label("property: read payload encode/parse round-trips for 30 01 and 30 10 with 0, 512, 1024 fingerprint bytes")
    void payloadRoundTrip(@ForAll("fpLengths") int fp, @ForAll boolean withFingerprint) throws Exception {
        byte[] text = Arbitraries.bytes().array(byte[].class).ofSize(256).sample();
        byte[] photo = Arbitraries.bytes().array(byte[].class).ofSize(1024).sample();
        byte[] f = withFingerprint ? new byte[fp] : new byte[0];
        ReadPayload p = new ReadPayload(text, photo, f);
        ReadPayload back = ReadPayload.parse(p.encode(withFingerprint), withFingerprint);
        assertThat(back.text()).isEqualTo(text);
        assertThat(back.photo()).isEqualTo(photo);
        assertThat(back.fingerprint()).hasSize(f.length);
    }

    @Provide Arbitrary<String> names() {
        // Chinese, Latin with inner spaces, and middle-dot names; never trailing spaces (padding is trimmed)
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').ofMinLength(1).ofMaxLength(15),
                Arbitraries.strings().withCharRange('A', 'Z').withChars(' ', '·').ofMinLength(1).ofMaxLength(15)
                        .filter(s -> !s.endsWith(" ") && !s.isBlank()));
    }

    @Provide Arbitrary<String> addresses() {
        return Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').withCharRange('0', '9').ofMaxLength(35);
    }

    @Provide Arbitrary<String> digits() {
        return Arbitraries.strings().numeric().ofLength(17).map(s -> s + IdNumber.mod11CheckChar(s));
    }

    @Provide Arbitrary<Integer> fpLengths() { return Arbitraries.of(0, 512, 1024); }
}
