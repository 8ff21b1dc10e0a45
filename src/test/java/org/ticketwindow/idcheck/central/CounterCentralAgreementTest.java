package org.ticketwindow.idcheck.central;

import org.ticketwindow.idcheck.app.TrainingRecords;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ticketwindow.idcheck.cli.CaseFile;
import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.ElectronicProof;
import org.ticketwindow.idcheck.identity.IdNumber;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FictionalPeople;
import org.ticketwindow.idcheck.reader.sim.Tray;
import org.ticketwindow.idcheck.testing.People;
import org.ticketwindow.idcheck.verify.CaseKind;
import org.ticketwindow.idcheck.verify.ClerkNameDecision;
import org.ticketwindow.idcheck.verify.CounterKind;
import org.ticketwindow.idcheck.verify.DocumentEvidence;
import org.ticketwindow.idcheck.verify.DocumentRole;
import org.ticketwindow.idcheck.verify.DocumentType;
import org.ticketwindow.idcheck.verify.EnteredDocument;
import org.ticketwindow.idcheck.verify.ExtraFactor;
import org.ticketwindow.idcheck.verify.ExtraFactorKind;
import org.ticketwindow.idcheck.verify.IdentityRecord;
import org.ticketwindow.idcheck.verify.Presented;
import org.ticketwindow.idcheck.verify.RecordRole;
import org.ticketwindow.idcheck.verify.RecordStatus;
import org.ticketwindow.idcheck.verify.VerificationCase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter and the central decide every case the project can build the same way: each case goes through the
 * counter's path (decide, record, the exact bytes queued) and the central's (receive those bytes over TLS, apply), and
 * the central's outcome and status changes must equal the counter's, or, for a result the counter left to the central
 * offline, the counter's decision with the record it would have found. A refusal never becomes a status change.
 */
class CounterCentralAgreementTest {
    static final IdentityRecord.FactorReference FACTORS = TrainingRecords.FACTORS;
    private static int ids;

    @Test
    @DisplayName("A1 D1 D2 D3 D4 D5 V1 V2 V3 V4 X1 X2 X3 X4 L1 P1 P2 DUP1 T1 E3: every example and every tray card in "
            + "every case kind at both counter kinds is decided by the central as by the counter")
    void examplesAndTrayCards() throws Exception {
        Agreement agreement = Agreement.shared();
        long start = System.nanoTime();
        int before = agreement.cases.get();
        int recordedBefore = agreement.recorded.get();
        List<String> disagreements = new ArrayList<>();
        for (Agreement.Scenario s : scenarios()) {
            String problem = agreement.check(s);
            if (problem != null) disagreements.add(problem);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("agreement: %d cases (%d recorded and sent to the central over TLS) in %d ms; outcomes %s%n",
                agreement.cases.get() - before, agreement.recorded.get() - recordedBefore, ms, agreement.byOutcome);
        assertThat(disagreements).isEmpty();
        assertThat(agreement.recorded.get() - recordedBefore).as("cases that reach the central").isGreaterThan(300);
    }

    static List<Agreement.Scenario> scenarios() throws Exception {
        List<Agreement.Scenario> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("docs/examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                VerificationCase c = CaseFile.load(f);
                out.add(new Agreement.Scenario(f.getFileName().toString(), c, c, Agreement.seeds(c)));
                if (c.record().isPresent()) {
                    VerificationCase offline = copy(c, false).build();
                    out.add(new Agreement.Scenario(f.getFileName() + " offline", offline, c, Agreement.seeds(c)));
                }
            }
        }
        for (CardFixture f : Tray.cards()) {
            Presented subject = f.unreadable() || f.card() == null ? new Presented.Unreadable("training") : new Presented.Chip(f.card());
            for (CaseKind kind : CaseKind.values()) {
                for (CounterKind counter : CounterKind.values()) {
                    for (Variant v : Variant.values()) out.add(scenario(f.id(), subject, kind, counter, v));
                }
            }
        }
        // the passport and permit paths (P1, P2, X2, X3) with a document the clerk entered, valid and expired
        EnteredDocument passport = new EnteredDocument(DocumentType.PASSPORT, "EA1234567", new PersonName("TESTER ALEX"), "UTO",
                LocalDate.of(1985, 4, 12), LocalDate.of(2030, 4, 15), EnteredDocument.Source.MRZ);
        EnteredDocument expired = new EnteredDocument(DocumentType.PASSPORT, "EA7654321", new PersonName("TESTER BEA"), "UTO",
                LocalDate.of(1985, 4, 12), LocalDate.of(2026, 11, 20), EnteredDocument.Source.KEYBOARD);
        for (EnteredDocument doc : List.of(passport, expired)) {
            for (CaseKind kind : CaseKind.values()) {
                for (CounterKind counter : CounterKind.values()) {
                    for (Variant v : Variant.values()) out.add(scenario(doc.number(), new Presented.Entered(doc), kind, counter, v));
                }
            }
        }
        // electronic proofs: refused for verification (E3), and in ticket services measured against the record
        ElectronicProof proof = new ElectronicProof("p-1", new PersonName("张三"), IdNumber.of(People.ZHANG_SAN),
                Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-22T00:00:00Z"), "issuer-2026-01");
        for (CaseKind kind : CaseKind.values()) {
            for (CounterKind counter : CounterKind.values()) {
                for (Variant v : Variant.values()) out.add(scenario("proof", new Presented.Proof(proof), kind, counter, v));
            }
        }
        return out;
    }

    /** What the central holds for the case's subject, and whether the counter found it. */
    enum Variant {
        OFFLINE(RecordStatus.PENDING, false, false, false),
        PENDING(RecordStatus.PENDING, true, false, false),
        PENDING_NAME_DIFFERS(RecordStatus.PENDING, true, false, true),
        PASSED(RecordStatus.PASSED, true, false, false),
        FAILED(RecordStatus.FAILED, true, false, false),
        REPORT(RecordStatus.REPORT, true, false, false),
        PRE_PASSED(RecordStatus.PRE_PASSED, true, false, false),
        FLAGGED(RecordStatus.PENDING, true, true, false),
        FLAGGED_OFFLINE(RecordStatus.PENDING, false, true, false);

        final RecordStatus status;
        final boolean online;
        final boolean flagged;
        final boolean nameDiffers;

        Variant(RecordStatus status, boolean online, boolean flagged, boolean nameDiffers) {
            this.status = status;
            this.online = online;
            this.flagged = flagged;
            this.nameDiffers = nameDiffers;
        }
    }

    static Agreement.Scenario scenario(String card, Presented subject, CaseKind kind, CounterKind counter, Variant v) {
        return scenario(card, subject, kind, counter, v, true, ClerkNameDecision.ACCEPTED);
    }

    /**
     * @param rightFactor the passenger gives the right extra factor (else a wrong one)
     * @param decision    the clerk's name decision, null when the clerk has not decided
     */
    static synchronized Agreement.Scenario scenario(String card, Presented subject, CaseKind kind, CounterKind counter,
                                                    Variant v, boolean rightFactor, ClerkNameDecision decision) {
        String n = "A" + (++ids);
        DocumentEvidence shown = DocumentEvidence.of(kind.subject(), subject);
        boolean identity = !shown.number().isEmpty();
        CardData other = FictionalPeople.card(1);
        IdentityRecord user = null;
        RecordRole role = RecordRole.REGISTERED_USER;
        VerificationCase.Builder online = VerificationCase.builder(counter, kind, People.TODAY);
        if (kind == CaseKind.PROXY) online.document(DocumentRole.PROXY, new Presented.Chip(other));
        if (kind == CaseKind.OVER_LIMIT_CONTACT) {
            online.document(DocumentRole.REGISTERED_USER, new Presented.Chip(other));
            user = new IdentityRecord(n + "-U", RecordRole.REGISTERED_USER, RecordStatus.PASSED, other.name(), DocumentType.RID,
                    other.idNumber().value(), "CHN", false, FACTORS);
            role = RecordRole.CONTACT;
        }
        online.document(kind.subject(), subject);
        IdentityRecord record = null;
        if (identity) {
            String name = v.nameDiffers ? shown.name().value() + "某" : shown.name().value();
            record = new IdentityRecord(n, role, v.status, new PersonName(name), shown.type(), shown.number(),
                    shown.nationality(), v.flagged, role == RecordRole.CONTACT
                    ? new IdentityRecord.FactorReference(null, null, user.documentNumber()) : FACTORS);
            online.record(record).registeredUser(user).countedContacts(user == null ? null : 100);
        }
        String factor = role == RecordRole.CONTACT ? other.idNumber().value() : "1234";
        online.extraFactor(new ExtraFactor.Given(role == RecordRole.CONTACT ? ExtraFactorKind.REGISTERED_USER_ID_NUMBER
                        : ExtraFactorKind.PHONE_LAST4, rightFactor ? factor : factor.substring(0, factor.length() - 4) + "9876"))
                .clerkNameDecision(decision);
        VerificationCase withRecord = online.build();
        VerificationCase counterCase = v.online ? withRecord : copy(withRecord, false).build();
        return new Agreement.Scenario(card + " " + kind + " " + counter + " " + v, counterCase, withRecord,
                identity ? Agreement.seeds(withRecord) : List.of());
    }

    /** The same case, with or without what the lookup found. */
    static VerificationCase.Builder copy(VerificationCase c, boolean withRecords) {
        VerificationCase.Builder b = VerificationCase.builder(c.counterKind(), c.kind(), c.today()).policy(c.policy())
                .childWithoutDocument(c.childWithoutDocument());
        c.documents().forEach(b::document);
        c.extraFactor().ifPresent(b::extraFactor);
        c.clerkNameDecision().ifPresent(b::clerkNameDecision);
        if (withRecords) {
            b.record(c.record().orElse(null)).registeredUser(c.registeredUser().orElse(null));
            if (c.countedContacts().isPresent()) b.countedContacts(c.countedContacts().getAsInt());
        }
        return b;
    }
}
