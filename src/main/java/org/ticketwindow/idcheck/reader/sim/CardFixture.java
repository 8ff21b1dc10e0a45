package org.ticketwindow.idcheck.reader.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
import org.ticketwindow.idcheck.photo.TrainingPortraits;
import org.ticketwindow.idcheck.reader.sam.CardTextLayout;
import org.ticketwindow.idcheck.reader.sam.ReadPayload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A fictional card for the simulated reader: the card's data (encoded to the exact 256-byte layout), a drawn training
 * portrait as its photo ({@link TrainingPortraits}: not WLT, recognised by the training decoder only), a synthetic
 * fingerprint, and how the card behaves on the reader (reads, or fails select/read with a status).
 * Fixture files are YAML; the built-in tray lives in {@code reader/sim/cards/}. Fictional people only.
 */
public record CardFixture(String id, String description, CardData card, byte[] text, Optional<Integer> readFailure,
                          boolean selectFails) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String BUILT_IN = "/org/ticketwindow/idcheck/reader/sim/cards/";

    /** Thrown for a fixture file that is not a valid card description. */
    public static final class FixtureException extends Exception {
        public FixtureException(String message) { super(message); }
    }

    public ReadPayload payload() { return new ReadPayload(text, card.photo(), card.fingerprint()); }

    public boolean unreadable() { return readFailure.isPresent() || selectFails; }

    /** A built-in tray card by id (e.g. {@code ordinary}), or a fixture file by path. */
    public static CardFixture resolve(String idOrPath) throws FixtureException {
        Path p = Path.of(idOrPath);
        if (Files.isRegularFile(p)) return load(p);
        return builtIn(idOrPath);
    }

    public static CardFixture builtIn(String id) throws FixtureException {
        try (InputStream in = CardFixture.class.getResourceAsStream(BUILT_IN + id + ".yaml")) {
            if (in == null) throw new FixtureException("no tray card '" + id + "' (and no file by that name); tray: " + Tray.ids());
            return parse(id + ".yaml", YAML.readTree(in));
        } catch (IOException e) {
            throw new FixtureException(id + ": " + e.getMessage());
        }
    }

    public static CardFixture load(Path file) throws FixtureException {
        try {
            return parse(file.toString(), YAML.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new FixtureException(file + ": not a readable YAML card fixture: " + e.getMessage());
        }
    }

    /** A fixture from an already parsed YAML or JSON mapping (the keys of the built-in cards); {@code file} names it in errors. */
    public static CardFixture parse(String file, JsonNode n) throws FixtureException {
        if (n == null || !n.isObject()) throw new FixtureException(file + ": must be a YAML mapping");
        String id = text(n, "id", file.replaceAll(".*/", "").replace(".yaml", ""));
        CardType type;
        try {
            type = CardType.valueOf(text(n, "cardType", "RESIDENT").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FixtureException(file + ": cardType: must be RESIDENT, FOREIGN_PERMANENT_2017, FOREIGN_PERMANENT_2023 or RESIDENCE_PERMIT");
        }
        String number = required(n, "idNumber", file);
        byte[] photo = TrainingPortraits.photoBytes(number, "2".equals(text(n, "gender", "1")));
        int fpLen = n.path("fingerprintBytes").asInt(0);
        if (fpLen != 0 && fpLen != 512 && fpLen != 1024) throw new FixtureException(file + ": fingerprintBytes: must be 0, 512 or 1024");
        byte[] fp = syntheticFingerprint(number, fpLen);
        Validity validity = new Validity(new CardDate(required(n, "validFrom", file)), new CardDate(required(n, "validUntil", file)));
        CardDate birth = new CardDate(required(n, "birthDate", file));
        Gender gender = new Gender(text(n, "gender", "1"));
        List<String> appended = new ArrayList<>();
        n.path("appendedAddresses").forEach(a -> appended.add(a.asText()));
        CardData card = switch (type) {
            case RESIDENT -> new ResidentCard(new PersonName(required(n, "name", file)), gender,
                    new Ethnicity(text(n, "ethnicityCode", "01")), birth, text(n, "address", ""), IdNumber.of(number),
                    text(n, "issuingAuthority", ""), validity, appended, photo, fp);
            case RESIDENCE_PERMIT -> new ResidencePermitCard(new PersonName(required(n, "name", file)), gender, birth,
                    text(n, "address", ""), IdNumber.of(number), text(n, "issuingAuthority", ""), validity,
                    text(n, "passNumber", ""), text(n, "issueCount", "01"), appended, photo, fp);
            case FOREIGN_PERMANENT_2017 -> new ForeignPermanentCard2017(new PersonName(required(n, "englishName", file)),
                    new PersonName(text(n, "name", "")), gender, IdNumber.of(number), text(n, "nationality", ""),
                    validity, birth, text(n, "version", "01"), text(n, "authorityCode", "1100"), photo, fp);
            case FOREIGN_PERMANENT_2023 -> new ForeignPermanentCard2023(new PersonName(text(n, "name", "")),
                    new PersonName(required(n, "englishName", file)), gender, text(n, "renewalCount", "00"), birth,
                    IdNumber.of(number), validity, text(n, "nationality", ""), text(n, "previousNumberLink", ""), photo, fp);
        };
        byte[] text;
        try {
            text = CardTextLayout.encode(card);
        } catch (IllegalArgumentException e) {
            throw new FixtureException(file + ": " + e.getMessage());
        }
        if (n.has("typeFlag")) { // a card of a type the reader does not know (test of "unsupported card type")
            char flag = n.get("typeFlag").asText().charAt(0);
            text[CardTextLayout.TYPE_FLAG_OFFSET] = (byte) flag;
        }
        Optional<Integer> readFailure = Optional.empty();
        if (n.hasNonNull("readFailure")) {
            String s = n.get("readFailure").asText().toLowerCase(Locale.ROOT).replace("0x", "");
            try {
                readFailure = Optional.of(Integer.parseInt(s, 16));
            } catch (NumberFormatException e) {
                throw new FixtureException(file + ": readFailure: must be an SW3 code such as 0x41");
            }
        }
        return new CardFixture(id, text(n, "description", id), card, text, readFailure, n.path("selectFails").asBoolean(false));
    }

    static byte[] syntheticFingerprint(String seed, int length) {
        byte[] b = new byte[length];
        new SplittableRandom(seed.hashCode() * 31L).nextBytes(b);
        return b;
    }

    private static String text(JsonNode n, String key, String dflt) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? dflt : v.asText();
    }

    private static String required(JsonNode n, String key, String file) throws FixtureException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) throw new FixtureException(file + ": " + key + ": required");
        return v.asText();
    }

    @Override public String toString() { return "CardFixture[" + id + ", " + card + "]"; }
}
