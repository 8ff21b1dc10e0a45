package org.ticketwindow.idcheck.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.app.AppHome;
import org.ticketwindow.idcheck.app.TrainingMode;
import org.ticketwindow.idcheck.etp.EtpVerifier;
import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.ReaderEvent;
import org.ticketwindow.idcheck.reader.StageTimings;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.store.KeyFile;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.sync.Recorder;
import org.ticketwindow.idcheck.text.Texts;
import org.ticketwindow.idcheck.verify.CaseKind;
import org.ticketwindow.idcheck.verify.ClerkNameDecision;
import org.ticketwindow.idcheck.verify.CounterKind;
import org.ticketwindow.idcheck.verify.DocumentEvidence;
import org.ticketwindow.idcheck.verify.DocumentRole;
import org.ticketwindow.idcheck.verify.DocumentType;
import org.ticketwindow.idcheck.verify.ExtraFactorKind;
import org.ticketwindow.idcheck.verify.IdentityRecord;
import org.ticketwindow.idcheck.verify.Outcome;
import org.ticketwindow.idcheck.verify.Presented;
import org.ticketwindow.idcheck.verify.RecordRole;
import org.ticketwindow.idcheck.verify.RecordStatus;
import org.ticketwindow.idcheck.verify.VerificationRules;
import org.ticketwindow.idcheck.wire.FoundRecord;
import org.ticketwindow.idcheck.wire.LookupRequest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every workspace case against training mode as the console runs it: the in-process central on a loopback port
 * (lookups over real HTTP), seeded with the training records, its electronic proof issuer, the real rules and store.
 */
class WorkspaceCasesTest {
    private static final Tasks NOW = new Tasks(Runnable::run, Runnable::run);
    @TempDir Path dir;
    LocalStore store;
    TrainingMode training;
    CentralClient central;
    final Messages zh = Messages.of(Messages.CHINESE);
    final Clock clock = Clock.systemUTC();

    @BeforeEach void open() {
        store = LocalStore.open(dir.resolve("data"), new KeyFile(dir.resolve("keys/installation.key")), clock, 0);
        training = TrainingMode.start(new AppHome(dir), store.clerks(), clock);
        central = new CentralClient(training.centralUrl(), null, Duration.ofSeconds(3), Duration.ofSeconds(5));
    }

    @AfterEach void close() {
        training.close();
        store.close();
    }

    WorkspaceViewModel vm(CounterKind kind) {
        return vm(kind, (type, number) -> lookup(type, number));
    }

    WorkspaceViewModel vm(CounterKind kind, RecordLookup lookup) {
        return new WorkspaceViewModel(kind, org.ticketwindow.idcheck.verify.Policy.DEFAULT, "1001", new Recorder(store.results(), "T001"), lookup, () -> { },
                new VerificationRules(), Optional.of(new EtpVerifier(training.proofTrust(), EtpVerifier.DEFAULT_SKEW)), NOW, zh, clock);
    }

    List<FoundRecord> lookup(DocumentType type, String number) throws org.ticketwindow.idcheck.sync.CentralUnavailableException {
        try {
            return central.lookup(new LookupRequest(type, number)).records();
        } catch (org.ticketwindow.idcheck.sync.CentralRefusedException e) {
            throw new AssertionError(e);
        }
    }

    static CardData card(String id) throws Exception { return CardFixture.builtIn(id).card(); }

    static void place(WorkspaceViewModel vm, String cardId) throws Exception {
        vm.onReaderEvent(new ReaderEvent.CardOutcome("simulator", new ReadOutcome.Read(card(cardId), StageTimings.NONE)));
    }

    static void remove(WorkspaceViewModel vm) { vm.onReaderEvent(new ReaderEvent.CardRemoved("simulator")); }

    @Test @DisplayName("X1 proxy: the proxy's card, then the principal's, with a step indicator; the principal is verified") void proxyTakesTheProxysCardThenThePrincipalsWithAStepIndicatorAndVerifiesThePrincipal() throws Exception {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        vm.selectCase(CaseKind.PROXY);
        assertThat(vm.step().get()).isEqualTo("第 1/2 步：代办人证件");
        assertThat(vm.readerMessage().get()).as("no previous card to take away").isEqualTo("请放置代办人证件");
        place(vm, "ordinary");
        assertThat(vm.decision().get()).as("one card is not enough").isNull();
        assertThat(vm.readerMessage().get()).as("the proxy's card still on the reader").isEqualTo("请取走上一张证件，放置委托人证件");
        assertThat(vm.step().get()).isEqualTo("第 2/2 步：委托人证件");
        assertThat(vm.slots()).extracting(WorkspaceViewModel.Slot::filled).containsExactly(true, false);
        remove(vm); // the clerk swaps the cards: the proxy's stays in its slot
        assertThat(vm.readerMessage().get()).isEqualTo("请放置委托人证件");
        assertThat(vm.slots()).extracting(WorkspaceViewModel.Slot::filled).containsExactly(true, false);

        place(vm, "ordinary-female");
        assertThat(vm.step().get()).isEqualTo("两张证件均已读取");
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.PASSED);
        assertThat(vm.comparison()).extracting(WorkspaceViewModel.Row::field).allMatch(f -> f.startsWith("委托人 · "));
        vm.record();
        assertThat(store.results().status().queued()).isEqualTo(1);
        assertThat(vm.slots()).extracting(WorkspaceViewModel.Slot::filled).containsExactly(false, false);
        // the principal's card is still on the reader: take it away first, then the next passenger's
        assertThat(vm.readerMessage().get()).isEqualTo("请取走证件，再放下一位旅客的证件");
        remove(vm);
        assertThat(vm.readerMessage().get()).endsWith("放置代办人证件");
    }

    @Test @DisplayName("X1 the same card as proxy and principal is the wrong case") void proxyWithTheSameCardTwiceIsTheWrongCase() throws Exception {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        vm.selectCase(CaseKind.PROXY);
        place(vm, "ordinary");
        place(vm, "ordinary");
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.WRONG_CASE);
        assertThat(vm.decision().get().ruleIds()).contains("X1");
    }

    @Test @DisplayName("L1 over the limit: the registered user's card, then the contact's; the contact record is verified") void overTheLimitTheRegisteredUsersCardVerifiesTheContact() throws Exception {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        vm.selectCase(CaseKind.OVER_LIMIT_CONTACT);
        assertThat(vm.step().get()).isEqualTo("第 1/2 步：注册用户证件");
        place(vm, "long-term");
        place(vm, "ordinary-female");
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.PASSED);
        assertThat(vm.decision().get().statusChanges()).extracting(c -> c.recordId()).containsExactly("TC-ordinary-female");
        assertThat(vm.decision().get().notes()).as("the user holds the limit's 100 verified contacts").isEmpty();
        assertThat(vm.canRecord().get()).isTrue();
    }

    @Test @DisplayName("L1 under the limit can be practised too: with a supervisor's limit of 150 the same exercise notes 100 of 150")
    void underTheLimitTheNoteSaysSo() throws Exception {
        WorkspaceViewModel vm = new WorkspaceViewModel(CounterKind.STATION_WINDOW, new org.ticketwindow.idcheck.verify.Policy(150), "1001",
                new Recorder(store.results(), "T001"), this::lookup, () -> { }, new VerificationRules(), Optional.empty(), NOW, zh, clock);
        vm.selectCase(CaseKind.OVER_LIMIT_CONTACT);
        place(vm, "long-term");
        place(vm, "ordinary-female");
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.PASSED);
        assertThat(vm.verdict().get()).contains("常用联系人为 100 人，未超过上限 150 人");
    }

    @Test @DisplayName("V2 an agency refuses a special name, with one sentence for the passenger") void anAgencyRefusesASpecialNameWithOneSentenceForThePassenger() throws Exception {
        WorkspaceViewModel vm = vm(CounterKind.AGENCY);
        place(vm, "rare-pua");
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(vm.decision().get().ruleIds()).contains("V2");
        assertThat(vm.passengerSentence().get()).isNotEmpty();
    }

    @Test @DisplayName("V2 a special name at a station asks for the extra factor; a wrong one does not pass, the right one does") void aSpecialNameAtAStationAsksForTheExtraFactorAndPassesWithIt() throws Exception {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        place(vm, "rare-pua");
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.NEEDS_MORE);
        assertThat(vm.factorKinds()).containsExactly(ExtraFactorKind.PHONE_LAST4, ExtraFactorKind.EMAIL_FIRST3);
        vm.giveExtraFactor(ExtraFactorKind.PHONE_LAST4, "9999");
        assertThat(vm.decision().get().outcome()).as("a wrong factor").isNotEqualTo(Outcome.PASSED);
        vm.giveExtraFactor(ExtraFactorKind.PHONE_LAST4, "1234");
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.PASSED);
        assertThat(vm.factorKinds()).isEmpty();
        assertThat(vm.factorMessage().get()).isEqualTo("✔ 附加信息已核对：一致");
    }

    @Test @DisplayName("V2 RD-42 a mistyped extra factor can be given again, up to three times; a too short one is not checked and says so")
    void aMistypedExtraFactorCanBeRetriedABoundedNumberOfTimes() throws Exception {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        place(vm, "rare-pua");
        vm.giveExtraFactor(ExtraFactorKind.PHONE_LAST4, "12");
        assertThat(vm.factorMessage().get()).contains("格式不对").contains("未核对");
        assertThat(vm.decision().get().outcome()).as("not checked").isEqualTo(Outcome.NEEDS_MORE);
        vm.giveExtraFactor(ExtraFactorKind.PHONE_LAST4, "9999");
        assertThat(vm.factorMessage().get()).isEqualTo("附加信息不一致（第 1/3 次）：可请旅客再提供一次");
        assertThat(vm.factorKinds()).as("another try is offered").isNotEmpty();
        vm.language(Messages.of(Messages.ENGLISH)); // F2: the factor's line is drawn again in English
        assertThat(vm.factorMessage().get()).isEqualTo("The extra factor does not match (attempt 1 of 3): the passenger may give it again");
        vm.language(zh);
        vm.giveExtraFactor(ExtraFactorKind.PHONE_LAST4, "9998");
        vm.giveExtraFactor(ExtraFactorKind.PHONE_LAST4, "9997");
        assertThat(vm.factorMessage().get()).isEqualTo("已核对 3 次仍不一致：按不予办理记录");
        assertThat(vm.factorKinds()).as("no fourth try").isEmpty();
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.REFUSED);
        vm.giveExtraFactor(ExtraFactorKind.PHONE_LAST4, "1234");
        assertThat(vm.decision().get().outcome()).as("the refusal stands").isEqualTo(Outcome.REFUSED);
        vm.record();
        assertThat(store.results().status().queued()).isEqualTo(1);
        assertThat(vm.factorMessage().get()).isEmpty();
    }

    @Test @DisplayName("N1 a name the rules cannot decide waits for the clerk's decision, recorded with the result") void aNameTheRulesCannotDecideWaitsForTheClerk() throws Exception {
        CardData c = card("rare-pua");
        DocumentEvidence shown = DocumentEvidence.of(DocumentRole.HOLDER, new Presented.Chip(c));
        String entered = c.name().value().codePoints().mapToObj(cp -> Character.isSupplementaryCodePoint(cp) || (cp >= 0xE000 && cp <= 0xF8FF)
                ? "某" : Character.toString(cp)).reduce("", String::concat);
        FoundRecord r = new FoundRecord(new IdentityRecord("T-x", RecordRole.REGISTERED_USER, RecordStatus.PENDING,
                new PersonName(entered), shown.type(), shown.number(), shown.nationality(), false,
                new IdentityRecord.FactorReference("1234", "abc", null)), 1, null, null);
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW, (t, n) -> List.of(r));
        place(vm, "rare-pua");
        vm.giveExtraFactor(ExtraFactorKind.PHONE_LAST4, "1234"); // V2 first, then the name
        assertThat(vm.needsNameDecision().get()).isTrue();
        assertThat(vm.comparison()).extracting(WorkspaceViewModel.Row::result).contains("需人工判断");
        vm.decideName(ClerkNameDecision.ACCEPTED);
        assertThat(vm.needsNameDecision().get()).isFalse();
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.PASSED);
        vm.record();
        assertThat(store.results().status().queued()).isEqualTo(1);
    }

    @Test @DisplayName("P1 a passport scanned from its MRZ is pre-verified against the reported record") void aPassportScannedFromItsMrzIsPreVerifiedAgainstTheReportedRecord() {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        vm.selectCase(CaseKind.PRE_VERIFICATION);
        EntryFormViewModel form = new EntryFormViewModel(zh, clock);
        assertThat(form.complete().get()).isFalse();
        form.scanMrz(TrainingMode.passportMrz(LocalDate.now(ZoneId.of("Asia/Shanghai"))));
        assertThat(form.mrzMessage().get()).isEqualTo("已从机读区填入，请与证件核对");
        assertThat(form.problems()).isEmpty();
        vm.presentEntered(form.document().orElseThrow());
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.PRE_PASSED);
        vm.record();
        assertThat(store.results().status().queued()).isEqualTo(1);
    }

    @Test @DisplayName("P1 the entry form says what is wrong as the clerk types; a failed scan leaves it alone") void theEntryFormSaysWhatIsWrongAsTheClerkTypes() {
        EntryFormViewModel form = new EntryFormViewModel(zh, clock);
        form.type().set(DocumentType.HKMO_PERMIT);
        form.number().set("X123");
        form.name().set("陈大文");
        form.validUntil().set("2031-13-01");
        assertThat(form.problems()).containsExactly("港澳居民来往内地通行证号码格式不正确", "有效期至：日期格式应为 2030-01-31");
        form.number().set("H12345678");
        form.validUntil().set("2031-12-01");
        assertThat(form.problems()).isEmpty();
        assertThat(form.document()).isPresent();
        form.scanMrz("P<UTO");
        assertThat(form.mrzMessage().get()).startsWith("不是护照机读区");
        assertThat(form.number().get()).as("a failed scan leaves the form alone").isEqualTo("H12345678");
    }

    @Test @DisplayName("DUP1 a duplicate-identity claim is recorded for a flagged record") void aDuplicateIdentityClaimIsRecordedForAFlaggedRecord() throws Exception {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        vm.selectCase(CaseKind.DUPLICATE_CLAIM);
        place(vm, "traditional");
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.CLAIM_RECORDED);
        vm.record();
        assertThat(store.results().status().queued()).isEqualTo(1);
    }

    @Test @DisplayName("E2 E3 E5 a fresh proof gives sale, change and refund; a stale code asks for a refreshed one; an altered one is refused with the police desk's advice") void aFreshElectronicProofGivesTheTicketServicesAndAStaleCodeIsRefusedWithTheAdvice() {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        vm.selectCase(CaseKind.TICKET_SERVICE);
        vm.scanProof(training.proof(true, clock.instant()));
        // whose proof it is (the number masked) and its times (issue 17)
        assertThat(vm.proofMessage().get()).startsWith("电子证明有效\n持证人：").contains("签发：").contains("有效至：")
                .containsPattern("（\\d{4}\\*+\\w{4}）");
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.SERVICES);
        assertThat(vm.verdict().get()).contains("本窗口可办理：售票、改签、退票");
        assertThat(vm.canRecord().get()).as("services are not a result").isFalse();

        vm.scanProof(training.proof(false, clock.instant()));
        assertThat(vm.decision().get()).isNull();
        assertThat(vm.proofMessage().get()).startsWith("电子证明不予受理：二维码已过期").doesNotContain("STALE_CODE");
        assertThat(vm.details().get()).as("the code, behind 详情, in the clerk's words").isEqualTo("电子证明拒收代码：STALE_CODE");
        // refreshed on the phone it is shown again: not the police desk's paper proof (E5), which a refused proof gets
        assertThat(vm.passengerSentence().get()).contains("请旅客刷新后重新出示").doesNotContain("公安制证窗口");

        String fresh = training.proof(true, clock.instant());
        int at = fresh.length() - 10; // a character inside the signature: all six of its bits are the signature's
        vm.scanProof(fresh.substring(0, at) + (fresh.charAt(at) == 'A' ? 'B' : 'A') + fresh.substring(at + 1)); // altered
        assertThat(vm.details().get()).isEqualTo("电子证明拒收代码：BAD_SIGNATURE");
        assertThat(vm.passengerSentence().get()).contains("请到车站公安制证窗口办理纸质临时乘车身份证明");
    }

    @Test @DisplayName("E6 a proof read from a real PNG image is accepted; an image without a QR code says so")
    void aProofFromAnImageFile() throws Exception {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        vm.selectCase(CaseKind.TICKET_SERVICE);
        Path png = dir.resolve("proof.png");
        org.ticketwindow.idcheck.etp.QrCodes.writePng(org.ticketwindow.idcheck.etp.QrCodes.encode(training.proof(true, clock.instant()), 400), png);
        vm.scanProofImage(png);
        assertThat(vm.proofMessage().get()).startsWith("电子证明有效");
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.SERVICES);
        Path blank = dir.resolve("blank.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        vm.scanProofImage(blank);
        assertThat(vm.proofMessage().get()).isEqualTo("图片中没有找到二维码。");
    }

    @Test @DisplayName("E3 an electronic proof cannot verify an account") void anElectronicProofCannotVerifyAnAccount() {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        vm.scanProof(training.proof(true, clock.instant()));
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(vm.decision().get().ruleIds()).contains("E3");
    }

    @Test @DisplayName("S4 a dead central costs the counter nothing: decided for the central (PENDING_CENTRAL), online again after") void withTheTrainingCentralUnreachableTheCaseIsDecidedOfflineAndOnlineAgainAfter() throws Exception {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        training.inject(TrainingMode.Fault.CENTRAL_UNREACHABLE);
        place(vm, "ordinary");
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.PENDING_CENTRAL);
        assertThat(vm.recordsNote().get()).isEqualTo("无法连接中心，按离线处理");
        training.inject(TrainingMode.Fault.NONE);
        vm.cancel();
        place(vm, "ordinary");
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test @DisplayName("N5 a full stop typed for the middle dot fails, with the hint") void theLongNameRecordWasTypedWithAFullStopAndFailsWithTheHint() throws Exception {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        place(vm, "long-name");
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(vm.comparison()).anySatisfy(r -> assertThat(r.hint()).contains("·"));
    }

    @Test @DisplayName("training reset puts the central's records back") void trainingResetPutsTheRecordsBack() throws Exception {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        place(vm, "ordinary");
        vm.record();
        // applied at the central as the sync worker would send it
        var claimed = store.results().claim(10);
        var answer = central.send(claimed.stream().map(o -> o.body()).toList()).answers().answers();
        assertThat(answer).hasSize(1);
        assertThat(training.central().record("T-ordinary").orElseThrow().status()).isEqualTo(RecordStatus.PASSED);
        training.reset();
        assertThat(training.central().record("T-ordinary").orElseThrow().status()).isEqualTo(RecordStatus.PENDING);
    }

    @Test @DisplayName("D5 RD-30 RD-33 the forged training card: refused at the counter, refused by the central after sync, and refused again when read again (never V4 'already passed')")
    void aForgedCardIsRefusedOnBothSidesAndStaysRefused() throws Exception {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        vm.selectCase(CaseKind.ON_SITE);
        CardData forged = card("forged-check-digit");
        List<org.ticketwindow.idcheck.identity.CardDefect> defects =
                org.ticketwindow.idcheck.identity.CardChecks.check(forged, LocalDate.now(ZoneId.of("Asia/Shanghai")));
        vm.onReaderEvent(new ReaderEvent.CardOutcome("simulator", new ReadOutcome.Refused(forged, defects)));
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(vm.decision().get().ruleIds()).containsExactly("D5");
        vm.record();
        new org.ticketwindow.idcheck.sync.SyncWorker(store.results(), central,
                org.ticketwindow.idcheck.sync.SyncSettings.DEFAULT.withBatchSize(10)).runOnce();
        assertThat(store.results().status().synced()).isEqualTo(1);
        assertThat(store.results().items(org.ticketwindow.idcheck.store.ResultState.SYNCED, 10)).singleElement()
                .satisfies(i -> {
                    assertThat(Texts.english().ofStored(i.answer())).isEqualTo("Central: applied, refused");
                    assertThat(Texts.chinese().ofStored(i.answer())).as("the queue in the clerk's language").isEqualTo("中心：已应用，不予办理");
                });
        // the record the forged card claims is still pending: nothing was applied to it
        assertThat(lookup(DocumentType.RID, forged.idNumber().value())).allSatisfy(f ->
                assertThat(f.record().status()).isEqualTo(RecordStatus.PENDING));
        vm.onReaderEvent(new ReaderEvent.CardOutcome("simulator", new ReadOutcome.Refused(forged, defects)));
        assertThat(vm.decision().get().ruleIds()).containsExactly("D5");
    }

    // ---- issue 18: no work lost, no passenger's data left behind ----

    @Test @DisplayName("a finished decision not recorded: another case would drop it (the screen asks), the same case does not; Esc says it was not recorded")
    void switchingCaseWithAnUnrecordedDecisionIsAskedFirst() throws Exception {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        assertThat(vm.wouldDropDecision(CaseKind.PROXY)).as("nothing on screen").isFalse();
        place(vm, "ordinary");
        assertThat(vm.canRecord().get()).isTrue();
        assertThat(vm.wouldDropDecision(CaseKind.PROXY)).isTrue();
        assertThat(vm.wouldDropDecision(CaseKind.ON_SITE)).as("the case already open").isFalse();
        vm.cancel();
        assertThat(vm.recordedMessage().get()).isEqualTo("已取消，未记录");
        assertThat(store.results().status().queued()).isZero();
        vm.cancel();
        assertThat(vm.recordedMessage().get()).as("nothing was there to cancel").isEmpty();
        place(vm, "ordinary");
        vm.record();
        assertThat(vm.wouldDropDecision(CaseKind.PROXY)).as("recorded: nothing to lose").isFalse();
    }

    @Test @DisplayName("D3 proxy: the principal's card cannot be read: refused, and the step line says so (not \"both documents read\")")
    void aProxyCaseWhoseSecondCardCannotBeReadIsRefused() throws Exception {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        vm.selectCase(CaseKind.PROXY);
        place(vm, "ordinary");
        remove(vm);
        vm.onReaderEvent(new ReaderEvent.CardOutcome("simulator", new ReadOutcome.Unreadable(java.util.Optional.of(
                org.ticketwindow.idcheck.reader.SamStatus.READ_FAILED), 3, "read failed")));
        assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(vm.step().get()).isEqualTo("委托人证件无法自动识读");
        // the principal's slot is filled as a refusal (the view draws ✘ in red, not the ✔ of a card read)
        assertThat(vm.slots()).extracting(WorkspaceViewModel.Slot::unreadable).containsExactly(false, true);
        assertThat(vm.slots()).extracting(WorkspaceViewModel.Slot::filled).containsExactly(true, true);
    }

    @Test @DisplayName("PD3 after a refusal is recorded, its detail line is gone, and the screen tells the view to empty the F8 form")
    void afterRecordingNothingOfThePassengerStays() throws Exception {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        vm.onReaderEvent(new ReaderEvent.CardOutcome("simulator", new ReadOutcome.Unreadable(java.util.Optional.of(
                org.ticketwindow.idcheck.reader.SamStatus.READ_FAILED), 3, "read failed")));
        assertThat(vm.details().get()).startsWith("D3");
        int cleared = vm.screensCleared().get();
        vm.record();
        assertThat(vm.details().get()).isEmpty();
        assertThat(vm.screensCleared().get()).isGreaterThan(cleared);
    }

    @Test @DisplayName("a card moved away during the read: the clerk is told to place it again, the screen leaves \"reading\"")
    void aCardRemovedDuringTheReadSaysSo() {
        WorkspaceViewModel vm = vm(CounterKind.STATION_WINDOW);
        vm.onReaderEvent(new ReaderEvent.Reading("simulator"));
        assertThat(vm.readerState().get()).isEqualTo(ReaderState.READING);
        vm.onReaderEvent(new ReaderEvent.CardOutcome("simulator", new ReadOutcome.NoCard(true)));
        assertThat(vm.readerState().get()).isEqualTo(ReaderState.WAITING);
        assertThat(vm.readerMessage().get()).isEqualTo("读卡过程中证件被移开，请重新放置");
    }

    @Test @DisplayName("a new F8 form shows no errors before anything is typed; a cleared one neither")
    void aNewFormShowsNoErrors() {
        EntryFormViewModel form = new EntryFormViewModel(zh, clock);
        assertThat(form.problems()).isEmpty();
        assertThat(form.complete().get()).isFalse();
        form.number().set("X");
        assertThat(form.problems()).isNotEmpty();
        form.clear();
        assertThat(form.problems()).isEmpty();
    }

    @Test @DisplayName("P2 DUP1 RD-43 an agency never handles pre-verification or a duplicate claim: the console knows before the form, from the rules' own table")
    void anAgencyKnowsWhatItCannotHandle() {
        WorkspaceViewModel agency = vm(CounterKind.AGENCY);
        assertThat(agency.notHandledHere(CaseKind.PRE_VERIFICATION)).hasValueSatisfying(t -> assertThat(t).contains("车站售票窗口"));
        assertThat(agency.notHandledHere(CaseKind.DUPLICATE_CLAIM)).isPresent();
        assertThat(agency.notHandledHere(CaseKind.ON_SITE)).isEmpty();
        assertThat(agency.notHandledHere(CaseKind.PROXY)).isEmpty();
        for (CaseKind k : CaseKind.values()) assertThat(vm(CounterKind.STATION_WINDOW).notHandledHere(k)).isEmpty();
    }
}
