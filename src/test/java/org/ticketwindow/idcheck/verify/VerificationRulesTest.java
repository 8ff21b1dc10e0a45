package org.ticketwindow.idcheck.verify;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.CardDate;
import org.ticketwindow.idcheck.identity.ElectronicProof;
import org.ticketwindow.idcheck.identity.IdNumber;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.testing.People;
import org.ticketwindow.idcheck.text.Texts;
import org.ticketwindow.idcheck.verify.name.NameRules;
import org.ticketwindow.idcheck.verify.name.SpecialName;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ticketwindow.idcheck.testing.People.TODAY;
import static org.ticketwindow.idcheck.testing.People.tray;
import static org.ticketwindow.idcheck.verify.CounterKind.AGENCY;
import static org.ticketwindow.idcheck.verify.CounterKind.STATION_WINDOW;
import static org.ticketwindow.idcheck.verify.DocumentRole.CONTACT;
import static org.ticketwindow.idcheck.verify.DocumentRole.HOLDER;
import static org.ticketwindow.idcheck.verify.DocumentRole.PRINCIPAL;
import static org.ticketwindow.idcheck.verify.DocumentRole.PROXY;
import static org.ticketwindow.idcheck.verify.DocumentRole.REGISTERED_USER;

/**
 * The rules of docs/rules.md, one nested class per group, with the combinations the issue names. All people are fictional
 * (the simulator's tray cards and {@link People}).
 */
class VerificationRulesTest {
    private final VerificationRules rules = new VerificationRules(new NameRules(), new Random(7));

    // tray cards (fictional): 张三 ordinary, 李小红 ordinary-female, 陳淑華 traditional, 郑𪚥 rare-ext-b, 孙八 expired
    static final CardData ZHANG = tray("ordinary");
    static final CardData LI = tray("ordinary-female");
    static final CardData CHEN_TRAD = tray("traditional");
    static final CardData ZHENG_RARE = tray("rare-ext-b");
    static final CardData WU_PUA = tray("rare-pua");
    static final CardData EXPIRED = tray("expired");
    static final CardData FORGED = tray("forged-check-digit");
    static final CardData LONG_TERM = tray("long-term");
    static final CardData FOREIGN_LONG = tray("foreign-2023-long-name");

    static IdentityRecord pending(RecordRole role, CardData card) {
        return IdentityRecord.of("R-" + card.idNumber().value().substring(14), role, RecordStatus.PENDING,
                card.name().value(), DocumentType.of(card.type()), card.idNumber().value());
    }

    static IdentityRecord user(CardData card) {
        return pending(RecordRole.REGISTERED_USER, card).withFactors(new IdentityRecord.FactorReference("1234", "zsa", null));
    }

    static IdentityRecord contactOf(CardData card, String usersNumber) {
        return pending(RecordRole.CONTACT, card).withFactors(new IdentityRecord.FactorReference(null, null, usersNumber));
    }

    static EnteredDocument passport(String number, String name, String nationality, LocalDate until) {
        return new EnteredDocument(DocumentType.PASSPORT, number, new PersonName(name), nationality, LocalDate.of(1985, 4, 12),
                until, EnteredDocument.Source.KEYBOARD);
    }

    static final EnteredDocument ANNA = passport("L898902C3", "ERIKSSON ANNA MARIA", "UTO", LocalDate.of(2030, 4, 15));

    static IdentityRecord reportRecord(EnteredDocument doc, RecordRole role) {
        return new IdentityRecord("P-1", role, RecordStatus.REPORT, doc.name(), doc.type(), doc.number(), doc.nationality(),
                false, null);
    }

    static VerificationCase.Builder at(CounterKind counter, CaseKind kind) {
        return VerificationCase.builder(counter, kind, TODAY);
    }

    static Presented chip(CardData c) { return new Presented.Chip(c); }

    Decision onSite(CounterKind counter, CardData card, IdentityRecord record) {
        return rules.decide(at(counter, CaseKind.ON_SITE).document(HOLDER, chip(card)).record(record).build());
    }

    @Nested
    class Documents {
        @Test
        @DisplayName("D1 an expired card is refused with its expiry date, and the refusal is recorded")
        void expired() {
            Decision d = onSite(STATION_WINDOW, EXPIRED, pending(RecordRole.REGISTERED_USER, EXPIRED));
            assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(d.ruleIds()).containsExactly("D1");
            assertThat(Texts.chinese().of(d.reason())).contains("2020-05-01");
            assertThat(d.recordable()).isTrue();
            assertThat(d.statusChanges()).isEmpty();
        }

        @Test
        @DisplayName("D1 a long-term (长期) card never expires; a card valid until today is still valid")
        void longTermAndBoundary() {
            assertThat(onSite(STATION_WINDOW, LONG_TERM, pending(RecordRole.CONTACT, LONG_TERM)).outcome()).isEqualTo(Outcome.PASSED);
            String n = People.number("110101", LocalDate.of(1991, 2, 3), 15);
            CardData lastDay = People.card("王小明", n, CardDate.of(LocalDate.of(2016, 11, 21)), CardDate.of(TODAY));
            assertThat(onSite(STATION_WINDOW, lastDay, pending(RecordRole.CONTACT, lastDay)).outcome()).isEqualTo(Outcome.PASSED);
            CardData yesterday = People.card("王小明", n, CardDate.of(LocalDate.of(2016, 11, 20)), CardDate.of(TODAY.minusDays(1)));
            assertThat(onSite(STATION_WINDOW, yesterday, pending(RecordRole.CONTACT, yesterday)).ruleIds()).containsExactly("D1");
        }

        @Test
        @DisplayName("D1 an expired passport is refused at pre-verification with its expiry date")
        void expiredPassport() {
            EnteredDocument old = passport("L898902C3", "ERIKSSON ANNA MARIA", "UTO", LocalDate.of(2026, 11, 20));
            Decision d = rules.decide(at(STATION_WINDOW, CaseKind.PRE_VERIFICATION).document(HOLDER, new Presented.Entered(old))
                    .record(reportRecord(old, RecordRole.CONTACT)).build());
            assertThat(d.ruleIds()).containsExactly("D1");
            assertThat(Texts.chinese().of(d.reason())).contains("2026-11-20");
        }

        @Test
        @DisplayName("D2 a record still on a first-generation card is refused: switch the record first")
        void firstGeneration() {
            IdentityRecord r = IdentityRecord.of("R-1", RecordRole.REGISTERED_USER, RecordStatus.PENDING, "张三",
                    DocumentType.FIRST_GENERATION_RID, "110101900307123");
            Decision d = onSite(STATION_WINDOW, ZHANG, r);
            assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(d.ruleIds()).containsExactly("D2");
            assertThat(Texts.chinese().of(d.reason())).contains("二代居民身份证");
        }

        @Test
        @DisplayName("D3 an unreadable resident card is refused with the new-card advice, and recorded without personal data")
        void unreadable() {
            Decision d = rules.decide(at(AGENCY, CaseKind.ON_SITE).document(HOLDER, new Presented.Unreadable("0x41 after 3 attempts"))
                    .record(user(ZHANG)).build());
            assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(d.ruleIds()).containsExactly("D3");
            assertThat(Texts.chinese().of(d.reason())).contains("发证机关");
            assertThat(d.recordable()).isTrue();
            assertThat(d.comparisons()).isEmpty();
        }

        @Test
        @DisplayName("D4 typed resident card data is never accepted in place of a read")
        void manualEntryRefused() {
            EnteredDocument typed = new EnteredDocument(DocumentType.RID, People.ZHANG_SAN, new PersonName("张三"), "CHN",
                    null, LocalDate.of(2040, 3, 15), EnteredDocument.Source.KEYBOARD);
            Decision d = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, new Presented.Entered(typed))
                    .record(user(ZHANG)).build());
            assertThat(d.ruleIds()).containsExactly("D4");
            EnteredDocument permit = new EnteredDocument(DocumentType.FOREIGN_PERMANENT_CARD, "911826199007150225",
                    new PersonName("X"), "GBR", null, LocalDate.of(2033, 1, 1), EnteredDocument.Source.KEYBOARD);
            assertThat(rules.decide(at(STATION_WINDOW, CaseKind.PRE_VERIFICATION).document(HOLDER, new Presented.Entered(permit))
                    .build()).ruleIds()).containsExactly("D4");
        }

        @Test
        @DisplayName("D5 a card that reads but fails its number check is refused as possibly forged, and recorded")
        void forged() {
            Decision d = onSite(STATION_WINDOW, FORGED, pending(RecordRole.REGISTERED_USER, FORGED));
            assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(d.ruleIds()).containsExactly("D5");
            assertThat(Texts.chinese().of(d.reason())).contains("校验位");
            assertThat(d.recordable()).isTrue();
        }
    }

    @Nested
    class OnSite {
        @ParameterizedTest(name = "V1 at a {0}")
        @EnumSource(CounterKind.class)
        @DisplayName("V1 a PENDING record equal to the card becomes PASSED with name, type and number frozen")
        void passes(CounterKind counter) {
            Decision d = onSite(counter, ZHANG, user(ZHANG));
            assertThat(d.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(d.statusChanges()).singleElement().satisfies(s -> {
                assertThat(s.from()).isEqualTo(RecordStatus.PENDING);
                assertThat(s.to()).isEqualTo(RecordStatus.PASSED);
                assertThat(s.frozen()).containsExactlyInAnyOrder(Field.NAME, Field.DOCUMENT_TYPE, Field.DOCUMENT_NUMBER);
            });
            assertThat(d.comparisons()).allMatch(f -> f.result() == FieldComparison.Result.EQUAL);
            assertThat(d.recordable()).isTrue();
        }

        @Test
        @DisplayName("V1 a record that differs becomes FAILED and the console says which field and how")
        void failsWithDifference() {
            IdentityRecord r = IdentityRecord.of("R-9", RecordRole.CONTACT, RecordStatus.PENDING, "张山", DocumentType.RID,
                    People.ZHANG_SAN);
            Decision d = onSite(STATION_WINDOW, ZHANG, r);
            assertThat(d.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(d.statusChanges()).singleElement().satisfies(s -> assertThat(s.to()).isEqualTo(RecordStatus.FAILED));
            assertThat(d.missing()).contains(Missing.WEBSITE_CORRECTION);
            FieldComparison name = d.comparisons().stream().filter(f -> f.field() == Field.NAME).findFirst().orElseThrow();
            assertThat(name.result()).isEqualTo(FieldComparison.Result.DIFFERENT);
            assertThat(Texts.chinese().of(name.hint())).contains("第2个字").contains("三").contains("山");
        }

        @Test
        @DisplayName("V1 a wrong number is shown by position, without reading the number out")
        void numberDiffers() {
            String other = People.number("110101", LocalDate.of(1990, 3, 7), 124);
            IdentityRecord r = IdentityRecord.of("R-9", RecordRole.CONTACT, RecordStatus.PENDING, "张三", DocumentType.RID, other);
            Decision d = onSite(AGENCY, ZHANG, r);
            assertThat(d.outcome()).isEqualTo(Outcome.FAILED);
            FieldComparison f = d.comparisons().stream().filter(c -> c.field() == Field.DOCUMENT_NUMBER).findFirst().orElseThrow();
            assertThat(Texts.chinese().of(f.hint())).contains("第 17 位").doesNotContain(other).doesNotContain(People.ZHANG_SAN);
        }

        @Test
        @DisplayName("V1 chip permits are verified like resident cards (HK residence permit)")
        void chipPermit() {
            CardData hk = tray("residence-permit-hk");
            Decision d = onSite(AGENCY, hk, pending(RecordRole.CONTACT, hk));
            assertThat(d.outcome()).isEqualTo(Outcome.PASSED);
        }

        @Test
        @DisplayName("V2 special name at an agency is refused")
        void specialAtAgency() {
            Decision d = onSite(AGENCY, CHEN_TRAD, user(CHEN_TRAD));
            assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(d.ruleIds()).containsExactly("V2");
            assertThat(d.specialName()).containsExactly(SpecialName.TRADITIONAL);
            assertThat(d.recordable()).as("a document was handled").isTrue();
        }

        @Test
        @DisplayName("V2 special name at a station window needs the extra factor first")
        void specialNeedsFactor() {
            Decision d = onSite(STATION_WINDOW, ZHENG_RARE, user(ZHENG_RARE));
            assertThat(d.outcome()).isEqualTo(Outcome.NEEDS_MORE);
            assertThat(d.missing()).containsExactly(Missing.EXTRA_FACTOR);
            assertThat(Texts.chinese().of(d.reason())).contains("手机号后4位");
            assertThat(d.recordable()).isFalse();
        }

        @Test
        @DisplayName("V2 a registered user's phone last 4 or e-mail first 3 passes the special name")
        void factorMatches() {
            for (ExtraFactor f : new ExtraFactor[]{new ExtraFactor.Given(ExtraFactorKind.PHONE_LAST4, "1234"),
                    new ExtraFactor.Given(ExtraFactorKind.EMAIL_FIRST3, "ZSA")}) {
                Decision d = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, chip(ZHENG_RARE))
                        .record(user(ZHENG_RARE)).extraFactor(f).build());
                assertThat(d.outcome()).as(f.kind().name()).isEqualTo(Outcome.PASSED);
                assertThat(d.extraFactor().status()).isEqualTo(ExtraFactorCheck.Status.MATCHED);
                assertThat(d.extraFactor().digest()).isNull();
            }
        }

        @Test
        @DisplayName("V2 a wrong extra factor is refused; a contact must give the registered user's ID number")
        void factorWrong() {
            Decision wrong = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, chip(CHEN_TRAD))
                    .record(user(CHEN_TRAD)).extraFactor(new ExtraFactor.Given(ExtraFactorKind.PHONE_LAST4, "9999")).build());
            assertThat(wrong.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(wrong.extraFactor().status()).isEqualTo(ExtraFactorCheck.Status.NOT_MATCHED);

            IdentityRecord contact = contactOf(CHEN_TRAD, People.ZHANG_SAN);
            Decision phoneForContact = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, chip(CHEN_TRAD))
                    .record(contact).extraFactor(new ExtraFactor.Given(ExtraFactorKind.PHONE_LAST4, "1234")).build());
            assertThat(phoneForContact.outcome()).isEqualTo(Outcome.NEEDS_MORE);
            assertThat(phoneForContact.reasons()).anyMatch(r -> Texts.chinese().of(r).contains("不能用“手机号后4位”"));

            Decision ok = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, chip(CHEN_TRAD)).record(contact)
                    .extraFactor(new ExtraFactor.Given(ExtraFactorKind.REGISTERED_USER_ID_NUMBER, People.ZHANG_SAN.toLowerCase())).build());
            assertThat(ok.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(ok.comparisons()).anyMatch(f -> f.field() == Field.NAME && f.rules().isEmpty());
        }

        @Test
        @DisplayName("V2 N3 a traditional card name entered in simplified form passes at the window with the factor")
        void traditionalSimplifiedEntry() {
            IdentityRecord r = IdentityRecord.of("R-5", RecordRole.REGISTERED_USER, RecordStatus.PENDING, "陈淑华",
                    DocumentType.RID, CHEN_TRAD.idNumber().value()).withFactors(new IdentityRecord.FactorReference("1234", null, null));
            Decision d = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, chip(CHEN_TRAD)).record(r)
                    .extraFactor(new ExtraFactor.Given(ExtraFactorKind.PHONE_LAST4, "1234")).build());
            assertThat(d.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(d.comparisons()).anyMatch(f -> f.field() == Field.NAME && f.result() == FieldComparison.Result.EQUIVALENT
                    && f.rules().contains("N3"));
            assertThat(d.services()).get().satisfies(t -> assertThat(t.orderNumberRequired()).as("T3").isTrue());
        }

        @Test
        @DisplayName("V2 offline, the extra factor travels as a salted hash the central checks, never in clear")
        void factorOffline() {
            Decision d = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, chip(ZHENG_RARE))
                    .extraFactor(new ExtraFactor.Given(ExtraFactorKind.PHONE_LAST4, "1234")).build());
            assertThat(d.outcome()).isEqualTo(Outcome.PENDING_CENTRAL);
            assertThat(d.extraFactor().status()).isEqualTo(ExtraFactorCheck.Status.DEFERRED);
            assertThat(d.extraFactor().digest()).startsWith("xf1$PHONE_LAST4$").doesNotContain("1234");
            // the central decides the same case with the record and the hashed factor
            Decision central = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, chip(ZHENG_RARE))
                    .record(user(ZHENG_RARE)).extraFactor(new ExtraFactor.Hashed(ExtraFactorKind.PHONE_LAST4, d.extraFactor().digest()))
                    .build());
            assertThat(central.outcome()).isEqualTo(Outcome.PASSED);
            Decision centralWrong = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, chip(ZHENG_RARE))
                    .record(user(ZHENG_RARE).withFactors(new IdentityRecord.FactorReference("4321", null, null)))
                    .extraFactor(new ExtraFactor.Hashed(ExtraFactorKind.PHONE_LAST4, d.extraFactor().digest())).build());
            assertThat(centralWrong.outcome()).isEqualTo(Outcome.REFUSED);
        }

        @Test
        @DisplayName("V2 N1 a rare character no dictionary covers needs the clerk's decision, which is then applied")
        void clerkDecides() {
            IdentityRecord r = IdentityRecord.of("R-7", RecordRole.REGISTERED_USER, RecordStatus.PENDING, "吴yan", DocumentType.RID,
                    WU_PUA.idNumber().value()).withFactors(new IdentityRecord.FactorReference("1234", null, null));
            VerificationCase.Builder b = at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, chip(WU_PUA)).record(r)
                    .extraFactor(new ExtraFactor.Given(ExtraFactorKind.PHONE_LAST4, "1234"));
            Decision ask = rules.decide(b.build());
            assertThat(ask.outcome()).isEqualTo(Outcome.NEEDS_MORE);
            assertThat(ask.missing()).containsExactly(Missing.CLERK_NAME_DECISION);
            assertThat(rules.decide(b.clerkNameDecision(ClerkNameDecision.ACCEPTED).build()).outcome()).isEqualTo(Outcome.PASSED);
            assertThat(rules.decide(b.clerkNameDecision(ClerkNameDecision.REJECTED).build()).outcome()).isEqualTo(Outcome.FAILED);
        }

        @Test
        @DisplayName("V3 a FAILED record shown at the counter is refused: correct the website first, no card is read")
        void failedRecord() {
            Decision d = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).record(user(ZHANG).withStatus(RecordStatus.FAILED)).build());
            assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(d.ruleIds()).containsExactly("V3");
            assertThat(d.missing()).containsExactly(Missing.WEBSITE_CORRECTION);
            assertThat(d.recordable()).as("no document handled").isFalse();
        }

        @Test
        @DisplayName("V1 D4 before a card is read the console asks for it; nothing is recorded")
        void noDocumentYet() {
            Decision d = rules.decide(at(AGENCY, CaseKind.ON_SITE).record(user(ZHANG)).build());
            assertThat(d.outcome()).isEqualTo(Outcome.NEEDS_MORE);
            assertThat(d.missing()).containsExactly(Missing.DOCUMENT);
            assertThat(d.ruleIds()).containsExactly("V1");
            assertThat(d.recordable()).isFalse();
        }

        @Test
        @DisplayName("V4 a PASSED record needs nothing and queues no result")
        void alreadyPassed() {
            Decision d = onSite(STATION_WINDOW, ZHANG, user(ZHANG).withStatus(RecordStatus.PASSED));
            assertThat(d.outcome()).isEqualTo(Outcome.NOTHING_TO_DO);
            assertThat(d.ruleIds()).containsExactly("V4");
            assertThat(d.recordable()).isFalse();
        }

        @Test
        @DisplayName("V5 a PENDING registered user's contact: the console explains the user cannot add contacts or buy")
        void userNotVerified() {
            IdentityRecord u = user(ZHANG);
            Decision d = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, chip(LI))
                    .record(contactOf(LI, People.ZHANG_SAN)).registeredUser(u).build());
            assertThat(d.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(d.notes()).anyMatch(n -> n.rule().equals("V5") && Texts.chinese().of(n).contains("不能添加常用联系人"));
            Decision self = onSite(STATION_WINDOW, ZHANG, u);
            assertThat(self.notes()).noneMatch(n -> n.rule().equals("V5"));
        }

        @Test
        @DisplayName("V1 offline (no record known) the card is checked and the evidence left for the central")
        void offline() {
            Decision d = rules.decide(at(AGENCY, CaseKind.ON_SITE).document(HOLDER, chip(ZHANG)).build());
            assertThat(d.outcome()).isEqualTo(Outcome.PENDING_CENTRAL);
            assertThat(d.recordable()).isTrue();
            assertThat(d.extraFactor().status()).isEqualTo(ExtraFactorCheck.Status.NOT_REQUIRED);
        }

        @Test
        @DisplayName("E3 an electronic proof presented for account verification is refused")
        void proofForVerification() {
            ElectronicProof proof = new ElectronicProof("p-1", new PersonName("张三"), IdNumber.of(People.ZHANG_SAN),
                    Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-22T00:00:00Z"), "issuer-2026-01");
            for (CaseKind kind : new CaseKind[]{CaseKind.ON_SITE, CaseKind.DUPLICATE_CLAIM}) {
                Decision d = rules.decide(at(STATION_WINDOW, kind).document(HOLDER, new Presented.Proof(proof)).record(user(ZHANG)
                        .withDuplicateIdentity(true)).build());
                assertThat(d.outcome()).as(kind.name()).isEqualTo(Outcome.REFUSED);
                assertThat(d.ruleIds()).containsExactly("E3");
            }
        }

        @Test
        @DisplayName("C1 a child with a valid ID card is verified like anyone; a child without one has nothing to verify")
        void children() {
            String n = People.number("110101", LocalDate.of(2019, 6, 1), 22);
            CardData child = People.card("张小宝", n);
            assertThat(onSite(AGENCY, child, pending(RecordRole.CONTACT, child)).outcome()).isEqualTo(Outcome.PASSED);
            Decision none = rules.decide(at(AGENCY, CaseKind.ON_SITE).childWithoutDocument(true).build());
            assertThat(none.outcome()).isEqualTo(Outcome.NOTHING_TO_DO);
            assertThat(none.ruleIds()).containsExactly("C1");
        }
    }

    @Nested
    class PassportsAndPermits {
        @Test
        @DisplayName("P1 a REPORT passport equal to the inspected original becomes PRE_PASSED with four fields frozen")
        void prePassed() {
            Decision d = rules.decide(at(STATION_WINDOW, CaseKind.PRE_VERIFICATION).document(HOLDER, new Presented.Entered(ANNA))
                    .record(reportRecord(ANNA, RecordRole.REGISTERED_USER)).build());
            assertThat(d.outcome()).isEqualTo(Outcome.PRE_PASSED);
            assertThat(d.statusChanges().getFirst().frozen()).containsExactlyInAnyOrder(Field.NAME, Field.NATIONALITY,
                    Field.DOCUMENT_TYPE, Field.DOCUMENT_NUMBER);
        }

        @Test
        @DisplayName("P1 a passport scanned from its MRZ compares with the record (case and spaces folded)")
        void fromMrz() throws Mrz.MrzException {
            EnteredDocument scanned = Mrz.parsePassport(MrzTest.ANNA_MRZ, TODAY);
            IdentityRecord r = new IdentityRecord("P-2", RecordRole.CONTACT, RecordStatus.REPORT, new PersonName("Eriksson Anna Maria"),
                    DocumentType.PASSPORT, "L898902C3", "UTO", false, null);
            Decision d = rules.decide(at(STATION_WINDOW, CaseKind.PRE_VERIFICATION).document(HOLDER, new Presented.Entered(
                    new EnteredDocument(scanned.type(), scanned.number(), scanned.name(), scanned.nationality(), scanned.birthDate(),
                            LocalDate.of(2031, 1, 1), scanned.source()))).record(r).build());
            assertThat(d.outcome()).isEqualTo(Outcome.PRE_PASSED);
            assertThat(d.comparisons()).anyMatch(f -> f.field() == Field.NAME && f.rules().contains("CASE"));
        }

        @Test
        @DisplayName("P1 a different nationality fails pre-verification with the field named")
        void nationalityDiffers() {
            IdentityRecord r = reportRecord(ANNA, RecordRole.CONTACT).withNationality("SWE");
            Decision d = rules.decide(at(STATION_WINDOW, CaseKind.PRE_VERIFICATION).document(HOLDER, new Presented.Entered(ANNA))
                    .record(r).build());
            assertThat(d.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(d.comparisons()).anyMatch(f -> f.field() == Field.NATIONALITY && f.result() == FieldComparison.Result.DIFFERENT);
        }

        @Test
        @DisplayName("P1 an incomplete manual entry asks for the missing fields instead of deciding")
        void incompleteEntry() {
            EnteredDocument partial = new EnteredDocument(DocumentType.HKMO_PERMIT, "X123", new PersonName(""), "", null, null,
                    EnteredDocument.Source.KEYBOARD);
            Decision d = rules.decide(at(STATION_WINDOW, CaseKind.PRE_VERIFICATION).document(HOLDER, new Presented.Entered(partial)).build());
            assertThat(d.outcome()).isEqualTo(Outcome.NEEDS_MORE);
            assertThat(d.missing()).containsExactly(Missing.ENTRY_FIELDS);
            assertThat(d.reasons()).extracting(r -> Texts.chinese().of(r)).anyMatch(z -> z.contains("号码格式")).anyMatch(z -> z.contains("姓名"))
                    .anyMatch(z -> z.contains("有效期"));
        }

        @Test
        @DisplayName("P2 an agency refuses every passport or permit case")
        void agency() {
            assertThat(rules.decide(at(AGENCY, CaseKind.PRE_VERIFICATION).document(HOLDER, new Presented.Entered(ANNA))
                    .record(reportRecord(ANNA, RecordRole.CONTACT)).build()).ruleIds()).containsExactly("P2");
        }

        @Test
        @DisplayName("P3 after pre-verification of a REPORT contact: passed gives normal services, failed refund only")
        void afterPreVerification() {
            Decision passed = rules.decide(at(STATION_WINDOW, CaseKind.PRE_VERIFICATION).document(HOLDER, new Presented.Entered(ANNA))
                    .record(reportRecord(ANNA, RecordRole.CONTACT)).build());
            assertThat(passed.notes()).anyMatch(n -> n.rule().equals("P3"));
            assertThat(passed.services().orElseThrow().here()).containsExactlyInAnyOrder(TicketService.EXCHANGE,
                    TicketService.CHANGE, TicketService.REFUND);
            Decision failed = rules.decide(at(STATION_WINDOW, CaseKind.PRE_VERIFICATION).document(HOLDER, new Presented.Entered(ANNA))
                    .record(reportRecord(ANNA, RecordRole.CONTACT).withNationality("SWE")).build());
            assertThat(failed.notes()).anyMatch(n -> n.rule().equals("P3"));
            assertThat(failed.services().orElseThrow().here()).containsExactly(TicketService.REFUND);
        }

        @Test
        @DisplayName("P1 a resident card record or a chip card in pre-verification is the wrong case")
        void wrongCase() {
            assertThat(rules.decide(at(STATION_WINDOW, CaseKind.PRE_VERIFICATION).record(user(ZHANG)).build()).outcome())
                    .isEqualTo(Outcome.WRONG_CASE);
            assertThat(onSite(STATION_WINDOW, ZHANG, reportRecord(ANNA, RecordRole.CONTACT)).outcome()).isEqualTo(Outcome.WRONG_CASE);
        }
    }

    @Nested
    class Proxy {
        Decision proxy(CounterKind counter, Presented proxyDoc, Presented principalDoc, IdentityRecord r) {
            return rules.decide(at(counter, CaseKind.PROXY).document(PROXY, proxyDoc).document(PRINCIPAL, principalDoc)
                    .record(r).build());
        }

        @Test
        @DisplayName("X1 a proxy with both original cards verifies the principal; both identities are recorded")
        void both() {
            Decision d = proxy(AGENCY, chip(LI), chip(ZHANG), user(ZHANG));
            assertThat(d.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(d.comparisons()).allMatch(f -> f.role() == PRINCIPAL);
            VerificationCase c = at(AGENCY, CaseKind.PROXY).document(PROXY, chip(LI)).document(PRINCIPAL, chip(ZHANG)).record(user(ZHANG)).build();
            Evidence e = Evidence.of("W07", "C001", Instant.EPOCH, 1, c, rules.decide(c));
            assertThat(e.documents()).extracting(DocumentEvidence::role).containsExactlyInAnyOrder(PROXY, PRINCIPAL);
        }

        @Test
        @DisplayName("X1 one document missing asks for the second; the same person on both slots is the wrong case")
        void missingAndSame() {
            Decision one = rules.decide(at(STATION_WINDOW, CaseKind.PROXY).document(PRINCIPAL, chip(ZHANG)).record(user(ZHANG)).build());
            assertThat(one.missing()).containsExactly(Missing.SECOND_DOCUMENT);
            assertThat(one.ruleIds()).containsExactly("X1");
            assertThat(proxy(STATION_WINDOW, chip(ZHANG), chip(ZHANG), user(ZHANG)).outcome()).isEqualTo(Outcome.WRONG_CASE);
        }

        @Test
        @DisplayName("X1 D1 an expired proxy document is refused")
        void expiredProxy() {
            Decision d = proxy(STATION_WINDOW, chip(EXPIRED), chip(ZHANG), user(ZHANG));
            assertThat(d.ruleIds()).containsExactly("D1");
            assertThat(Texts.chinese().of(d.reason())).startsWith("代办人证件");
        }

        @Test
        @DisplayName("X1 D3 applies to the proxy's card too")
        void unreadableProxy() {
            Decision d = proxy(STATION_WINDOW, new Presented.Unreadable("0x41"), chip(ZHANG), user(ZHANG));
            assertThat(d.ruleIds()).containsExactly("D3");
            assertThat(Texts.chinese().of(d.reason())).startsWith("代办人证件");
        }

        @Test
        @DisplayName("X1 V3 a FAILED principal needs the website correction first, even by proxy")
        void failedPrincipal() {
            assertThat(proxy(STATION_WINDOW, chip(LI), chip(ZHANG), user(ZHANG).withStatus(RecordStatus.FAILED)).ruleIds())
                    .containsExactly("V3");
        }

        @Test
        @DisplayName("X2 proxy for a passport principal at an agency is refused")
        void passportPrincipalAtAgency() {
            Decision d = proxy(AGENCY, chip(LI), new Presented.Entered(ANNA), reportRecord(ANNA, RecordRole.CONTACT));
            assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(d.ruleIds()).containsExactly("X2");
            Decision window = proxy(STATION_WINDOW, chip(LI), new Presented.Entered(ANNA), reportRecord(ANNA, RecordRole.CONTACT));
            assertThat(window.outcome()).isEqualTo(Outcome.PRE_PASSED);
        }

        @Test
        @DisplayName("X3 proxy + special name at an agency is refused")
        void specialPrincipalAtAgency() {
            Decision d = proxy(AGENCY, chip(LI), chip(CHEN_TRAD), user(CHEN_TRAD));
            assertThat(d.ruleIds()).containsExactly("X3");
            Decision window = rules.decide(at(STATION_WINDOW, CaseKind.PROXY).document(PROXY, chip(LI)).document(PRINCIPAL, chip(CHEN_TRAD))
                    .record(user(CHEN_TRAD)).extraFactor(new ExtraFactor.Given(ExtraFactorKind.PHONE_LAST4, "1234")).build());
            assertThat(window.outcome()).isEqualTo(Outcome.PASSED);
        }

        @Test
        @DisplayName("X4 duplicate claim attempted by proxy is refused")
        void duplicateByProxy() {
            Decision d = rules.decide(at(STATION_WINDOW, CaseKind.DUPLICATE_CLAIM).document(PROXY, chip(LI)).document(HOLDER, chip(ZHANG))
                    .record(user(ZHANG).withDuplicateIdentity(true)).build());
            assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(d.ruleIds()).containsExactly("X4");
        }
    }

    @Nested
    class OverLimit {
        final IdentityRecord passedUser = user(ZHANG).withStatus(RecordStatus.PASSED);

        VerificationCase.Builder overLimit(CounterKind counter, Presented userDoc, Presented contactDoc, IdentityRecord contact) {
            return at(counter, CaseKind.OVER_LIMIT_CONTACT).document(REGISTERED_USER, userDoc).document(CONTACT, contactDoc)
                    .registeredUser(passedUser).record(contact).countedContacts(100);
        }

        @Test
        @DisplayName("L1 over the limit, both resident cards read: the contact is verified")
        void bothCards() {
            Decision d = rules.decide(overLimit(AGENCY, chip(ZHANG), chip(LI), contactOf(LI, People.ZHANG_SAN)).build());
            assertThat(d.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(d.statusChanges().getFirst().recordId()).isEqualTo(contactOf(LI, People.ZHANG_SAN).id());
        }

        @Test
        @DisplayName("L1 D3 over-limit contact with an unreadable second card is refused")
        void unreadableSecond() {
            Decision d = rules.decide(overLimit(STATION_WINDOW, chip(ZHANG), new Presented.Unreadable("0x41"),
                    contactOf(LI, People.ZHANG_SAN)).build());
            assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(d.ruleIds()).containsExactly("D3");
            assertThat(Texts.chinese().of(d.reason())).startsWith("联系人证件");
        }

        @Test
        @DisplayName("L1 a passport or a foreign card cannot be added over the limit; one card alone is not enough")
        void onlyResidentCards() {
            assertThat(rules.decide(overLimit(STATION_WINDOW, chip(ZHANG), chip(FOREIGN_LONG), null).build()).ruleIds()).containsExactly("L1");
            assertThat(rules.decide(overLimit(STATION_WINDOW, chip(ZHANG), new Presented.Entered(ANNA), null).build()).ruleIds())
                    .containsExactly("L1");
            assertThat(rules.decide(overLimit(STATION_WINDOW, chip(ZHANG), chip(LI), reportRecord(ANNA, RecordRole.CONTACT)).build())
                    .ruleIds()).as("a passport contact record").containsExactly("L1");
            Decision one = rules.decide(at(STATION_WINDOW, CaseKind.OVER_LIMIT_CONTACT).document(CONTACT, chip(LI)).build());
            assertThat(one.missing()).containsExactly(Missing.SECOND_DOCUMENT);
        }

        @Test
        @DisplayName("L1 the registered user's card must match the account, and the user must be PASSED (V5)")
        void userChecks() {
            Decision wrongUser = rules.decide(overLimit(STATION_WINDOW, chip(LONG_TERM), chip(LI), contactOf(LI, People.ZHANG_SAN)).build());
            assertThat(wrongUser.ruleIds()).containsExactly("L1");
            Decision pendingUser = rules.decide(overLimit(STATION_WINDOW, chip(ZHANG), chip(LI), contactOf(LI, People.ZHANG_SAN))
                    .registeredUser(user(ZHANG)).build());
            assertThat(pendingUser.ruleIds()).containsExactly("V5");
        }

        @Test
        @DisplayName("L1 V2 a special-name contact over the limit is station-window only; the user's card is the factor")
        void specialContact() {
            IdentityRecord contact = contactOf(CHEN_TRAD, People.ZHANG_SAN);
            assertThat(rules.decide(overLimit(AGENCY, chip(ZHANG), chip(CHEN_TRAD), contact).build()).ruleIds()).containsExactly("L1");
            Decision window = rules.decide(overLimit(STATION_WINDOW, chip(ZHANG), chip(CHEN_TRAD), contact).build());
            assertThat(window.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(window.extraFactor().status()).isEqualTo(ExtraFactorCheck.Status.SHOWN_BY_DOCUMENT);
        }

        @Test
        @DisplayName("L1 under the limit (configurable) the case still works and says ordinary verification would do")
        void underLimit() {
            Decision d = rules.decide(overLimit(STATION_WINDOW, chip(ZHANG), chip(LI), contactOf(LI, People.ZHANG_SAN))
                    .countedContacts(100).policy(new Policy(150)).build());
            assertThat(d.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(d.notes()).anyMatch(n -> n.rule().equals("L1") && Texts.chinese().of(n).contains("150"));
        }

        @Test
        @DisplayName("L2 the REPORT limits are shown to explain a REPORT record's services")
        void reportLimits() {
            Decision d = rules.decide(at(STATION_WINDOW, CaseKind.TICKET_SERVICE).document(HOLDER, new Presented.Entered(ANNA))
                    .record(reportRecord(ANNA, RecordRole.CONTACT)).build());
            assertThat(d.notes()).anyMatch(n -> n.rule().equals("L2") && Texts.chinese().of(n).contains("4张"));
        }
    }

    @Nested
    class DuplicateIdentity {
        final IdentityRecord flagged = user(ZHANG).withStatus(RecordStatus.PENDING).withDuplicateIdentity(true);

        @Test
        @DisplayName("DUP1 the registered user in person at a station window: the claim is recorded")
        void recorded() {
            Decision d = rules.decide(at(STATION_WINDOW, CaseKind.DUPLICATE_CLAIM).document(HOLDER, chip(ZHANG)).record(flagged).build());
            assertThat(d.outcome()).isEqualTo(Outcome.CLAIM_RECORDED);
            assertThat(d.statusChanges()).isEmpty();
            assertThat(d.recordable()).isTrue();
        }

        @Test
        @DisplayName("DUP1 an agency refuses; another person's card is refused; no notice means nothing to do")
        void refusals() {
            assertThat(rules.decide(at(AGENCY, CaseKind.DUPLICATE_CLAIM).document(HOLDER, chip(ZHANG)).record(flagged).build())
                    .ruleIds()).containsExactly("DUP1");
            Decision other = rules.decide(at(STATION_WINDOW, CaseKind.DUPLICATE_CLAIM).document(HOLDER, chip(LI)).record(flagged).build());
            assertThat(other.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(Texts.chinese().of(other.reason())).contains("注册时填写的证件");
            assertThat(rules.decide(at(STATION_WINDOW, CaseKind.DUPLICATE_CLAIM).document(HOLDER, chip(ZHANG)).record(user(ZHANG)).build())
                    .outcome()).isEqualTo(Outcome.NOTHING_TO_DO);
        }

        @Test
        @DisplayName("DUP1 a passport holder's claim is checked against the entered passport")
        void passportClaim() {
            IdentityRecord r = reportRecord(ANNA, RecordRole.REGISTERED_USER).withDuplicateIdentity(true);
            assertThat(rules.decide(at(STATION_WINDOW, CaseKind.DUPLICATE_CLAIM).document(HOLDER, new Presented.Entered(ANNA)).record(r)
                    .build()).outcome()).isEqualTo(Outcome.CLAIM_RECORDED);
        }
    }

    @Nested
    class TicketServices_ {
        Decision services(CounterKind counter, Presented doc, IdentityRecord r) {
            return rules.decide(at(counter, CaseKind.TICKET_SERVICE).document(HOLDER, doc).record(r).build());
        }

        @Test
        @DisplayName("T1 PASSED: exchange, change, refund at a station window; exchange only at an agency")
        void passed() {
            IdentityRecord r = user(LONG_TERM).withStatus(RecordStatus.PASSED);
            TicketServices window = services(STATION_WINDOW, chip(LONG_TERM), r).services().orElseThrow();
            assertThat(window.here()).containsExactlyInAnyOrder(TicketService.EXCHANGE, TicketService.CHANGE, TicketService.REFUND);
            TicketServices agency = services(AGENCY, chip(LONG_TERM), r).services().orElseThrow();
            assertThat(agency.here()).containsExactly(TicketService.EXCHANGE);
            assertThat(agency.stationWindowOnly()).containsExactlyInAnyOrder(TicketService.CHANGE, TicketService.REFUND);
        }

        @Test
        @DisplayName("T2 name and number equal exactly: self-service exchange is possible; an equivalent name is not exact")
        void selfService() {
            assertThat(services(AGENCY, chip(ZHANG), user(ZHANG).withStatus(RecordStatus.PASSED)).services().orElseThrow()
                    .selfServiceExchange()).isTrue();
            IdentityRecord spaced = IdentityRecord.of("R-1", RecordRole.CONTACT, RecordStatus.PASSED, "张 三", DocumentType.RID, People.ZHANG_SAN);
            assertThat(services(AGENCY, chip(ZHANG), spaced).services().orElseThrow().selfServiceExchange()).isFalse();
        }

        @Test
        @DisplayName("T3 special name PASSED: exchange at window or agency with the order number; change and refund window only")
        void specialName() {
            IdentityRecord r = user(CHEN_TRAD).withStatus(RecordStatus.PASSED);
            TicketServices agency = services(AGENCY, chip(CHEN_TRAD), r).services().orElseThrow();
            assertThat(agency.here()).containsExactly(TicketService.EXCHANGE);
            assertThat(agency.orderNumberRequired()).isTrue();
            assertThat(agency.stationWindowOnly()).containsExactlyInAnyOrder(TicketService.CHANGE, TicketService.REFUND);
            assertThat(agency.basis()).extracting(Reason::rule).containsExactly("T3");
        }

        @Test
        @DisplayName("T4 a REPORT contact must be pre-verified before exchange or change; failed means refund only")
        void report() {
            TicketServices report = services(STATION_WINDOW, new Presented.Entered(ANNA), reportRecord(ANNA, RecordRole.CONTACT))
                    .services().orElseThrow();
            assertThat(report.here()).containsExactly(TicketService.REFUND);
            assertThat(report.preVerificationFirst()).isTrue();
            TicketServices failed = services(STATION_WINDOW, new Presented.Entered(ANNA),
                    reportRecord(ANNA, RecordRole.CONTACT).withStatus(RecordStatus.FAILED)).services().orElseThrow();
            assertThat(failed.here()).containsExactly(TicketService.REFUND);
            assertThat(failed.basis()).extracting(Reason::rule).containsExactly("T4");
        }

        @Test
        @DisplayName("T5 PASSED or PRE_PASSED passport: normal service at a window, exchange at an agency")
        void passport() {
            IdentityRecord r = reportRecord(ANNA, RecordRole.CONTACT).withStatus(RecordStatus.PRE_PASSED);
            assertThat(services(STATION_WINDOW, new Presented.Entered(ANNA), r).services().orElseThrow().here()).hasSize(3);
            assertThat(services(AGENCY, new Presented.Entered(ANNA), r).services().orElseThrow().here()).containsExactly(TicketService.EXCHANGE);
        }

        @Test
        @DisplayName("E3 E4 an accepted electronic proof serves sale, change and refund at a station window (issuer limits shown), not at an agency")
        void electronicProof() {
            ElectronicProof proof = new ElectronicProof("p-1", new PersonName("张三"), IdNumber.of(People.ZHANG_SAN),
                    Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-22T00:00:00Z"), "issuer-2026-01");
            Decision window = rules.decide(at(STATION_WINDOW, CaseKind.TICKET_SERVICE).document(HOLDER, new Presented.Proof(proof)).build());
            assertThat(window.outcome()).isEqualTo(Outcome.SERVICES);
            assertThat(window.services().orElseThrow().here()).containsExactlyInAnyOrder(TicketService.SALE, TicketService.CHANGE,
                    TicketService.REFUND);
            assertThat(window.notes()).anyMatch(n -> n.rule().equals("E4"));
            Decision agency = rules.decide(at(AGENCY, CaseKind.TICKET_SERVICE).document(HOLDER, new Presented.Proof(proof)).build());
            assertThat(agency.outcome()).isEqualTo(Outcome.REFUSED);
            // a valid proof refused here sends the passenger to a station window, not to the police desk (E5 is for a
            // proof that failed)
            assertThat(agency.notes()).anyMatch(n -> n.rule().equals("E3") && Texts.chinese().of(n).contains("车站售票窗口"))
                    .noneMatch(n -> n.rule().equals("E5"));
        }

        @Test
        @DisplayName("T1 a document that does not match the ticket holder's record gets no service")
        void wrongPerson() {
            Decision d = services(STATION_WINDOW, chip(LI), user(ZHANG).withStatus(RecordStatus.PASSED));
            assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(d.services()).isEmpty();
        }
    }

    /** Choices where docs/rules.md is silent (docs/rules-decisions.md), one test each. */
    @Nested
    class RulesDecisions {
        @Test
        @DisplayName("P2 X1 a proxy's own passport at an agency is refused: an agency cannot inspect passports (RD-2)")
        void proxyPassportAtAgency() {
            Decision d = rules.decide(at(AGENCY, CaseKind.PROXY).document(PROXY, new Presented.Entered(ANNA))
                    .document(PRINCIPAL, chip(ZHANG)).record(user(ZHANG)).build());
            assertThat(d.ruleIds()).containsExactly("P2");
            Decision window = rules.decide(at(STATION_WINDOW, CaseKind.PROXY).document(PROXY, new Presented.Entered(ANNA))
                    .document(PRINCIPAL, chip(ZHANG)).record(user(ZHANG)).build());
            assertThat(window.outcome()).isEqualTo(Outcome.PASSED);
        }

        @Test
        @DisplayName("T1 a PENDING or FAILED holder's tickets: refund only, and only at a station window (RD-7)")
        void pendingRefundOnly() {
            Decision window = rules.decide(at(STATION_WINDOW, CaseKind.TICKET_SERVICE).document(HOLDER, chip(ZHANG)).record(user(ZHANG)).build());
            assertThat(window.services().orElseThrow().here()).containsExactly(TicketService.REFUND);
            Decision agency = rules.decide(at(AGENCY, CaseKind.TICKET_SERVICE).document(HOLDER, chip(ZHANG))
                    .record(user(ZHANG).withStatus(RecordStatus.FAILED)).build());
            assertThat(agency.services().orElseThrow().here()).isEmpty();
            assertThat(agency.services().orElseThrow().stationWindowOnly()).containsExactly(TicketService.REFUND);
        }

        @Test
        @DisplayName("V1 a foreign card holder's record may carry the English name instead of the Chinese one (RD-10)")
        void foreignEnglishName() {
            CardData andrew = tray("foreign-2023");
            IdentityRecord r = IdentityRecord.of("R-8", RecordRole.CONTACT, RecordStatus.PENDING, "EXAMPLE ANDREW MARK",
                    DocumentType.FOREIGN_PERMANENT_CARD, andrew.idNumber().value());
            assertThat(onSite(AGENCY, andrew, r).outcome()).isEqualTo(Outcome.PASSED);
            IdentityRecord chinese = IdentityRecord.of("R-8", RecordRole.CONTACT, RecordStatus.PENDING, "安德鲁",
                    DocumentType.FOREIGN_PERMANENT_CARD, andrew.idNumber().value());
            assertThat(onSite(AGENCY, andrew, chinese).outcome()).isEqualTo(Outcome.PASSED);
        }

        @Test
        @DisplayName("V3 V4 a FAILED passport record needs the website correction; a PRE_PASSED one needs nothing (RD-13)")
        void passportStatuses() {
            IdentityRecord r = reportRecord(ANNA, RecordRole.CONTACT);
            assertThat(rules.decide(at(STATION_WINDOW, CaseKind.PRE_VERIFICATION).record(r.withStatus(RecordStatus.FAILED)).build())
                    .ruleIds()).containsExactly("V3");
            assertThat(rules.decide(at(STATION_WINDOW, CaseKind.PRE_VERIFICATION).record(r.withStatus(RecordStatus.PRE_PASSED)).build())
                    .outcome()).isEqualTo(Outcome.NOTHING_TO_DO);
        }

        @Test
        @DisplayName("P1 N4 an over-long passport name is pre-verified without an extra factor (RD-14)")
        void longPassportName() {
            EnteredDocument longName = passport("X1234567", "WORTHINGTON-SMYTHE ALEXANDRA CATHERINE JANE", "GBR", LocalDate.of(2031, 1, 1));
            Decision d = rules.decide(at(STATION_WINDOW, CaseKind.PRE_VERIFICATION).document(HOLDER, new Presented.Entered(longName))
                    .record(new IdentityRecord("P-9", RecordRole.CONTACT, RecordStatus.REPORT,
                            new PersonName("WORTHINGTON-SMYTHEALEXANDRACAT"), DocumentType.PASSPORT, "X1234567", "GBR", false, null)).build());
            assertThat(d.outcome()).isEqualTo(Outcome.PRE_PASSED);
            assertThat(d.specialName()).containsExactly(SpecialName.OVERLONG);
            assertThat(d.extraFactor().status()).isEqualTo(ExtraFactorCheck.Status.NOT_REQUIRED);
        }

        @Test
        @DisplayName("D3 an unreadable card is refused for ticket services too (RD-19)")
        void unreadableForTickets() {
            Decision d = rules.decide(at(STATION_WINDOW, CaseKind.TICKET_SERVICE).document(HOLDER, new Presented.Unreadable("0x41"))
                    .record(user(ZHANG).withStatus(RecordStatus.PASSED)).build());
            assertThat(d.ruleIds()).containsExactly("D3");
        }
    }

    @Test
    @DisplayName("N4 V2 an over-long foreign name is special: station window only")
    void overlongForeignName() {
        IdentityRecord r = IdentityRecord.of("R-3", RecordRole.REGISTERED_USER, RecordStatus.PENDING,
                "WORTHINGTON-SMYTHEALEXANDRACAT", DocumentType.FOREIGN_PERMANENT_CARD, FOREIGN_LONG.idNumber().value())
                .withFactors(new IdentityRecord.FactorReference(null, "wor", null));
        assertThat(onSite(AGENCY, FOREIGN_LONG, r).ruleIds()).containsExactly("V2");
        Decision d = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, chip(FOREIGN_LONG)).record(r)
                .extraFactor(new ExtraFactor.Given(ExtraFactorKind.EMAIL_FIRST3, "WOR")).build());
        assertThat(d.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(d.comparisons()).anyMatch(f -> f.field() == Field.NAME && f.rules().contains("N4"));
    }

    /** The reference central decides again from the documents as a result recorded them (Presented.AsRecorded). */
    @Nested
    class AsRecordedAtTheCentral {
        Presented recorded(DocumentRole role, Presented p) {
            return new Presented.AsRecorded(DocumentEvidence.of(role, p));
        }

        @Test
        @DisplayName("V1 a chip read at the counter passes the pending record at the central as it did at the counter")
        void sameAsCounter() {
            Decision counter = onSite(STATION_WINDOW, ZHANG, pending(RecordRole.REGISTERED_USER, ZHANG));
            Decision central = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, recorded(HOLDER, chip(ZHANG)))
                    .record(pending(RecordRole.REGISTERED_USER, ZHANG)).build());
            assertThat(central.outcome()).isEqualTo(counter.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(central.statusChanges()).isEqualTo(counter.statusChanges());
        }

        @Test
        @DisplayName("D3 an unreadable card on record stays refused at the central")
        void unreadable() {
            Decision d = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE)
                    .document(HOLDER, recorded(HOLDER, new Presented.Unreadable("SAM 0x41"))).record(user(ZHANG)).build());
            assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(d.ruleIds()).containsExactly("D3");
        }

        @Test
        @DisplayName("D1 a document on record that had expired by the day of the result is refused at the central")
        void expiredByThatDay() {
            EnteredDocument lapsed = passport("L898902C3", "ERIKSSON ANNA MARIA", "UTO", TODAY.minusDays(1));
            Decision d = rules.decide(at(STATION_WINDOW, CaseKind.PRE_VERIFICATION)
                    .document(HOLDER, recorded(HOLDER, new Presented.Entered(lapsed))).record(reportRecord(lapsed, RecordRole.CONTACT)).build());
            assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(d.ruleIds()).containsExactly("D1");
            Decision longTerm = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, recorded(HOLDER, chip(LONG_TERM)))
                    .record(pending(RecordRole.REGISTERED_USER, LONG_TERM)).build());
            assertThat(longTerm.outcome()).isEqualTo(Outcome.PASSED);
        }

        @Test
        @DisplayName("X2 P2 a passport on record from an agency is refused at the central as at the counter")
        void agencyLimits() {
            Decision pre = rules.decide(at(AGENCY, CaseKind.PROXY).document(PROXY, recorded(PROXY, chip(LI)))
                    .document(PRINCIPAL, recorded(PRINCIPAL, new Presented.Entered(ANNA))).build());
            assertThat(pre.ruleIds()).first().isEqualTo("X2");
            Decision proxyDoc = rules.decide(at(AGENCY, CaseKind.PROXY).document(PROXY, recorded(PROXY, new Presented.Entered(ANNA)))
                    .document(PRINCIPAL, recorded(PRINCIPAL, chip(LI))).build());
            assertThat(proxyDoc.ruleIds()).first().isEqualTo("P2");
        }

        @Test
        @DisplayName("E3 an electronic proof on record serves tickets but never verifies, at the central too")
        void electronicProof() {
            ElectronicProof proof = new ElectronicProof("p-1", new PersonName("张三"), IdNumber.of(People.ZHANG_SAN),
                    Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-22T00:00:00Z"), "issuer-2026-01");
            Decision verify = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, recorded(HOLDER, new Presented.Proof(proof)))
                    .record(user(ZHANG)).build());
            assertThat(verify.ruleIds()).containsExactly("E3");
            assertThat(verify.outcome()).isEqualTo(Outcome.REFUSED);
            Decision services = rules.decide(at(STATION_WINDOW, CaseKind.TICKET_SERVICE)
                    .document(HOLDER, recorded(HOLDER, new Presented.Proof(proof))).build());
            assertThat(services.outcome()).isEqualTo(Outcome.SERVICES);
        }

        @Test
        @DisplayName("L1 two resident cards on record make an over-limit contact case at the central; a foreign card does not")
        void overLimitNeedsResidentChips() {
            Decision ok = rules.decide(at(STATION_WINDOW, CaseKind.OVER_LIMIT_CONTACT)
                    .document(REGISTERED_USER, recorded(REGISTERED_USER, chip(ZHANG))).document(CONTACT, recorded(CONTACT, chip(LI)))
                    .build());
            assertThat(ok.outcome()).isNotEqualTo(Outcome.REFUSED);
            Decision foreign = rules.decide(at(STATION_WINDOW, CaseKind.OVER_LIMIT_CONTACT)
                    .document(REGISTERED_USER, recorded(REGISTERED_USER, chip(ZHANG))).document(CONTACT, recorded(CONTACT, chip(FOREIGN_LONG)))
                    .build());
            assertThat(foreign.ruleIds()).first().isEqualTo("L1");
        }

        @Test
        @DisplayName("V2 the extra factor the counter checked against the lookup is taken as checked at the central")
        void factorCheckedAtCounter() {
            for (boolean matched : new boolean[]{true, false}) {
                Decision d = rules.decide(at(STATION_WINDOW, CaseKind.ON_SITE).document(HOLDER, recorded(HOLDER, chip(ZHENG_RARE)))
                        .record(user(ZHENG_RARE)).extraFactor(new ExtraFactor.CheckedAtCounter(ExtraFactorKind.PHONE_LAST4, matched))
                        .build());
                assertThat(d.outcome()).isEqualTo(matched ? Outcome.PASSED : Outcome.REFUSED);
                assertThat(d.extraFactor().status()).isEqualTo(matched ? ExtraFactorCheck.Status.MATCHED : ExtraFactorCheck.Status.NOT_MATCHED);
            }
        }
    }
}
