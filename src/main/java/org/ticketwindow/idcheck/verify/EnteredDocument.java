package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.identity.Masking;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.text.Text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A document the clerk inspected and entered or scanned (P1): passport, HKMO or TW permit. {@code validUntil} and
 * {@code birthDate} may be null while the form is being filled; {@link #problems()} says what is wrong, field by field.
 */
public record EnteredDocument(DocumentType type, String number, PersonName name, String nationality,
                              LocalDate birthDate, LocalDate validUntil, Source source) {

    /** How the data got in: typed, or from a passport's machine-readable zone through a keyboard-wedge scanner. */
    public enum Source { KEYBOARD, MRZ }

    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,9}");
    /** 港澳居民来往内地通行证: H or M and 8 digits (2013 card), or 10 digits on the older booklet. */
    private static final Pattern HKMO = Pattern.compile("[HM](\\d{8}|\\d{10})");
    /** 台湾居民来往大陆通行证: 8 digits (2015 card), or 10 digits on older ones. */
    private static final Pattern TW = Pattern.compile("\\d{8}|\\d{10}");
    private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}|D<<");

    public EnteredDocument {
        Objects.requireNonNull(type, "type");
        number = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        name = name == null ? new PersonName("") : name;
        nationality = nationality == null ? "" : nationality.strip().toUpperCase(Locale.ROOT);
        source = source == null ? Source.KEYBOARD : source;
    }

    /** A field that is missing or malformed, with the clerk's text. */
    public record Problem(Field field, Text text) {}

    /** Validation as the clerk types (no "today": expiry is rule D1, checked by the rules). */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        Pattern shape = switch (type) {
            case PASSPORT -> PASSPORT;
            case HKMO_PERMIT -> HKMO;
            case TW_PERMIT -> TW;
            default -> null;
        };
        if (number.isEmpty()) {
            out.add(new Problem(Field.DOCUMENT_NUMBER, Text.of("entry.NUMBER_EMPTY")));
        } else if (shape != null && !shape.matcher(number).matches()) {
            out.add(new Problem(Field.DOCUMENT_NUMBER, Text.of("entry.NUMBER_MALFORMED", type)));
        }
        if (name.isBlank()) out.add(new Problem(Field.NAME, Text.of("entry.NAME_EMPTY")));
        if (type == DocumentType.PASSPORT && !ALPHA3.matcher(nationality).matches()) {
            out.add(new Problem(Field.NATIONALITY, Text.of("entry.NATIONALITY")));
        }
        if (validUntil == null) {
            out.add(new Problem(null, Text.of("entry.EXPIRY_EMPTY")));
        }
        return out;
    }

    @Override public String toString() {
        return "EnteredDocument[" + type + " " + Masking.documentNumber(number) + ", name=" + name.masked() + ", "
                + nationality + ", until " + validUntil + ", " + source + "]";
    }
}
