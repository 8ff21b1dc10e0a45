package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.text.Texts;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ICAO 9303 TD3 zones as a keyboard-wedge scanner types them; the specimen is ICAO's fictional Anna Maria Eriksson. */
class MrzTest {
    static final String LINE1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    static final String LINE2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
    static final String ANNA_MRZ = LINE1 + "\r\n" + LINE2 + "\r\n";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Test
    @DisplayName("P1 a passport MRZ from a scanner fills number, name, nationality, birth and expiry")
    void parses() throws Mrz.MrzException {
        EnteredDocument d = Mrz.parsePassport(ANNA_MRZ, TODAY);
        assertThat(d.type()).isEqualTo(DocumentType.PASSPORT);
        assertThat(d.number()).isEqualTo("L898902C3");
        assertThat(d.name().value()).isEqualTo("ERIKSSON ANNA MARIA");
        assertThat(d.nationality()).isEqualTo("UTO");
        assertThat(d.birthDate()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(d.validUntil()).isEqualTo(LocalDate.of(2012, 4, 15));
        assertThat(d.source()).isEqualTo(EnteredDocument.Source.MRZ);
        assertThat(d.problems()).isEmpty();
    }

    @Test
    @DisplayName("P1 the two lines may come run together, with stray spaces, in lower case")
    void tolerant() throws Mrz.MrzException {
        assertThat(Mrz.parsePassport((LINE1 + LINE2).toLowerCase(), TODAY).number()).isEqualTo("L898902C3");
        assertThat(Mrz.parsePassport(" " + LINE1 + " \n " + LINE2, TODAY).number()).isEqualTo("L898902C3");
    }

    @Test
    @DisplayName("P1 every check digit is verified and a failure names the field")
    void checkDigits() {
        String badNumber = LINE2.substring(0, 9) + "7" + LINE2.substring(10);
        assertThatThrownBy(() -> Mrz.parsePassport(LINE1 + "\n" + badNumber, TODAY))
                .isInstanceOfSatisfying(Mrz.MrzException.class, e -> assertThat(Texts.chinese().of(e.text())).contains("证件号码"));
        String badBirth = LINE2.substring(0, 19) + "3" + LINE2.substring(20);
        assertThatThrownBy(() -> Mrz.parsePassport(LINE1 + "\n" + badBirth, TODAY))
                .isInstanceOfSatisfying(Mrz.MrzException.class, e -> assertThat(Texts.chinese().of(e.text())).contains("出生日期"));
        String badExpiry = LINE2.substring(0, 27) + "0" + LINE2.substring(28);
        assertThatThrownBy(() -> Mrz.parsePassport(LINE1 + "\n" + badExpiry, TODAY))
                .isInstanceOfSatisfying(Mrz.MrzException.class, e -> assertThat(Texts.chinese().of(e.text())).contains("有效期"));
        String badComposite = LINE2.substring(0, 43) + "9";
        assertThatThrownBy(() -> Mrz.parsePassport(LINE1 + "\n" + badComposite, TODAY))
                .isInstanceOfSatisfying(Mrz.MrzException.class, e -> assertThat(Texts.chinese().of(e.text())).contains("总校验位"));
    }

    @Test
    @DisplayName("P1 text that is not a TD3 zone is refused with the clerk's next step")
    void notMrz() {
        assertThatThrownBy(() -> Mrz.parsePassport("ETP1.abc.def", TODAY))
                .isInstanceOfSatisfying(Mrz.MrzException.class, e -> assertThat(Texts.chinese().of(e.text())).contains("重新扫描或手工录入"));
        assertThatThrownBy(() -> Mrz.parsePassport("I<UTO" + LINE1.substring(5) + "\n" + LINE2, TODAY))
                .isInstanceOf(Mrz.MrzException.class);
    }

    @Test
    @DisplayName("P1 manual entry is validated as the clerk types, per document type")
    void manualValidation() {
        EnteredDocument hk = new EnteredDocument(DocumentType.HKMO_PERMIT, "h12345678", new org.ticketwindow.idcheck.identity.PersonName("何家明"),
                "", null, LocalDate.of(2030, 1, 1), EnteredDocument.Source.KEYBOARD);
        assertThat(hk.number()).isEqualTo("H12345678");
        assertThat(hk.problems()).isEmpty();
        EnteredDocument tw = new EnteredDocument(DocumentType.TW_PERMIT, "1234567", new org.ticketwindow.idcheck.identity.PersonName("林志强"),
                "", null, LocalDate.of(2030, 1, 1), EnteredDocument.Source.KEYBOARD);
        assertThat(tw.problems()).extracting(EnteredDocument.Problem::field).containsExactly(Field.DOCUMENT_NUMBER);
        EnteredDocument passport = new EnteredDocument(DocumentType.PASSPORT, "E12345678", new org.ticketwindow.idcheck.identity.PersonName("X"),
                "U1", null, LocalDate.of(2030, 1, 1), EnteredDocument.Source.KEYBOARD);
        assertThat(passport.problems()).extracting(EnteredDocument.Problem::field).containsExactly(Field.NATIONALITY);
    }
}
