package org.ticketwindow.idcheck.verify;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.testing.People;
import org.ticketwindow.idcheck.verify.name.NameRules;

import java.lang.reflect.RecordComponent;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A1: what every result records, and S7: nothing more; the extra factor as a check result, never in clear. */
class EvidenceTest {
    private final VerificationRules rules = new VerificationRules(new NameRules(), new Random(1));

    @Test
    @DisplayName("A1 a result carries counter, kind, clerk, time, sequence, case, documents, decision, reason and factor check")
    void carriesA1() {
        CardData card = People.tray("traditional");
        IdentityRecord r = IdentityRecord.of("R-1", RecordRole.REGISTERED_USER, RecordStatus.PENDING, "陈淑华", DocumentType.RID,
                card.idNumber().value());
        VerificationCase c = VerificationCase.builder(CounterKind.STATION_WINDOW, CaseKind.ON_SITE, People.TODAY)
                .document(DocumentRole.HOLDER, new Presented.Chip(card)).record(r)
                .extraFactor(new ExtraFactor.Given(ExtraFactorKind.PHONE_LAST4, "5678")).build();
        Decision d = rules.decide(c);
        Evidence e = Evidence.of("BJP-W07", "C0012", Instant.parse("2026-11-21T02:00:00Z"), 42, c, d);
        assertThat(e.counterId()).isEqualTo("BJP-W07");
        assertThat(e.counterKind()).isEqualTo(CounterKind.STATION_WINDOW);
        assertThat(e.clerkId()).isEqualTo("C0012");
        assertThat(e.sequence()).isEqualTo(42);
        assertThat(e.caseKind()).isEqualTo(CaseKind.ON_SITE);
        assertThat(e.recordId()).isEqualTo("R-1");
        assertThat(e.outcome()).isEqualTo(Outcome.PENDING_CENTRAL);
        assertThat(e.rules()).startsWith("A1");
        assertThat(e.documents()).singleElement().satisfies(doc -> {
            assertThat(doc.source()).isEqualTo(DocumentEvidence.Source.CHIP);
            assertThat(doc.number()).isEqualTo(card.idNumber().value());
            assertThat(doc.validUntil()).isEqualTo("2039-01-01");
        });
        assertThat(e.extraFactor().status()).isEqualTo(ExtraFactorCheck.Status.DEFERRED);
        assertThat(e.toString()).doesNotContain("5678").doesNotContain(card.idNumber().value()).doesNotContain("陳淑華");
        assertThat(e.extraFactor().digest()).doesNotContain("5678");
    }

    @Test
    @DisplayName("A1 S7 evidence holds exactly the A1 fields: no photo, fingerprint, address or birth date")
    void nothingMore() {
        assertThat(Arrays.stream(Evidence.class.getRecordComponents()).map(RecordComponent::getName)).containsExactly(
                "counterId", "counterKind", "clerkId", "recordedAt", "sequence", "caseKind", "documents", "recordId",
                "outcome", "rules", "reasonZh", "reasonEn", "statusChanges", "extraFactor", "nameRules", "clerkNameDecision");
        assertThat(Arrays.stream(DocumentEvidence.class.getRecordComponents()).map(RecordComponent::getName)).containsExactly(
                "role", "source", "type", "number", "name", "altName", "nationality", "validFrom", "validUntil", "cardDefects",
                "readerDetail");
    }

    @Test
    @DisplayName("A1 D3 an unreadable card's evidence holds no personal data, only the reader's detail")
    void unreadable() {
        VerificationCase c = VerificationCase.builder(CounterKind.AGENCY, CaseKind.ON_SITE, People.TODAY)
                .document(DocumentRole.HOLDER, new Presented.Unreadable("0x41 after 3 attempts")).build();
        Evidence e = Evidence.of("A-01", "C1", Instant.EPOCH, 7, c, rules.decide(c));
        assertThat(e.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(e.documents()).singleElement().satisfies(doc -> {
            assertThat(doc.number()).isEmpty();
            assertThat(doc.name().value()).isEmpty();
            assertThat(doc.readerDetail()).isEqualTo("0x41 after 3 attempts");
        });
    }

    @Test
    @DisplayName("A1 the clerk's name decision is recorded with the result")
    void clerkDecisionRecorded() {
        CardData card = People.tray("rare-pua");
        IdentityRecord r = IdentityRecord.of("R-2", RecordRole.REGISTERED_USER, RecordStatus.PENDING, "吴艳", DocumentType.RID,
                card.idNumber().value()).withFactors(new IdentityRecord.FactorReference("1234", null, null));
        VerificationCase c = VerificationCase.builder(CounterKind.STATION_WINDOW, CaseKind.ON_SITE, People.TODAY)
                .document(DocumentRole.HOLDER, new Presented.Chip(card)).record(r).clerkNameDecision(ClerkNameDecision.ACCEPTED)
                .extraFactor(new ExtraFactor.Given(ExtraFactorKind.PHONE_LAST4, "1234")).build();
        Evidence e = Evidence.of("W", "C", Instant.EPOCH, 1, c, rules.decide(c));
        assertThat(e.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(e.nameRules()).contains("N1", "CLERK");
        assertThat(e.clerkNameDecision()).isEqualTo(ClerkNameDecision.ACCEPTED);
        VerificationCase rejected = VerificationCase.builder(CounterKind.STATION_WINDOW, CaseKind.ON_SITE, People.TODAY)
                .document(DocumentRole.HOLDER, new Presented.Chip(card)).record(r).clerkNameDecision(ClerkNameDecision.REJECTED)
                .extraFactor(new ExtraFactor.Given(ExtraFactorKind.PHONE_LAST4, "1234")).build();
        Evidence no = Evidence.of("W", "C", Instant.EPOCH, 2, rejected, rules.decide(rejected));
        assertThat(no.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(no.clerkNameDecision()).isEqualTo(ClerkNameDecision.REJECTED);
    }

    @Test
    @DisplayName("V2 RD-42 the number of extra-factor values given is recorded with the result, and the rules decide the same whatever it is")
    void factorAttemptsRecorded() {
        CardData card = People.tray("rare-pua");
        IdentityRecord r = IdentityRecord.of("R-3", RecordRole.REGISTERED_USER, RecordStatus.PENDING, "吴艳", DocumentType.RID,
                card.idNumber().value()).withFactors(new IdentityRecord.FactorReference("1234", null, null));
        java.util.function.IntFunction<VerificationCase> given = n -> VerificationCase.builder(CounterKind.STATION_WINDOW,
                CaseKind.ON_SITE, People.TODAY).document(DocumentRole.HOLDER, new Presented.Chip(card)).record(r)
                .clerkNameDecision(ClerkNameDecision.ACCEPTED)
                .extraFactor(new ExtraFactor.Given(ExtraFactorKind.PHONE_LAST4, "1234")).extraFactorAttempts(n).build();
        Decision once = rules.decide(given.apply(1));
        Decision thrice = rules.decide(given.apply(3));
        assertThat(thrice).as("the count is not an input of the rules").isEqualTo(once);
        assertThat(once.extraFactor().attempts()).as("the rules do not count").isZero();
        Evidence e = Evidence.of("W", "C", Instant.EPOCH, 1, given.apply(3), thrice);
        assertThat(e.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(e.extraFactor()).isEqualTo(new ExtraFactorCheck(ExtraFactorCheck.Status.MATCHED, ExtraFactorKind.PHONE_LAST4, null, 3));
        assertThat(e.toString()).doesNotContain("1234");
        VerificationCase none = VerificationCase.builder(CounterKind.STATION_WINDOW, CaseKind.ON_SITE, People.TODAY)
                .document(DocumentRole.HOLDER, new Presented.Chip(People.tray("ordinary"))).build();
        assertThat(Evidence.of("W", "C", Instant.EPOCH, 2, none, rules.decide(none)).extraFactor().attempts())
                .as("no factor given").isZero();
    }

    @Test
    @DisplayName("V2 RD-42 a queued body from before the count was kept is still read, with 0 attempts; a new body round-trips its count")
    void factorAttemptsOldBodies() throws Exception {
        var json = org.ticketwindow.idcheck.wire.WireJson.mapper();
        ExtraFactorCheck recorded = new ExtraFactorCheck(ExtraFactorCheck.Status.NOT_MATCHED, ExtraFactorKind.PHONE_LAST4, null, 3);
        String body = json.writeValueAsString(recorded);
        assertThat(json.readTree(body).get("attempts").intValue()).isEqualTo(3);
        assertThat(json.readValue(body, ExtraFactorCheck.class)).isEqualTo(recorded);
        ExtraFactorCheck old = json.readValue("{\"status\":\"MATCHED\",\"kind\":\"PHONE_LAST4\",\"digest\":null}", ExtraFactorCheck.class);
        assertThat(old).isEqualTo(ExtraFactorCheck.of(ExtraFactorCheck.Status.MATCHED, ExtraFactorKind.PHONE_LAST4));
        assertThat(old.attempts()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> json.readValue(
                "{\"status\":\"MATCHED\",\"kind\":\"PHONE_LAST4\",\"attempts\":-1}", ExtraFactorCheck.class))
                .as("a negative count is not a count").isInstanceOf(java.io.IOException.class);
    }

    @Test
    @DisplayName("PD1 records, entered documents, evidence, factors, proofs and proof payloads print masked")
    void masked() {
        String number = People.ZHANG_SAN;
        IdentityRecord r = IdentityRecord.of("R-1", RecordRole.CONTACT, RecordStatus.PENDING, "张三", DocumentType.RID, number)
                .withFactors(new IdentityRecord.FactorReference("1234", "zsa", number));
        EnteredDocument passport = new EnteredDocument(DocumentType.PASSPORT, "L898902C3",
                new org.ticketwindow.idcheck.identity.PersonName("ERIKSSON ANNA MARIA"), "UTO", null,
                java.time.LocalDate.of(2030, 1, 1), EnteredDocument.Source.MRZ);
        VerificationCase c = VerificationCase.builder(CounterKind.AGENCY, CaseKind.ON_SITE, People.TODAY)
                .document(DocumentRole.HOLDER, new Presented.Chip(People.tray("ordinary"))).record(r).build();
        org.ticketwindow.idcheck.identity.ElectronicProof proof = new org.ticketwindow.idcheck.identity.ElectronicProof("p",
                new org.ticketwindow.idcheck.identity.PersonName("张三"), org.ticketwindow.idcheck.identity.IdNumber.of(number),
                Instant.EPOCH, Instant.EPOCH, "k");
        String printed = String.join("\n", r.toString(), r.factors().toString(), passport.toString(), c.toString(),
                Evidence.of("W", "C", Instant.EPOCH, 1, c, rules.decide(c)).toString(),
                DocumentEvidence.of(DocumentRole.HOLDER, new Presented.Entered(passport)).toString(),
                new ExtraFactor.Given(ExtraFactorKind.REGISTERED_USER_ID_NUMBER, number).toString(), proof.toString(),
                new org.ticketwindow.idcheck.etp.EtpPayload("k", "p", "RID", "张三", number, 1, 1).toString());
        assertThat(printed).doesNotContain(number).doesNotContain("张三").doesNotContain("L898902C3")
                .doesNotContain("ERIKSSON").doesNotContain("1234").contains("1101**********1233").contains("张*");
    }

    @Test
    @DisplayName("V2 the factor hash: salted (two hashes of one value differ), checkable, tamper-evident, kind-bound")
    void factorHash() {
        SecureRandom random = new SecureRandom();
        ExtraFactor.Given given = new ExtraFactor.Given(ExtraFactorKind.EMAIL_FIRST3, "ZSa");
        ExtraFactor.Hashed a = ExtraFactorHash.of(given, random);
        ExtraFactor.Hashed b = ExtraFactorHash.of(given, random);
        assertThat(a.digest()).isNotEqualTo(b.digest());
        assertThat(ExtraFactorHash.matches(a, "zsa")).as("e-mail letters compare without case").isTrue();
        assertThat(ExtraFactorHash.matches(a, "zsb")).isFalse();
        assertThat(ExtraFactorHash.matches(new ExtraFactor.Hashed(ExtraFactorKind.PHONE_LAST4, a.digest()), "zsa")).isFalse();
        String tampered = a.digest().substring(0, a.digest().length() - 2) + (a.digest().endsWith("A") ? "BB" : "AA");
        assertThat(ExtraFactorHash.matches(new ExtraFactor.Hashed(ExtraFactorKind.EMAIL_FIRST3, tampered), "zsa")).isFalse();
        assertThat(ExtraFactorHash.matches(new ExtraFactor.Hashed(ExtraFactorKind.EMAIL_FIRST3, "garbage"), "zsa")).isFalse();
        assertThat(given.toString()).doesNotContain("ZSa");
    }
}
