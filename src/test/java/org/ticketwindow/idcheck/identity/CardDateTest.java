package org.ticketwindow.idcheck.identity;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The date conversions read two dates per result on the counter and on the central; they were made cheap (issue 19)
 * and must answer exactly as the formatter-based code they replaced, kept here as the reference.
 */
class CardDateTest {

    @Property(tries = 3000)
    void fromIsoAnswersAsTheParserDid(@ForAll("isoLike") String iso) {
        assertThat(CardDate.fromIso(iso)).isEqualTo(referenceFromIso(iso));
    }

    @Property(tries = 3000)
    void dateAnswersAsBefore(@ForAll("rawLike") String raw) {
        assertThat(new CardDate(raw).date()).isEqualTo(referenceDate(raw));
    }

    @Property(tries = 1000)
    void ofWritesAsTheFormatterDid(@ForAll @IntRange(min = -20000, max = 20000) int year,
                                   @ForAll @IntRange(min = 1, max = 12) int month, @ForAll @IntRange(min = 1, max = 28) int day) {
        LocalDate d = LocalDate.of(year, month, day);
        assertThat(CardDate.of(d).raw()).isEqualTo(String.format("%04d%02d%02d", year, month, day));
    }

    @Property(tries = 500)
    void isoAndFromIsoAreInverse(@ForAll @IntRange(min = 0, max = 9999) int year, @ForAll @IntRange(min = 1, max = 12) int month,
                                 @ForAll @IntRange(min = 1, max = 31) int day) {
        try {
            CardDate d = CardDate.of(LocalDate.of(year, month, day));
            assertThat(CardDate.fromIso(d.iso())).isEqualTo(d);
        } catch (DateTimeException impossibleDay) {
            assertThat(day).isGreaterThan(28);
        }
    }

    @Provide
    Arbitrary<String> isoLike() {
        Arbitrary<String> digitOrNot = Arbitraries.of("0", "1", "2", "3", "9", "-", "x", "２", "+", " ");
        Arbitrary<String> shaped = Combinators.combine(Arbitraries.integers().between(0, 10999), Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32)).as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        return Arbitraries.oneOf(shaped, digitOrNot.list().ofMinSize(0).ofMaxSize(12).map(l -> String.join("", l)),
                Arbitraries.of("", "LONG_TERM", "长期", "2024-02-29", "2023-02-29", "+12024-01-01", "２０２４-０１-０１", "2024-1-01"));
    }

    @Provide
    Arbitrary<String> rawLike() {
        Arbitrary<String> shaped = Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32)).as((y, m, d) -> String.format("%04d%02d%02d", y, m, d));
        Arbitrary<String> chars = Arbitraries.of("0", "1", "2", "9", "２", "٣", "-", "a").list().ofMinSize(7).ofMaxSize(9)
                .map(l -> String.join("", l));
        return Arbitraries.oneOf(shaped, chars, Arbitraries.of("长期", "", "20240229", "20230229", "２０２４０１０１"));
    }

    private static CardDate referenceFromIso(String iso) {
        if (iso == null || iso.isEmpty()) return new CardDate("");
        if (iso.equals("LONG_TERM") || iso.equals("长期")) return CardDate.LONG_TERM;
        try {
            LocalDate date = LocalDate.parse(iso);
            return new CardDate(String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
        } catch (DateTimeParseException e) {
            return new CardDate(iso);
        }
    }

    private static Optional<LocalDate> referenceDate(String raw) {
        if (raw.length() != 8 || !raw.chars().allMatch(Character::isDigit)) return Optional.empty();
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(raw.substring(0, 4)),
                    Integer.parseInt(raw.substring(4, 6)), Integer.parseInt(raw.substring(6, 8))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
