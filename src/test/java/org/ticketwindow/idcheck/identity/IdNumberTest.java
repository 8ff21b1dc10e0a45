package org.ticketwindow.idcheck.identity;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumberTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @ParameterizedTest(name = "D5 valid number {0} passes (docs/protocol.md §6.5)")
    @ValueSource(strings = {"11010519491231002X", "440524188001010014", "110101199003071233", "810000199003071245"})
    void validVectors(String n) {
        assertThat(IdNumber.of(n).defects(TODAY)).isEmpty();
    }

    @Test
    @DisplayName("D5 wrong check digit, month 13 and short length are each reported")
    void invalidVectors() {
        assertThat(IdNumber.of("110105194912310021").defects(TODAY)).containsExactly(IdNumberDefect.BAD_CHECK_DIGIT);
        assertThat(IdNumber.of("11010519491331002X").defects(TODAY)).contains(IdNumberDefect.BAD_BIRTH_DATE);
        assertThat(IdNumber.of("1101051949123100").defects(TODAY)).containsExactly(IdNumberDefect.BAD_FORMAT);
    }

    @Test
    @DisplayName("D5 a birth date after today is reported")
    void futureBirth() {
        String base = "11010120300101123";
        String n = base + IdNumber.mod11CheckChar(base);
        assertThat(IdNumber.of(n).defects(TODAY)).containsExactly(IdNumberDefect.FUTURE_BIRTH_DATE);
    }

    @Test
    @DisplayName("lowercase x is normalised to X")
    void lowercaseX() {
        assertThat(IdNumber.of("11010519491231002x").value()).isEqualTo("11010519491231002X");
        assertThat(IdNumber.of(" 11010519491231002x ").defects(TODAY)).isEmpty();
    }

    @Test
    @DisplayName("residence permit numbers 810000/820000/830000 and foreigner numbers are told apart")
    void kinds() {
        assertThat(IdNumber.of("810000199003071245").kind()).isEqualTo(IdNumberKind.RESIDENCE_PERMIT);
        assertThat(IdNumber.of("830000199201300022").kind()).isEqualTo(IdNumberKind.RESIDENCE_PERMIT);
        assertThat(IdNumber.of("110101199003071233").kind()).isEqualTo(IdNumberKind.RESIDENT);
        assertThat(IdNumber.of("USA110085061510").kind()).isEqualTo(IdNumberKind.FOREIGN_2017);
        assertThat(IdNumber.of("usa110085061510").kind()).isEqualTo(IdNumberKind.FOREIGN_2017);
        assertThat(IdNumber.of("91184019880412011X").kind()).isEqualTo(IdNumberKind.FOREIGN_2023);
        assertThat(IdNumber.of("ABC").kind()).isEqualTo(IdNumberKind.UNKNOWN);
    }

    @Test
    @DisplayName("D5 foreigner numbers: 2017 ICAO 7-3-1 check digit, 2023 MOD 11-2; birth dates and gender parity")
    void foreignerChecks() {
        IdNumber f17 = IdNumber.of("USA110085061510");
        assertThat(f17.defects(TODAY)).isEmpty();
        assertThat(f17.birthDate()).contains(LocalDate.of(1985, 6, 15));
        assertThat(f17.genderByParity()).contains(Gender.MALE);
        assertThat(IdNumber.of("USA110085061511").defects(TODAY)).containsExactly(IdNumberDefect.BAD_CHECK_DIGIT);
        IdNumber f23 = IdNumber.of("91184019880412011X");
        assertThat(f23.defects(TODAY)).isEmpty();
        assertThat(f23.birthDate()).contains(LocalDate.of(1988, 4, 12));
        assertThat(IdNumber.of("911826199007150225").genderByParity()).contains(Gender.FEMALE);
    }

    @Test
    @DisplayName("PD1 toString is masked as 1101**********1233")
    void masked() {
        IdNumber n = IdNumber.of("110101199003071233");
        assertThat(n.toString()).isEqualTo("1101**********1233").doesNotContain("19900307");
        assertThat(new PersonName("张三").toString()).isEqualTo("张*");
        assertThat(Masking.scrub("number 110101199003071233 and name=张三丰, pass H12345678"))
                .isEqualTo("number 1101**********1233 and name=张**, pass H*******8");
    }

    @Test
    @DisplayName("D1 long-term validity never expires; an end date in the past does")
    void validity() {
        Validity longTerm = new Validity(new CardDate("20100101"), CardDate.LONG_TERM);
        assertThat(longTerm.isExpiredOn(LocalDate.of(2200, 1, 1))).isFalse();
        Validity ended = new Validity(new CardDate("20100501"), new CardDate("20200501"));
        assertThat(ended.isExpiredOn(TODAY)).isTrue();
        assertThat(ended.isExpiredOn(LocalDate.of(2020, 5, 1))).isFalse();
        assertThat(new Ethnicity("57").zh()).isEmpty();
        assertThat(new Ethnicity("57").code()).isEqualTo("57");
        assertThat(new Ethnicity("46").zh()).contains("德昂");
    }
}
