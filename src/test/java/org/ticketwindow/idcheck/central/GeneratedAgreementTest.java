package org.ticketwindow.idcheck.central;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import org.ticketwindow.idcheck.identity.CardDate;
import org.ticketwindow.idcheck.identity.Gender;
import org.ticketwindow.idcheck.identity.IdNumber;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.identity.ResidentCard;
import org.ticketwindow.idcheck.identity.Validity;
import org.ticketwindow.idcheck.reader.sim.FictionalPeople;
import org.ticketwindow.idcheck.verify.CaseKind;
import org.ticketwindow.idcheck.verify.ClerkNameDecision;
import org.ticketwindow.idcheck.verify.CounterKind;
import org.ticketwindow.idcheck.verify.Presented;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The agreement of {@link CounterCentralAgreementTest} on generated cases: people, card defects, records, factors. */
class GeneratedAgreementTest {

    /** What is wrong with the generated card, if anything (D1, D3, D5). */
    enum Defect { NONE, CHECK_DIGIT, GENDER_PARITY, BIRTH_DATE, EXPIRED, NOT_YET_VALID, UNREADABLE }

    record Generated(int person, Defect defect, boolean traditionalName, CaseKind kind, CounterKind counter,
                     CounterCentralAgreementTest.Variant variant, boolean rightFactor, ClerkNameDecision decision) {}

    @Property(tries = 400)
    @Label("A1 D1 D3 D5 V1 V2 V3 V4 X1 X3 L1 DUP1 T1: generated cases are decided by the central as by the counter")
    void generatedCasesAgree(@ForAll("cases") Generated g) throws Exception {
        Presented subject = g.defect() == Defect.UNREADABLE ? new Presented.Unreadable("generated") : new Presented.Chip(card(g));
        Agreement.Scenario s = CounterCentralAgreementTest.scenario("person " + g.person() + " " + g.defect()
                        + (g.traditionalName() ? " traditional" : ""), subject, g.kind(), g.counter(), g.variant(), g.rightFactor(),
                g.decision());
        assertThat(Agreement.shared().check(s)).isNull();
    }

    @AfterProperty
    void report() throws Exception {
        Agreement a = Agreement.shared();
        System.out.printf("agreement so far: %d cases, %d recorded; outcomes %s%n", a.cases.get(), a.recorded.get(), a.byOutcome);
    }

    @Provide
    Arbitrary<Generated> cases() {
        return Combinators.combine(Arbitraries.integers().between(0, 5000), Arbitraries.of(Defect.class),
                Arbitraries.of(true, false), Arbitraries.of(CaseKind.class), Arbitraries.of(CounterKind.class),
                Arbitraries.of(CounterCentralAgreementTest.Variant.class), Arbitraries.of(true, false),
                Arbitraries.of(ClerkNameDecision.ACCEPTED, ClerkNameDecision.REJECTED).injectNull(0.3))
                .as(Generated::new);
    }

    /** A fictional person's card with the defect applied (and a traditional character in the name, N3 / V2). */
    static ResidentCard card(Generated g) {
        ResidentCard c = FictionalPeople.card(g.person());
        String number = c.idNumber().value();
        if (g.defect() == Defect.CHECK_DIGIT) {
            number = number.substring(0, 17) + (number.charAt(17) == '0' ? '1' : '0');
        }
        Gender gender = g.defect() == Defect.GENDER_PARITY ? (c.gender().equals(Gender.MALE) ? Gender.FEMALE : Gender.MALE) : c.gender();
        CardDate birth = g.defect() == Defect.BIRTH_DATE ? CardDate.of(LocalDate.of(1970, 1, 1)) : c.birthDate();
        Validity validity = switch (g.defect()) {
            case EXPIRED -> new Validity(CardDate.of(LocalDate.of(2006, 11, 20)), CardDate.of(LocalDate.of(2026, 11, 20)));
            case NOT_YET_VALID -> new Validity(CardDate.of(LocalDate.of(2026, 12, 1)), CardDate.of(LocalDate.of(2046, 12, 1)));
            default -> c.validity();
        };
        PersonName name = g.traditionalName() ? new PersonName(c.name().value().substring(0, 1) + "陳") : c.name();
        return new ResidentCard(name, gender, c.ethnicity(), birth, c.address(), IdNumber.of(number), c.issuingAuthority(),
                validity, c.appendedAddresses(), c.photo(), c.fingerprint());
    }
}
