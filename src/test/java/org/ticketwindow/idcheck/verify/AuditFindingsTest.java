package org.ticketwindow.idcheck.verify;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.CardDefect;
import org.ticketwindow.idcheck.identity.ElectronicProof;
import org.ticketwindow.idcheck.identity.ForeignPermanentCard2023;
import org.ticketwindow.idcheck.identity.Gender;
import org.ticketwindow.idcheck.identity.IdNumber;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.identity.ResidentCard;
import org.ticketwindow.idcheck.testing.People;
import org.ticketwindow.idcheck.verify.name.NameRules;
import org.ticketwindow.idcheck.verify.name.SpecialName;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ticketwindow.idcheck.testing.People.TODAY;
import static org.ticketwindow.idcheck.verify.CounterKind.AGENCY;
import static org.ticketwindow.idcheck.verify.CounterKind.STATION_WINDOW;
import static org.ticketwindow.idcheck.verify.DocumentRole.HOLDER;
import static org.ticketwindow.idcheck.verify.DocumentRole.PRINCIPAL;
import static org.ticketwindow.idcheck.verify.DocumentRole.PROXY;
import static org.ticketwindow.idcheck.verify.DocumentRole.REGISTERED_USER;
import static org.ticketwindow.idcheck.verify.VerificationRulesTest.ANNA;
import static org.ticketwindow.idcheck.verify.VerificationRulesTest.EXPIRED;
import static org.ticketwindow.idcheck.verify.VerificationRulesTest.FORGED;
import static org.ticketwindow.idcheck.verify.VerificationRulesTest.LI;
import static org.ticketwindow.idcheck.verify.VerificationRulesTest.ZHANG;
import static org.ticketwindow.idcheck.verify.VerificationRulesTest.at;
import static org.ticketwindow.idcheck.verify.VerificationRulesTest.chip;
import static org.ticketwindow.idcheck.verify.VerificationRulesTest.contactOf;
import static org.ticketwindow.idcheck.verify.VerificationRulesTest.pending;
import static org.ticketwindow.idcheck.verify.VerificationRulesTest.reportRecord;
import static org.ticketwindow.idcheck.verify.VerificationRulesTest.user;

/**
 * What an audit of the rules against the notice found (issue 14), one test each, and the order every case decides
 * in: the documents first (RD-30), whatever the record's state, at the counter and at the central alike.
 */
class AuditFindingsTest {
    private final VerificationRules rules = new VerificationRules(new NameRules(), new Random(7));

    static Presented recorded(DocumentRole role, Presented p) { return new Presented.AsRecorded(DocumentEvidence.of(role, p)); }

    /** Every case kind with a bad document in the case's subject slot, against a record in every status. */
    static Stream<Arguments> badDocumentsInEveryState() {
        List<Arguments> out = new ArrayList<>();
        for (CaseKind kind : CaseKind.values()) {
            for (RecordStatus status : RecordStatus.values()) {
                for (boolean flagged : List.of(false, true)) {
                    out.add(Arguments.of(kind, status, flagged, "forged", chip(FORGED), "D5"));
                    out.add(Arguments.of(kind, status, flagged, "expired", chip(EXPIRED), "D1"));
                    out.add(Arguments.of(kind, status, flagged, "unreadable", new Presented.Unreadable("test"), "D3"));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} flagged={2}: {3} → {5}")
    @MethodSource("badDocumentsInEveryState")
    @DisplayName("D1 D3 D5 RD-30 a forged, expired or unreadable card is refused whatever state the record is in, at the counter and at the central")
    void documentFirst(CaseKind kind, RecordStatus status, boolean flagged, String what, Presented bad, String rule) {
        if (kind == CaseKind.PRE_VERIFICATION) return; // a chip there is the wrong case before anything else (P1)
        CardData good = People.card("王五", People.number("110101", java.time.LocalDate.of(1980, 1, 1), 11));
        CardData subjectCard = bad instanceof Presented.Chip c ? c.card() : ZHANG;
        IdentityRecord record = pending(kind == CaseKind.OVER_LIMIT_CONTACT ? RecordRole.CONTACT : RecordRole.REGISTERED_USER, subjectCard)
                .withStatus(status).withDuplicateIdentity(flagged);
        for (boolean central : List.of(false, true)) {
            VerificationCase.Builder b = at(STATION_WINDOW, kind).record(record);
            if (kind == CaseKind.PROXY) b.document(PROXY, central ? recorded(PROXY, chip(good)) : chip(good));
            if (kind == CaseKind.OVER_LIMIT_CONTACT) {
                b.document(REGISTERED_USER, central ? recorded(REGISTERED_USER, chip(good)) : chip(good));
                b.registeredUser(user(good).withStatus(RecordStatus.PASSED)).countedContacts(100);
            }
            b.document(kind.subject(), central ? recorded(kind.subject(), bad) : bad);
            Decision d = rules.decide(b.build());
            assertThat(d.outcome()).as(central ? "central" : "counter").isEqualTo(Outcome.REFUSED);
            assertThat(d.ruleIds().getFirst()).as(central ? "central" : "counter").isEqualTo(rule);
            assertThat(d.statusChanges()).isEmpty();
            assertThat(d.recordable()).isTrue();
        }
    }

    @Test
    @DisplayName("D5 the central runs the number checks again: a forged check digit recorded at the counter is refused there too")
    void forgedAtTheCentral() {
        Decision d = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, recorded(HOLDER, chip(FORGED)))
                .record(pending(RecordRole.REGISTERED_USER, FORGED)).build());
        assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(d.ruleIds()).containsExactly("D5");
        assertThat(d.statusChanges()).isEmpty();
    }

    @Test
    @DisplayName("D5 a gender-parity defect needs the card's gender: the counter records that it failed and the central refuses with it")
    void cardOnlyDefectTravelsWithTheResult() {
        ResidentCard z = (ResidentCard) ZHANG;
        ResidentCard wrongGender = new ResidentCard(z.name(), z.gender().equals(Gender.MALE) ? Gender.FEMALE : Gender.MALE, z.ethnicity(),
                z.birthDate(), z.address(), z.idNumber(), z.issuingAuthority(), z.validity(), z.appendedAddresses(), z.photo(),
                z.fingerprint());
        DocumentEvidence e = DocumentEvidence.of(HOLDER, chip(wrongGender));
        assertThat(e.cardDefects()).containsExactly(CardDefect.Kind.GENDER_PARITY);
        Decision d = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, new Presented.AsRecorded(e))
                .record(pending(RecordRole.REGISTERED_USER, ZHANG)).build());
        assertThat(d.ruleIds()).containsExactly("D5");
    }

    @Test
    @DisplayName("D1 the central checks a recorded card's start of validity too (not yet valid on the day it was recorded)")
    void notYetValidAtTheCentral() {
        CardData future = People.card("赵六", People.number("110101", java.time.LocalDate.of(1985, 5, 5), 13),
                org.ticketwindow.idcheck.identity.CardDate.of(TODAY.plusDays(3)), org.ticketwindow.idcheck.identity.CardDate.of(TODAY.plusYears(10)));
        Decision d = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, recorded(HOLDER, chip(future)))
                .record(pending(RecordRole.REGISTERED_USER, future)).build());
        assertThat(d.ruleIds()).containsExactly("D1");
    }

    @Test
    @DisplayName("DUP1 a record flagged as a duplicate identity is not verified at an agency on site, nor by proxy anywhere; at a station window in person it is")
    void duplicateFlagBindsTheRecord() {
        IdentityRecord flagged = user(ZHANG).withDuplicateIdentity(true);
        Decision agency = rules.decide(at(AGENCY, CaseKind.ON_SITE).document(HOLDER, chip(ZHANG)).record(flagged).build());
        assertThat(agency.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(agency.ruleIds()).containsExactly("DUP1");
        for (CounterKind counter : CounterKind.values()) {
            Decision proxy = rules.decide(at(counter, CaseKind.PROXY).document(PROXY, chip(LI)).document(PRINCIPAL, chip(ZHANG))
                    .record(flagged).build());
            assertThat(proxy.outcome()).as(counter.name()).isEqualTo(Outcome.REFUSED);
            assertThat(proxy.ruleIds()).containsExactly("DUP1");
            assertThat(proxy.statusChanges()).isEmpty();
        }
        Decision window = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, chip(ZHANG)).record(flagged).build());
        assertThat(window.outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    @DisplayName("DUP1 a duplicate-identity claim is for the registered user's own record: a contact's is the wrong case")
    void duplicateClaimForAContact() {
        Decision d = rules.decide(at(STATION_WINDOW, CaseKind.DUPLICATE_CLAIM).document(HOLDER, chip(ZHANG))
                .record(contactOf(ZHANG, People.LI_XIAOHONG).withDuplicateIdentity(true)).build());
        assertThat(d.outcome()).isEqualTo(Outcome.WRONG_CASE);
        assertThat(d.ruleIds()).containsExactly("DUP1");
    }

    @Test
    @DisplayName("DUP1 RD-32 offline, a duplicate-identity claim is left to the central (the counter cannot see the flag)")
    void duplicateClaimOffline() {
        Decision d = rules.decide(at(STATION_WINDOW, CaseKind.DUPLICATE_CLAIM).document(HOLDER, chip(ZHANG)).build());
        assertThat(d.outcome()).isEqualTo(Outcome.PENDING_CENTRAL);
        assertThat(d.recordable()).isTrue();
    }

    @Test
    @DisplayName("X3 V2 a passport principal with a long name is verified by proxy without the extra factor (section 一 only), as in person")
    void noExtraFactorForAPassportPrincipalByProxy() {
        EnteredDocument longName = VerificationRulesTest.passport("EA7777777",
                "WORTHINGTON SMYTHE ALEXANDRA CATHERINE JANE", "UTO", java.time.LocalDate.of(2030, 1, 1));
        IdentityRecord record = reportRecord(longName, RecordRole.REGISTERED_USER);
        Decision inPerson = rules.decide(at(STATION_WINDOW, CaseKind.PRE_VERIFICATION).document(HOLDER, new Presented.Entered(longName))
                .record(record).build());
        Decision byProxy = rules.decide(at(STATION_WINDOW, CaseKind.PROXY).document(PROXY, chip(LI))
                .document(PRINCIPAL, new Presented.Entered(longName)).record(record).build());
        assertThat(inPerson.outcome()).isEqualTo(Outcome.PRE_PASSED);
        assertThat(byProxy.outcome()).isEqualTo(Outcome.PRE_PASSED);
        assertThat(byProxy.missing()).doesNotContain(Missing.EXTRA_FACTOR);
    }

    @Test
    @DisplayName("X3 P1 a document of the wrong kind for the record is the wrong case by proxy too, never a failed verification")
    void wrongKindByProxy() {
        Decision chipForPassport = rules.decide(at(STATION_WINDOW, CaseKind.PROXY).document(PROXY, chip(LI))
                .document(PRINCIPAL, chip(ZHANG)).record(reportRecord(ANNA, RecordRole.REGISTERED_USER)).build());
        assertThat(chipForPassport.outcome()).isEqualTo(Outcome.WRONG_CASE);
        assertThat(chipForPassport.statusChanges()).isEmpty();
        IdentityRecord ridRecord = IdentityRecord.of("R-9", RecordRole.REGISTERED_USER, RecordStatus.PENDING, ANNA.name().value(),
                DocumentType.RID, People.ZHANG_SAN);
        Decision passportForRid = rules.decide(at(STATION_WINDOW, CaseKind.PROXY).document(PROXY, chip(LI))
                .document(PRINCIPAL, new Presented.Entered(ANNA)).record(ridRecord).build());
        assertThat(passportForRid.outcome()).isEqualTo(Outcome.WRONG_CASE);
        assertThat(passportForRid.statusChanges()).isEmpty();
    }

    @Test
    @DisplayName("N4 N6 V2 an over-long English name on a foreign card is a special name when it is the name the website holds")
    void longEnglishNameIsSpecialWhenCompared() {
        ForeignPermanentCard2023 card = new ForeignPermanentCard2023(new PersonName("安娜"),
                new PersonName("WORTHINGTON-SMYTHE ALEXANDRA CATHERINE JANE"), Gender.MALE, "00",
                org.ticketwindow.idcheck.identity.CardDate.of(java.time.LocalDate.of(1988, 4, 12)), IdNumber.of("91184019880412011X"),
                new org.ticketwindow.idcheck.identity.Validity(org.ticketwindow.idcheck.identity.CardDate.of(java.time.LocalDate.of(2023, 4, 12)),
                        org.ticketwindow.idcheck.identity.CardDate.of(java.time.LocalDate.of(2033, 4, 12))), "USA", "", new byte[0], new byte[0]);
        IdentityRecord byEnglish = new IdentityRecord("R-F", RecordRole.REGISTERED_USER, RecordStatus.PENDING,
                new PersonName("WORTHINGTON-SMYTHEALEXANDRACAT"), DocumentType.FOREIGN_PERMANENT_CARD, "91184019880412011X", "USA", false,
                new IdentityRecord.FactorReference("1234", "abc", null));
        Decision agency = rules.decide(at(AGENCY, CaseKind.ON_SITE).document(HOLDER, chip(card)).record(byEnglish).build());
        assertThat(agency.specialName()).contains(SpecialName.OVERLONG);
        assertThat(agency.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(agency.ruleIds()).containsExactly("V2");
        IdentityRecord byChinese = new IdentityRecord("R-F", RecordRole.REGISTERED_USER, RecordStatus.PENDING, new PersonName("安娜"),
                DocumentType.FOREIGN_PERMANENT_CARD, "91184019880412011X", "USA", false, null);
        Decision chinese = rules.decide(at(AGENCY, CaseKind.ON_SITE).document(HOLDER, chip(card)).record(byChinese).build());
        assertThat(chinese.specialName()).isEmpty();
        assertThat(chinese.outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    @DisplayName("C1 a proxy case for a child without a document explains C1 instead of asking for a second document")
    void proxyChildWithoutDocument() {
        Decision d = rules.decide(at(STATION_WINDOW, CaseKind.PROXY).document(PROXY, chip(LI)).childWithoutDocument(true).build());
        assertThat(d.outcome()).isEqualTo(Outcome.NOTHING_TO_DO);
        assertThat(d.ruleIds()).containsExactly("C1");
    }

    @Test
    @DisplayName("E3 T1 V5 an electronic proof for a record: the record's identity must match and its status limits the services")
    void proofAgainstTheRecord() {
        ElectronicProof proof = new ElectronicProof("p-1", new PersonName("张三"), IdNumber.of(People.ZHANG_SAN),
                Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-22T00:00:00Z"), "issuer-2026-01");
        Decision pendingRecord = rules.decide(at(STATION_WINDOW, CaseKind.TICKET_SERVICE).document(HOLDER, new Presented.Proof(proof))
                .record(user(ZHANG)).build());
        assertThat(pendingRecord.outcome()).isEqualTo(Outcome.SERVICES);
        assertThat(pendingRecord.services().orElseThrow().here()).containsExactly(TicketService.REFUND);
        Decision verified = rules.decide(at(STATION_WINDOW, CaseKind.TICKET_SERVICE).document(HOLDER, new Presented.Proof(proof))
                .record(user(ZHANG).withStatus(RecordStatus.PASSED)).build());
        assertThat(verified.services().orElseThrow().here()).containsExactlyInAnyOrder(TicketService.SALE, TicketService.CHANGE,
                TicketService.REFUND);
        Decision otherPerson = rules.decide(at(STATION_WINDOW, CaseKind.TICKET_SERVICE).document(HOLDER, new Presented.Proof(proof))
                .record(user(LI).withStatus(RecordStatus.PASSED)).build());
        assertThat(otherPerson.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(otherPerson.services()).isEmpty();
    }

    @Test
    @DisplayName("N3 V2 RD-40 毕昇 (a standard character of the 2013 table) is not a special name: verified at an agency; 毕升 on the website is a mismatch")
    void standardCharacterAtAnAgency() {
        CardData biSheng = People.card("毕昇", People.number("110101", java.time.LocalDate.of(1975, 3, 3), 15));
        Decision d = rules.decide(at(AGENCY, CaseKind.ON_SITE).document(HOLDER, chip(biSheng)).record(pending(RecordRole.REGISTERED_USER, biSheng)).build());
        assertThat(d.specialName()).isEmpty();
        assertThat(d.outcome()).isEqualTo(Outcome.PASSED);
        IdentityRecord typedSimplified = IdentityRecord.of("R-B", RecordRole.REGISTERED_USER, RecordStatus.PENDING, "毕升",
                DocumentType.RID, biSheng.idNumber().value());
        Decision mismatch = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, chip(biSheng)).record(typedSimplified).build());
        assertThat(mismatch.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    @DisplayName("RD-1 RD-30 V3 DUP1 a refusal from the record alone is explained and not recorded, even after a good card was read first")
    void recordRefusalsAfterAGoodCardAreNotRecorded() {
        Decision failed = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, chip(ZHANG))
                .record(user(ZHANG).withStatus(RecordStatus.FAILED)).build());
        assertThat(failed.ruleIds()).containsExactly("V3");
        assertThat(failed.recordable()).isFalse();
        Decision flagged = rules.decide(at(AGENCY, CaseKind.ON_SITE).document(HOLDER, chip(ZHANG))
                .record(user(ZHANG).withDuplicateIdentity(true)).build());
        assertThat(flagged.ruleIds()).containsExactly("DUP1");
        assertThat(flagged.recordable()).isFalse();
        // while a refusal of the document itself is recorded whatever the record says
        Decision forged = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, chip(FORGED))
                .record(pending(RecordRole.REGISTERED_USER, FORGED).withStatus(RecordStatus.FAILED)).build());
        assertThat(forged.ruleIds()).containsExactly("D5");
        assertThat(forged.recordable()).isTrue();
    }
}
