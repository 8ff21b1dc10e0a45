package org.ticketwindow.idcheck.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.reader.DeviceFaultKind;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.ReaderEvent;
import org.ticketwindow.idcheck.reader.StageTimings;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.store.ClerkRole;
import org.ticketwindow.idcheck.store.KeyFile;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.store.QueueStatus;
import org.ticketwindow.idcheck.sync.CentralUnavailableException;
import org.ticketwindow.idcheck.sync.Recorder;
import org.ticketwindow.idcheck.verify.CounterKind;
import org.ticketwindow.idcheck.verify.DocumentEvidence;
import org.ticketwindow.idcheck.verify.DocumentRole;
import org.ticketwindow.idcheck.verify.FieldComparison;
import org.ticketwindow.idcheck.verify.IdentityRecord;
import org.ticketwindow.idcheck.verify.Outcome;
import org.ticketwindow.idcheck.verify.Presented;
import org.ticketwindow.idcheck.verify.RecordRole;
import org.ticketwindow.idcheck.verify.RecordStatus;
import org.ticketwindow.idcheck.verify.VerificationRules;
import org.ticketwindow.idcheck.wire.FoundRecord;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's view models without JavaFX's toolkit: real store, real rules, work run on the calling thread. */
class ViewModelTest {
    private static final Tasks NOW = new Tasks(Runnable::run, Runnable::run);
    @TempDir Path dir;
    LocalStore store;
    final Messages zh = Messages.of(Messages.CHINESE);

    @BeforeEach void open() {
        store = LocalStore.open(dir.resolve("data"), new KeyFile(dir.resolve("keys/installation.key")), Clock.systemUTC(), 0);
        store.clerks().add("1001", "测试员", ClerkRole.CLERK, "123456", "test");
    }

    @AfterEach void close() { store.close(); }

    @Nested class Login {
        @Test void theRightPinLogsInAndThePinFieldIsCleared() {
            LoginViewModel vm = new LoginViewModel(store.clerks(), NOW, zh);
            vm.clerkId().set("1001");
            vm.pin().set("123456");
            vm.login();
            assertThat(vm.loggedIn().get().role()).isEqualTo(ClerkRole.CLERK);
            assertThat(vm.pin().get()).isEmpty();
        }

        @Test void aWrongPinAndAnUnknownIdGetTheSameAnswerAndFiveLockTheAccount() {
            LoginViewModel vm = new LoginViewModel(store.clerks(), NOW, zh);
            vm.clerkId().set("9999");
            vm.pin().set("123456");
            vm.login();
            String unknown = vm.message().get();
            vm.clerkId().set("1001");
            for (int i = 0; i < 4; i++) {
                vm.pin().set("000000");
                vm.login();
                assertThat(vm.message().get()).isEqualTo(unknown).contains("工号或密码不正确");
            }
            vm.pin().set("000000");
            vm.login();
            assertThat(vm.message().get()).startsWith("账号已锁定至");
            vm.pin().set("123456");
            vm.login();
            assertThat(vm.loggedIn().get()).as("locked, even with the right PIN").isNull();
        }

        @Test void anIncompleteFormIsExplainedWithoutAnAttempt() {
            LoginViewModel vm = new LoginViewModel(store.clerks(), NOW, Messages.of(Messages.ENGLISH));
            vm.clerkId().set("1001");
            vm.pin().set("12");
            vm.login();
            assertThat(vm.message().get()).isEqualTo("Enter your clerk id and your 6–12 digit PIN.");
        }
    }

    @Nested class OnSite {
        final List<List<FoundRecord>> answers = new ArrayList<>();
        final AtomicInteger nudges = new AtomicInteger();
        boolean offline;

        WorkspaceViewModel vm(Messages m) {
            RecordLookup lookup = (type, number) -> {
                if (offline) throw new CentralUnavailableException("test: central away", null);
                return answers.isEmpty() ? List.of() : answers.removeFirst();
            };
            return new WorkspaceViewModel(CounterKind.STATION_WINDOW, org.ticketwindow.idcheck.verify.Policy.DEFAULT, "1001", new Recorder(store.results(), "T001"), lookup,
                    nudges::incrementAndGet, new VerificationRules(), Optional.empty(), NOW, m, Clock.systemUTC());
        }

        CardData card(String id) throws Exception { return CardFixture.builtIn(id).card(); }

        /** The website record for a card, as the training central seeds it, with the name given. */
        FoundRecord recordFor(CardData c, String name) {
            DocumentEvidence shown = DocumentEvidence.of(DocumentRole.HOLDER, new Presented.Chip(c));
            return new FoundRecord(new IdentityRecord("T-x", RecordRole.REGISTERED_USER, RecordStatus.PENDING,
                    new PersonName(name), shown.type(), shown.number(), shown.nationality(), false, null), 1, null, null);
        }

        void place(WorkspaceViewModel vm, CardData c) {
            vm.onReaderEvent(new ReaderEvent.CardOutcome("simulator", new ReadOutcome.Read(c, StageTimings.NONE)));
        }

        QueueStatus queue() { return store.results().status(); }

        @Test @org.junit.jupiter.api.DisplayName("PD3 the chip photo is shown for its slot once decoded, and wiped when the case is recorded")
        void thePhotoIsShownForItsSlotAndWipedWithTheCase() throws Exception {
            CardData c = card("ordinary");
            answers.add(List.of(recordFor(c, c.name().value())));
            WorkspaceViewModel vm = vm(zh);
            try (var photos = new org.ticketwindow.idcheck.photo.PhotoService(org.ticketwindow.idcheck.photo.TrainingPortraits
                    .decoder(org.ticketwindow.idcheck.photo.PhotoDecoder.none()))) {
                vm.usePhotos(photos);
                place(vm, c);
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                        .until(() -> vm.shownDocuments().size() == 1 && vm.shownDocuments().getFirst().photo() != null);
                WorkspaceViewModel.ShownDocument shown = vm.shownDocuments().getFirst();
                assertThat(shown.role()).isEqualTo(DocumentRole.HOLDER);
                var photo = ((org.ticketwindow.idcheck.photo.PhotoResult.Decoded) shown.photo()).photo();
                assertThat(photo.rgb()).isNotEqualTo(new byte[org.ticketwindow.idcheck.photo.Photo.RGB_BYTES]);
                vm.record();
                assertThat(vm.shownDocuments()).as("PD3").isEmpty();
                assertThat(photo.rgb()).as("PD3: the pixels are wiped").containsOnly((byte) 0);
            }
        }

        @Test @org.junit.jupiter.api.DisplayName("N1 a name character the fonts may not draw is given with its code point")
        void rareCharactersGetTheirCodePoints() {
            assertThat(CardFields.rareCodePoints("郑\uD869\uDEA5")).containsExactly("U+2A6A5");
            assertThat(CardFields.rareCodePoints("张三")).isEmpty();
        }

        @Test void aMatchingRecordPassesIsRecordedOnceAndTheScreenForgetsThePassenger() throws Exception {
            CardData c = card("ordinary");
            answers.add(List.of(recordFor(c, c.name().value())));
            WorkspaceViewModel vm = vm(zh);
            place(vm, c);

            assertThat(vm.readerState().get()).isEqualTo(ReaderState.READ);
            assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.PASSED);
            assertThat(vm.decision().get().ruleIds()).contains("V1");
            assertThat(vm.comparison()).extracting(WorkspaceViewModel.Row::kind).containsOnly(FieldComparison.Result.EQUAL);
            assertThat(vm.canRecord().get()).isTrue();

            vm.record();
            vm.record(); // the double key press
            assertThat(queue().queued()).isEqualTo(1);
            assertThat(nudges.get()).isEqualTo(1);
            assertThat(vm.recordedMessage().get()).startsWith("已记录：核验通过（结果编号 ");
            assertThat(vm.card().get()).as("PD3").isNull();
            assertThat(vm.comparison()).isEmpty();
            assertThat(vm.canRecord().get()).isFalse();
        }

        @Test @org.junit.jupiter.api.DisplayName("issue 16: F2 renders the open case again in the other language: nothing is looked up, decided or recorded again")
        void theLanguageSwitchRendersTheOpenCaseAgain() throws Exception {
            CardData c = card("long-name");
            String onCard = c.name().value();
            answers.add(List.of(recordFor(c, onCard.replace('·', '.'))));
            WorkspaceViewModel vm = vm(zh);
            place(vm, c);
            var decided = vm.decision().get();
            assertThat(decided.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(vm.verdict().get()).startsWith("核验未通过 — V1");
            assertThat(vm.passengerSentence().get()).contains("网站");
            assertThat(vm.comparison()).extracting(WorkspaceViewModel.Row::field).contains("姓名");
            assertThat(vm.readerMessage().get()).startsWith("读卡成功");

            vm.language(Messages.of(Messages.ENGLISH));
            assertThat(vm.decision().get()).as("the same decision, not decided again").isSameAs(decided);
            assertThat(answers).as("no second lookup").isEmpty();
            assertThat(vm.verdict().get()).startsWith("not verified").doesNotContainPattern("\\p{IsHan}");
            assertThat(vm.passengerSentence().get()).startsWith("The website entry differs");
            assertThat(vm.comparison()).extracting(WorkspaceViewModel.Row::field).contains("name");
            assertThat(vm.comparison()).extracting(WorkspaceViewModel.Row::hint).anySatisfy(h -> assertThat(h).contains("middle dot"));
            assertThat(vm.readerMessage().get()).startsWith("card read: resident ID card");
            assertThat(vm.slots()).extracting(WorkspaceViewModel.Slot::label).containsExactly("holder's document");

            vm.language(zh);
            assertThat(vm.verdict().get()).startsWith("核验未通过 — V1");
            vm.cancel();
            vm.language(Messages.of(Messages.ENGLISH));
            assertThat(vm.verdict().get()).as("a cancelled case does not come back").isEmpty();
            assertThat(vm.comparison()).isEmpty();
            assertThat(queue().queued()).isZero();
        }

        @Test void aDotForTheMiddleDotIsADifferentNameWithTheHint() throws Exception {
            CardData c = card("long-name");
            String onCard = c.name().value();
            answers.add(List.of(recordFor(c, onCard.replace('·', '.'))));
            WorkspaceViewModel vm = vm(zh);
            place(vm, c);

            assertThat(onCard).contains("·");
            Outcome o = vm.decision().get().outcome();
            assertThat(o).isEqualTo(Outcome.FAILED); // N5: a dot for the middle dot is a mismatch
            assertThat(vm.comparison()).anySatisfy(r -> {
                assertThat(r.field()).isEqualTo("姓名");
                assertThat(r.kind()).isEqualTo(FieldComparison.Result.DIFFERENT);
                assertThat(r.hint()).as("N5: the hint names both characters").contains("「·」", "「.」");
            });
        }

        @Test void anUnreadableCardIsRefusedWithOneSentenceForThePassengerAndRecorded() {
            WorkspaceViewModel vm = vm(zh);
            vm.onReaderEvent(new ReaderEvent.CardOutcome("simulator", new ReadOutcome.Unreadable(Optional.empty(), 3, "no answer")));

            assertThat(vm.readerState().get()).isEqualTo(ReaderState.REFUSED);
            assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(vm.decision().get().ruleIds()).contains("D3");
            assertThat(vm.passengerSentence().get()).isNotBlank();
            vm.record();
            assertThat(queue().queued()).isEqualTo(1);
        }

        @Test void offlineTheCaseIsRecordedForTheCentral() throws Exception {
            offline = true;
            WorkspaceViewModel vm = vm(Messages.of(Messages.ENGLISH));
            place(vm, card("ordinary"));

            assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.PENDING_CENTRAL);
            assertThat(vm.verdict().get()).contains("Offline: the central applies the result once it is synced.");
            vm.record();
            assertThat(queue().queued()).isEqualTo(1);
        }

        @Test void whenTheStoreCannotCommitTheClerkIsToldNothingWasSavedAndMayTryAgain() throws Exception {
            CardData c = card("ordinary");
            answers.add(List.of(recordFor(c, c.name().value())));
            WorkspaceViewModel vm = vm(zh);
            place(vm, c);
            store.close(); // the store is gone (a full disk or a removed drive looks the same to the console)
            vm.record();
            assertThat(vm.recordedMessage().get()).startsWith("未能记录，结果没有保存。");
            assertThat(vm.details().get()).startsWith("保存结果失败：");
            assertThat(vm.canRecord().get()).as("the decision is still on screen, to record again").isTrue();
            assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.PASSED);
            store = LocalStore.open(dir.resolve("data"), new KeyFile(dir.resolve("keys/installation.key")), Clock.systemUTC(), 0);
        }

        @Test void aReaderFaultIsShownWithTheNextStepAndClearsWhenTheReaderRecovers() {
            WorkspaceViewModel vm = vm(zh);
            vm.onReaderEvent(new ReaderEvent.Fault("simulator",
                    new ReadOutcome.DeviceFault(DeviceFaultKind.SAM_NOT_AUTHORISED, Optional.empty(), "SAM answered 0x24")));
            assertThat(vm.readerState().get()).isEqualTo(ReaderState.FAULT);
            assertThat(vm.readerMessage().get()).contains("请联系技术人员");
            assertThat(vm.details().get()).as("the technical part, behind the Details toggle").isEqualTo("读卡器安全模块(SAM)未经授权，无法使用（SAM_NOT_AUTHORISED）：SAM answered 0x24");
            vm.onReaderEvent(new ReaderEvent.Recovered("simulator"));
            assertThat(vm.readerState().get()).isEqualTo(ReaderState.WAITING);
            assertThat(vm.details().get()).isEmpty();
            vm.onReaderEvent(new ReaderEvent.Reading("simulator"));
            assertThat(vm.readerState().get()).isEqualTo(ReaderState.READING);
            assertThat(vm.readerMessage().get()).isEqualTo("正在读卡，请勿移动证件");
            vm.readerAbsent();
            assertThat(vm.readerState().get()).isEqualTo(ReaderState.NO_READER);
            assertThat(vm.readerMessage().get()).contains("本机没有可用的读卡器");
        }

        @Test void aRecordAlreadyPassedHasNothingToRecord() throws Exception {
            CardData c = card("ordinary");
            FoundRecord pending = recordFor(c, c.name().value());
            IdentityRecord r = pending.record();
            answers.add(List.of(new FoundRecord(new IdentityRecord(r.id(), r.role(), RecordStatus.PASSED, r.name(), r.documentType(),
                    r.documentNumber(), r.nationality(), false, null), 2, null, null)));
            WorkspaceViewModel vm = vm(zh);
            place(vm, c);

            assertThat(vm.decision().get().outcome()).isEqualTo(Outcome.NOTHING_TO_DO);
            assertThat(vm.decision().get().ruleIds()).contains("V4");
            assertThat(vm.canRecord().get()).isFalse();
            vm.record();
            assertThat(queue().queued()).isZero();
        }

        @Test void cancellingDropsTheCaseWithoutRecording() throws Exception {
            CardData c = card("ordinary");
            answers.add(List.of(recordFor(c, c.name().value())));
            WorkspaceViewModel vm = vm(zh);
            place(vm, c);
            vm.cancel();
            vm.record();
            assertThat(queue().queued()).isZero();
            assertThat(vm.card().get()).isNull();
        }
    }

    @Nested class StatusLineS5 {
        final java.time.ZoneId utc = java.time.ZoneOffset.UTC;

        @Test void showsWhatWaitsTheLastSyncAndThatAllIsWell() {
            StatusLine l = StatusLine.of(new QueueStatus(2, 1, 0, 40, 125, java.time.Instant.parse("2026-11-21T07:05:09Z"), null),
                    zh, utc);
            assertThat(Unbroken.plain(l.text())).isEqualTo("待上传 3　最早 2 分钟　上次同步 07:05:09　同步正常");
            assertThat(l.warning()).isFalse();
            // where the line wraps (large text), only between its pieces: it read "07:05:" / "09", and "上次同步" / "07:05:09"
            assertThat(UnbrokenTest.after(l.text(), "\u3000")).hasSize(3);
            assertThat(UnbrokenTest.breaks(l.text(), java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo(UnbrokenTest.after(l.text(), "\u3000"));
            // in English too; a sync error's explanation wraps where it needs to
            StatusLine en = StatusLine.of(new QueueStatus(2, 1, 0, 40, 125, java.time.Instant.parse("2026-11-21T07:05:09Z"),
                    "cannot connect to the central service"), Messages.of(Messages.ENGLISH), utc);
            java.util.List<Integer> breaks = UnbrokenTest.breaks(en.text(), java.util.Locale.ENGLISH);
            int error = en.text().indexOf("sync error");
            assertThat(UnbrokenTest.after(en.text(), "   ")).hasSize(3).endsWith(error);
            assertThat(breaks.stream().filter(b -> b <= error)).isEqualTo(UnbrokenTest.after(en.text(), "   "));
            assertThat(breaks.stream().filter(b -> b > error)).hasSizeGreaterThan(3);
        }

        @Test void warnsWhenResultsWaitOverFourHoursOrAreParkedOrTheLastSyncFailed() {
            assertThat(StatusLine.of(new QueueStatus(1, 0, 0, 0, 4 * 3600 + 1, null, null), zh, utc).warning()).isTrue();
            assertThat(StatusLine.of(new QueueStatus(0, 0, 1, 0, 0, null, null), zh, utc).warning()).isTrue();
            StatusLine failed = StatusLine.of(new QueueStatus(0, 0, 0, 0, 0, null, "cannot connect"), Messages.of(Messages.ENGLISH), utc);
            assertThat(failed.warning()).isTrue();
            assertThat(Unbroken.plain(failed.text())).isEqualTo("To send 0   oldest —   last sync never   sync error: cannot connect");
        }
    }

    @Test void bothLanguagesHaveTheSameKeys() {
        var zhKeys = java.util.ResourceBundle.getBundle("i18n.messages", Messages.CHINESE,
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES)).keySet();
        var enKeys = java.util.ResourceBundle.getBundle("i18n.messages", Messages.ENGLISH,
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES)).keySet();
        assertThat(enKeys).containsExactlyInAnyOrderElementsOf(zhKeys);
        assertThat(zh.get("app.title")).isEqualTo("窗口身份核验台");
    }
}
