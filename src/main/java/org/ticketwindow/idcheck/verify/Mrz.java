package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.identity.IdNumber;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.text.Text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A passport's machine-readable zone (ICAO 9303 part 4, TD3: two lines of 44 characters) as a keyboard-wedge
 * scanner types it: lines separated by CR/LF or run together, possibly with stray spaces. Every check digit is
 * verified; a failure names the field, so the clerk can rescan or type the data.
 */
public final class Mrz {
    private static final int LINE = 44;

    private Mrz() {}

    /** Thrown with a clerk text when the scan is not a TD3 zone or a check digit fails. Carries no personal data. */
    public static final class MrzException extends Exception {
        private final Text text;

        MrzException(String key, Object... args) {
            super(key);
            this.text = Text.of(key, args);
        }

        /** The clerk's sentence, by key ({@code mrz.*}). */
        public Text text() { return text; }
    }

    public static EnteredDocument parsePassport(String scanned, LocalDate today) throws MrzException {
        String text = scanned == null ? "" : scanned.toUpperCase(Locale.ROOT).replaceAll("[ \\t]", "");
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\\R")) if (!l.isEmpty()) lines.add(l);
        if (lines.size() == 1 && lines.getFirst().length() == 2 * LINE) {
            lines = List.of(lines.getFirst().substring(0, LINE), lines.getFirst().substring(LINE));
        }
        if (lines.size() != 2 || lines.get(0).length() != LINE || lines.get(1).length() != LINE) {
            throw new MrzException("mrz.NOT_TD3");
        }
        String l1 = lines.get(0);
        String l2 = lines.get(1);
        if (l1.charAt(0) != 'P' || !l1.chars().allMatch(Mrz::mrzChar) || !l2.chars().allMatch(Mrz::mrzChar)) {
            throw new MrzException("mrz.NOT_PASSPORT");
        }
        check(l2, 0, 9, 9, Field.DOCUMENT_NUMBER);
        check(l2, 13, 19, 19, "mrz.field.BIRTH_DATE");
        check(l2, 21, 27, 27, "mrz.field.EXPIRY");
        if (l2.charAt(42) != '<' || !l2.substring(28, 42).chars().allMatch(c -> c == '<')) {
            check(l2, 28, 42, 42, "mrz.field.PERSONAL_NUMBER");
        }
        String composite = l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 43);
        if (IdNumber.icaoCheckDigit(composite) != digit(l2.charAt(43))) {
            throw new MrzException("mrz.COMPOSITE");
        }
        String[] names = l1.substring(5).split("<<", 2);
        String surname = names[0].replace('<', ' ').strip();
        String given = names.length > 1 ? names[1].replace('<', ' ').strip().replaceAll(" +", " ") : "";
        String name = given.isEmpty() ? surname : surname + " " + given;
        LocalDate birth = date(l2.substring(13, 19), today, true);
        LocalDate expiry = date(l2.substring(21, 27), today, false);
        return new EnteredDocument(DocumentType.PASSPORT, l2.substring(0, 9).replace("<", ""), new PersonName(name),
                l2.substring(10, 13).replace("<", ""), birth, expiry, EnteredDocument.Source.MRZ);
    }

    private static void check(String line, int from, int to, int at, Object field) throws MrzException {
        if (IdNumber.icaoCheckDigit(line.substring(from, to)) != digit(line.charAt(at))) {
            throw new MrzException("mrz.CHECK_DIGIT", field instanceof String key ? Text.of(key) : field);
        }
    }

    private static int digit(char c) { return c == '<' ? 0 : c - '0'; }

    private static boolean mrzChar(int c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<'; }

    /** Two-digit years: a birth year after this year is last century; an expiry is this century. */
    private static LocalDate date(String yymmdd, LocalDate today, boolean birth) throws MrzException {
        try {
            int yy = Integer.parseInt(yymmdd.substring(0, 2));
            int year = 2000 + yy;
            if (birth && year > today.getYear()) year -= 100;
            return LocalDate.of(year, Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4, 6)));
        } catch (NumberFormatException | DateTimeException e) {
            throw new MrzException("mrz.DATE");
        }
    }
}
