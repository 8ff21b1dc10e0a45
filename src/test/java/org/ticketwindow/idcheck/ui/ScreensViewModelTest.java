package org.ticketwindow.idcheck.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.store.ClerkRole;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.store.OutgoingResult;
import org.ticketwindow.idcheck.store.ResultQueue;
import org.ticketwindow.idcheck.store.ResultState;
import org.ticketwindow.idcheck.testing.Counters;
import org.ticketwindow.idcheck.text.Texts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue and supervisor view models on a real store, and the display preferences file. */
class ScreensViewModelTest {
    private static final Tasks NOW = new Tasks(Runnable::run, Runnable::run);
    @TempDir Path dir;
    LocalStore store;
    final Messages zh = Messages.of(Messages.CHINESE);

    @BeforeEach void open() { store = Counters.store(dir); }

    @AfterEach void close() { store.close(); }

    @Test @org.junit.jupiter.api.DisplayName("S4 parked results are shown first; only a supervisor sends them again, audited") void theQueueShowsParkedFirstAndOnlyASupervisorSendsThemAgain() {
        Counters.record(store, "C1", 0, 3);
        List<OutgoingResult> out = store.results().claim(3);
        store.results().park(List.of(new ResultQueue.Answered(out.get(0).id(), "REJECTED: test")));
        store.results().synced(List.of(new ResultQueue.Answered(out.get(1).id(), "APPLIED")));
        store.results().retryLater(List.of(out.get(2).id()), "cannot connect");
        AtomicInteger nudges = new AtomicInteger();

        QueueViewModel clerk = new QueueViewModel(store.results(), nudges::incrementAndGet, "1001", false, NOW, zh);
        clerk.refresh();
        assertThat(clerk.items()).extracting(i -> i.state()).containsExactly(ResultState.PARKED, ResultState.QUEUED, ResultState.SYNCED);
        // issue 18: the columns in the clerk's language, no constant names (ON_SITE, PENDING_CENTRAL)
        assertThat(clerk.items()).extracting(clerk::caseKind).containsOnly("本人核验");
        assertThat(clerk.items()).extracting(clerk::outcome).allSatisfy(o -> assertThat(o).doesNotContainPattern("[A-Z]{2}"));
        assertThat(clerk.detail(clerk.items().getFirst())).as("an older plain line as it was").isEqualTo("REJECTED: test");
        clerk.retry(clerk.items().getFirst());
        assertThat(clerk.message().get()).isEqualTo("重新发送搁置结果需值班主任操作。");
        assertThat(store.results().status().parked()).isEqualTo(1);

        QueueViewModel supervisor = new QueueViewModel(store.results(), nudges::incrementAndGet, "8001", true, NOW, zh);
        supervisor.refresh();
        supervisor.retry(supervisor.items().getFirst());
        assertThat(supervisor.message().get()).startsWith("结果 " + out.get(0).id() + " 已重新排队发送");
        assertThat(store.results().status().parked()).isZero();
        assertThat(store.results().status().queued()).isEqualTo(2);
        assertThat(nudges.get()).isEqualTo(1);
        assertThat(store.audit().verify()).isEmpty();
    }

    @Test void aSupervisorAddsResetsUnlocksAndChangesRolesAndVerifiesTheAuditChain() {
        store.clerks().add("8001", "主任", ClerkRole.SUPERVISOR, "123456", "test");
        store.clerks().add("1001", "售票员", ClerkRole.CLERK, "123456", "test");
        for (int i = 0; i < 5; i++) store.clerks().login("1001", "000000");
        SupervisorViewModel vm = new SupervisorViewModel(store.clerks(), store.audit(), "8001", List.of(),
                dir.resolve("config/counter.properties"), s -> { }, NOW, zh);
        vm.refresh();
        var locked = vm.clerks().stream().filter(c -> c.id().equals("1001")).findFirst().orElseThrow();
        assertThat(locked.lockedUntil()).isNotNull();

        vm.unlock(locked);
        assertThat(vm.message().get()).isEqualTo("已解锁 1001。");
        assertThat(vm.messageRefused().get()).as("a success is not red").isFalse();
        vm.pin().set("654321");
        vm.resetPin(locked);
        assertThat(vm.pin().get()).as("the PIN field is cleared").isEmpty();
        assertThat(store.clerks().login("1001", "654321")).isInstanceOf(org.ticketwindow.idcheck.store.LoginResult.Success.class);

        vm.newId().set("1002");
        vm.newName().set("新员工");
        vm.pin().set("12");
        vm.add();
        assertThat(vm.message().get()).isEqualTo("请填写工号、姓名和 6–12 位数字密码。");
        assertThat(vm.messageRefused().get()).as("a refusal is red").isTrue();
        vm.newId().set("1002");
        vm.newName().set("新员工");
        vm.pin().set("112233");
        vm.add();
        assertThat(vm.clerks()).extracting(c -> c.id()).contains("1002");

        vm.setRole(vm.clerks().stream().filter(c -> c.id().equals("1002")).findFirst().orElseThrow(), ClerkRole.TECHNICIAN);
        assertThat(vm.clerks()).anySatisfy(c -> assertThat(c.id() + c.role()).isEqualTo("1002TECHNICIAN"));
        vm.setRole(vm.clerks().stream().filter(c -> c.id().equals("8001")).findFirst().orElseThrow(), ClerkRole.CLERK);
        assertThat(vm.message().get()).isEqualTo("不能取消自己的值班主任角色。");

        vm.verifyAudit();
        assertThat(vm.auditResult().get()).startsWith("审计链完整");
    }

    @Test void aSupervisorRaisesTheContactLimitAndABadValueIsRefusedWithItsKeyAndNothingWritten() throws Exception {
        Path file = dir.resolve("config/counter.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "counter.id=T001\ncounter.kind=STATION_WINDOW\n");
        java.util.concurrent.atomic.AtomicReference<org.ticketwindow.idcheck.app.CounterSettings> applied = new java.util.concurrent.atomic.AtomicReference<>();
        SupervisorViewModel vm = new SupervisorViewModel(store.clerks(), store.audit(), "8001", List.of(), file, applied::set, NOW, zh);
        vm.refresh();
        assertThat(vm.editableSettings()).containsKeys("central.url", "policy.contact-limit", "store.retention-days");

        vm.editableSettings().get("policy.contact-limit").set("150");
        vm.saveSettings();
        assertThat(vm.settingsMessage().get()).startsWith("设置已保存");
        assertThat(applied.get().contactLimit()).isEqualTo(150);
        assertThat(applied.get().counterId()).as("the technician's keys stay").isEqualTo("T001");
        assertThat(org.ticketwindow.idcheck.app.CounterSettings.load(file).policy().contactLimit()).isEqualTo(150);
        String good = Files.readString(file);

        vm.editableSettings().get("store.retention-days").set("0");
        vm.saveSettings();
        assertThat(vm.settingsMessage().get()).contains("store.retention-days").contains(file.toString());
        assertThat(vm.settingsMessage().get()).as("the reason in the clerk's language").contains("须为 1 到 3650 之间的整数")
                .doesNotContain("must be");
        assertThat(vm.settingsRefused().get()).as("shown red, not as a success").isTrue();
        assertThat(vm.settingLabel("policy.contact-limit")).isEqualTo("常用联系人上限（policy.contact-limit）");
        for (String k : org.ticketwindow.idcheck.app.CounterSettings.SUPERVISOR_KEYS) {
            assertThat(vm.settingLabel(k)).as(k).containsPattern("\\p{IsHan}");
        }
        assertThat(Files.readString(file)).isEqualTo(good);
        assertThat(Files.list(file.getParent())).containsExactly(file);
        assertThat(store.audit().verify()).isEmpty();
        assertThat(store.audit().size()).isEqualTo(1);
    }

    @Test void preferencesSurviveARestartAndADamagedFileGivesTheDefaults() throws Exception {
        Path f = dir.resolve("config/ui.properties");
        UiPreferences.DEFAULT.withDark(true).withFontScale(1.45).withSounds(false).save(f);
        assertThat(UiPreferences.load(f)).isEqualTo(new UiPreferences(true, 1.5, false));
        assertThat(new UiPreferences(false, 9, true).fontScale()).isEqualTo(UiPreferences.MAX_SCALE);
        Files.writeString(f, "font.scale=large\n");
        assertThat(UiPreferences.load(f)).isEqualTo(UiPreferences.DEFAULT);
    }

    /** A console without a reader, for the technician screen's view model; the photo decoder line is given. */
    private record NoReaderHost(java.util.function.Supplier<String> photoDecoderLine) implements TechnicianViewModel.Host {
        @Override public java.util.Optional<org.ticketwindow.idcheck.reader.ReaderOwnership> reader() { return java.util.Optional.empty(); }
        @Override public List<String> readersFound() { return List.of(); }
        @Override public org.ticketwindow.idcheck.reader.HardwareProfile saveTuning(String id, java.util.Map<String, Object> v) {
            throw new UnsupportedOperationException();
        }
        @Override public Path exportDiagnostics(List<String> r, java.util.Optional<org.ticketwindow.idcheck.reader.SamHealth> s,
                                                java.util.Optional<org.ticketwindow.idcheck.reader.Calibration.Report> c) {
            throw new UnsupportedOperationException();
        }
        @Override public String photoDecoder() { return photoDecoderLine.get(); }
    }

    @Test @org.junit.jupiter.api.DisplayName("PD1 the technician's live event log masks names and ID numbers")
    void theLiveLogIsMasked() throws Exception {
        var card = org.ticketwindow.idcheck.reader.sim.CardFixture.builtIn("ordinary").card();
        String line = zh.of(TechnicianViewModel.event(new org.ticketwindow.idcheck.reader.ReaderEvent.CardOutcome("simulator",
                new org.ticketwindow.idcheck.reader.ReadOutcome.Read(card, org.ticketwindow.idcheck.reader.StageTimings.NONE))));
        assertThat(line).contains("张*", "1101**********1233").doesNotContain(card.name().value()).doesNotContain(card.idNumber().value());
    }

    @Test @org.junit.jupiter.api.DisplayName("the technician screen says which photo decoder is configured and whether it loads (issue 17)")
    void theTechnicianSeesThePhotoDecoder() {
        TechnicianViewModel vm = new TechnicianViewModel(new NoReaderHost(() -> {
            try (var photos = new org.ticketwindow.idcheck.photo.PhotoService(org.ticketwindow.idcheck.photo.PhotoDecoder.none())) {
                return ConsoleScreens.photoDecoderLine(zh, photos, false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }), java.util.concurrent.Executors.newSingleThreadExecutor(), NOW, zh);
        vm.open();
        // none configured: what to do, in Chinese (it showed "the hardware profile has photoDecoder: none")
        assertThat(vm.photoDecoder().get()).startsWith("照片解码器：未配置").contains("设置 photoDecoder")
                .doesNotContain("the hardware profile");
    }

    @Test @org.junit.jupiter.api.DisplayName("in training with no decoder configured the technician is told the training portraits still show")
    void theTechnicianIsToldTrainingPortraitsShow() throws Exception {
        var training = org.ticketwindow.idcheck.photo.TrainingPortraits.decoder(org.ticketwindow.idcheck.photo.PhotoDecoder.none());
        try (var photos = new org.ticketwindow.idcheck.photo.PhotoService(training)) {
            // it said "card photos are not shown" while the tray's portraits showed beside it
            assertThat(ConsoleScreens.photoDecoderLine(zh, photos, true)).startsWith("照片解码器：未配置")
                    .contains("实训证件的头像", "照常显示").doesNotContain("不显示");
            assertThat(ConsoleScreens.photoDecoderLine(Messages.of(Messages.ENGLISH), photos, true))
                    .contains("training cards' portraits", "show as usual").doesNotContain("are not shown");
        }
    }

    @Test void theSoundCuesAreWellFormedWaves() {
        byte[] wav = Sounds.wav(new double[][]{{880, 0.1}, {0, 0.05}});
        assertThat(new String(wav, 0, 4)).isEqualTo("RIFF");
        assertThat(new String(wav, 8, 4)).isEqualTo("WAVE");
        int samples = (int) (0.1 * 22_050) + (int) (0.05 * 22_050);
        assertThat(wav).hasSize(44 + 2 * samples);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("the supervisor reads the audit entries, newest first, filtered by kind and by a clerk id or a word")
    void theSupervisorFiltersTheAuditEntries() {
        store.clerks().add("8001", "主任", ClerkRole.SUPERVISOR, "123456", "test");
        store.clerks().add("1001", "售票员", ClerkRole.CLERK, "123456", "test");
        store.clerks().login("1001", "123456");
        store.clerks().login("1001", "000000");
        store.audit().append(org.ticketwindow.idcheck.store.AuditKind.CONFIGURATION, "8001", "counter.properties", org.ticketwindow.idcheck.text.Text.of("audit.settingsSaved", "policy.contact-limit=150"));
        SupervisorViewModel vm = new SupervisorViewModel(store.clerks(), store.audit(), "8001", List.of(),
                dir.resolve("config/counter.properties"), s -> { }, NOW, zh);
        vm.showEntries();
        assertThat(vm.entries()).hasSize((int) store.audit().size());
        assertThat(vm.entries().getFirst().kind()).as("newest first").isEqualTo(org.ticketwindow.idcheck.store.AuditKind.CONFIGURATION);
        vm.entryKind().set(org.ticketwindow.idcheck.store.AuditKind.LOGIN_FAILED);
        vm.showEntries();
        assertThat(vm.entries()).extracting(org.ticketwindow.idcheck.store.AuditTrail.Entry::actor).containsExactly("1001");
        // a log-in's subject is the log-in itself: the kind says it once (it read "登录失败　1001　登录　…", and "login"
        // before that); the detail follows the clerk
        assertThat(Unbroken.plain(vm.line(vm.entries().getFirst()))).contains("登录失败　1001　密码错误")
                .doesNotContain("1001　登录").doesNotContain("login");
        // where an entry wraps (the largest text), its number, time, kind and words stay whole: it read "登" / "录"
        String line = vm.line(vm.entries().getFirst());
        java.util.List<Integer> gaps = UnbrokenTest.after(line, "\u3000");
        assertThat(gaps).hasSize(4);
        assertThat(UnbrokenTest.breaks(line, java.util.Locale.SIMPLIFIED_CHINESE).stream().filter(b -> b <= gaps.getLast())).isEqualTo(gaps);
        vm.entryKind().set(null);
        vm.entryText().set("contact-limit");
        vm.showEntries();
        assertThat(vm.entries()).extracting(org.ticketwindow.idcheck.store.AuditTrail.Entry::subject).containsExactly("counter.properties");
        vm.entryText().set("50%_");
        vm.showEntries();
        assertThat(vm.entries()).as("% and _ are the text, not wildcards").isEmpty();
        // what the screen shows is what is searched: the detail, kind and words in the supervisor's language (the search
        // matched the stored keys: "保存了设置" found nothing, "login" found the entries shown as 登录)
        vm.entryText().set("保存了设置");
        vm.showEntries();
        assertThat(vm.entries()).extracting(org.ticketwindow.idcheck.store.AuditTrail.Entry::subject).containsExactly("counter.properties");
        vm.entryText().set("登录失败");
        vm.showEntries();
        assertThat(vm.entries()).extracting(org.ticketwindow.idcheck.store.AuditTrail.Entry::kind)
                .containsExactly(org.ticketwindow.idcheck.store.AuditKind.LOGIN_FAILED);
        vm.entryText().set("login");
        vm.showEntries();
        assertThat(vm.entries()).as("the stored word is not what the supervisor reads").isEmpty();
        // the filter is for a clerk or a word: not the entries' numbers and times (every entry shows this year)
        vm.entryText().set(String.valueOf(java.time.Year.now(org.ticketwindow.idcheck.identity.RailwayTime.ZONE).getValue()));
        vm.showEntries();
        assertThat(vm.entries()).isEmpty();
        assertThat(vm.entriesNote().get()).as("every entry was looked through").isEmpty();
        SupervisorViewModel en = new SupervisorViewModel(store.clerks(), store.audit(), "8001", List.of(),
                dir.resolve("config/counter.properties"), s -> { }, NOW, Messages.of(Messages.ENGLISH));
        en.entryText().set("Failed LOG-IN");
        en.showEntries();
        assertThat(en.entries()).as("in English, in any letter case").extracting(org.ticketwindow.idcheck.store.AuditTrail.Entry::kind)
                .containsExactly(org.ticketwindow.idcheck.store.AuditKind.LOGIN_FAILED);
        // the subject a log-in entry no longer shows is still searched: "login" finds it in English (the review found
        // that leaving it out of the line had left it out of the search too)
        en.entryText().set("login");
        en.showEntries();
        assertThat(en.entries()).extracting(org.ticketwindow.idcheck.store.AuditTrail.Entry::kind)
                .containsExactlyInAnyOrder(org.ticketwindow.idcheck.store.AuditKind.LOGIN_FAILED, org.ticketwindow.idcheck.store.AuditKind.LOGIN);
        assertThat(en.entries()).allSatisfy(e -> assertThat(Unbroken.plain(en.line(e))).doesNotContain("login"));
    }
}
