package org.ticketwindow.idcheck.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.ticketwindow.idcheck.app.AppHome;
import org.ticketwindow.idcheck.app.ConsoleSession;
import org.ticketwindow.idcheck.app.TrainingMode;
import org.ticketwindow.idcheck.app.TrainingRecords;
import org.ticketwindow.idcheck.reader.sim.CardFixture;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console as a clerk uses it, on JavaFX's Monocle headless platform (TestFX): training mode with the simulated
 * reader polled by the real reader loop, the in-process central over HTTP, the real store and sync worker, keys typed
 * through the glass robot. With {@code -Didcheck.screenshots=DIR} each main screen is also saved as a PNG.
 */
class ConsoleUiTest extends ConsoleUiHarness {
    @Test @org.junit.jupiter.api.DisplayName("V1 PD3 S1 S5 a clerk logs in, an ordinary card passes on site, is recorded, the screen clears and the result is synced") void aClerkLogsInVerifiesAnOrdinaryCardOnSiteAndTheResultIsSynced() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        screenshot("login-zh");
        logIn(TrainingMode.CLERK_ID);
        place("ordinary");
        waitForText("#verdict", "核验通过");
        assertThat(text("#reader-state")).isEqualTo("读卡成功");
        // the chip photo (a training portrait) at twice its size, sharp, beside the card's fields (issue 17)
        waitFor(() -> robot.lookup("#photo").tryQuery().isPresent());
        assertThat(onFx(() -> ((javafx.scene.image.ImageView) robot.lookup("#photo").query()).getFitWidth())).isEqualTo(204.0);
        assertThat(onFx(() -> ((javafx.scene.image.ImageView) robot.lookup("#photo").query()).isSmooth())).isFalse();
        assertThat(onFx(() -> robot.lookup("住址").tryQuery().isPresent() && robot.lookup("签发机关").tryQuery().isPresent()
                && robot.lookup("民族").tryQuery().isPresent())).isTrue();
        screenshot("workspace-read-zh");
        robot.type(KeyCode.ENTER);
        waitForText("#recorded", "已记录：核验通过");
        screenshot("workspace-recorded-zh");
        assertThat(text("#verdict")).as("PD3: the screen forgets the passenger").isEmpty();
        waitFor(() -> text("#status-line").contains("待上传 0") && !text("#status-line").contains("上次同步 从未"));
        // the same card again: the record is verified already, nothing to compare, and the screen says so
        training().sam().remove();
        waitForText("#reader-state", "等待证件");
        place("ordinary");
        waitFor(() -> !text("#verdict").isEmpty());
        assertThat(onFx(() -> robot.lookup(".hint").queryAll().stream().filter(n -> n instanceof Labeled)
                .map(n -> ((Labeled) n).getText()).toList())).contains("（此情形不作逐项比对）").doesNotContain("（证件读完后显示比对结果）");
    }

    @Test @org.junit.jupiter.api.DisplayName("N5 a full stop for the middle dot fails, with one sentence for the passenger") void aFullStopForTheMiddleDotFailsWithTheHint() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        logIn(TrainingMode.CLERK_ID);
        place("long-name");
        waitForText("#verdict", "核验未通过");
        assertThat(text("#verdict")).contains("V1");
        screenshot("workspace-mismatch-zh");
        assertThat(text("#passenger")).startsWith("请告知旅客：");
        assertThat(text("#verdict")).as("the sentence once, in red below").doesNotContain(text("#passenger").substring("请告知旅客：".length()));
        // F2: the same case in English, rendered again (the reader loop goes on; nothing is decided again)
        robot.type(KeyCode.F2);
        waitForText("#verdict", "not verified");
        assertThat(text("#passenger")).startsWith("Tell the passenger: The website entry differs");
        // the view built again over the same case shows its card and comparison too (the lists came back empty)
        assertThat(onFx(() -> robot.lookup("#photo").queryAll().size())).as("the card's photo").isEqualTo(1);
        assertThat(onFx(() -> robot.lookup(".compare-value").queryAll().size())).as("the compared values").isPositive();
    }

    @Test @org.junit.jupiter.api.DisplayName("D3 an unreadable card is refused and recorded") void anUnreadableCardIsRefusedAndRecorded() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        logIn(TrainingMode.CLERK_ID);
        place("unreadable");
        waitForText("#verdict", "D3");
        assertThat(text("#reader-state")).isEqualTo("证件不予受理");
        assertThat(text("#passenger")).contains("请告知旅客：");
        // no card to show: the decision is read in the card column, and the comparison says there is none
        assertThat(onFx(() -> inCardColumn(robot.lookup("#verdict").query())))
                .as("the decision in the card column").isTrue();
        assertThat(onFx(() -> robot.lookup(".hint").queryAll().stream().filter(n -> n instanceof Labeled && n.isVisible())
                .map(n -> ((Labeled) n).getText()).toList())).contains("（此情形不作逐项比对）").doesNotContain("（证件读完后显示比对结果）");
        assertThat(onFx(() -> robot.lookup("（尚未读卡）").tryQuery().map(Node::isVisible).orElse(false)))
                .as("not \"no card read yet\" beside a refused card").isFalse();
        screenshot("workspace-unreadable-zh");
        // the focus ring shows what Enter does: record; once recorded, the chosen case (not 取消)
        waitFor(() -> onFx(() -> robot.lookup("#record").query().isFocused()));
        robot.type(KeyCode.ENTER);
        waitForText("#recorded", "已记录：不予办理");
        waitFor(() -> onFx(() -> robot.lookup("#case-ON_SITE").query().isFocused()));
        // the next passenger's card is shown in the card column again, the decision below the comparison
        training().sam().remove();
        waitForText("#reader-state", "等待证件");
        place("ordinary");
        waitForText("#verdict", "核验通过");
        assertThat(onFx(() -> !inCardColumn(robot.lookup("#verdict").query())))
                .as("the decision back below the comparison").isTrue();
    }

    @Test @org.junit.jupiter.api.DisplayName("V2 by keyboard alone: the extra factor's field is in view when it takes the focus, and once the factor matches Enter records")
    void theExtraFactorByKeyboardAlone() throws Exception {
        decidedAt(Locale.SIMPLIFIED_CHINESE, 1366, 768 - LayoutAtEverySizeTest.DESKTOP, "foreign-2023-long-name", "V2");
        waitFor(() -> onFx(() -> robot.lookup("#factor-value").query().isFocused()));
        waitFor(() -> onFx(() -> { // below a long comparison: scrolled into view, not left under the decision
            Node field = robot.lookup("#factor-value").query();
            javafx.scene.control.ScrollPane sp = ancestor(field, javafx.scene.control.ScrollPane.class);
            javafx.geometry.Bounds view = sp.localToScene(sp.getLayoutBounds()), b = field.localToScene(field.getLayoutBounds());
            return b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
        }));
        robot.write(TrainingRecords.FACTORS.phoneLast4()).type(KeyCode.ENTER);
        waitForText("#factor-message", "附加信息已核对：一致");
        robot.type(KeyCode.ENTER);
        waitForText("#recorded", "已记录：核验通过");
    }

    @Test @org.junit.jupiter.api.DisplayName("a card's fields beside its photo, wrapped at the width they get, end above the checks' line (they overlapped it)")
    void theFieldsBesideThePhotoEndAboveTheChecks() throws Exception {
        decidedAt(Locale.ENGLISH, 1920, 1080 - LayoutAtEverySizeTest.DESKTOP, "rare-pua", "V2");
        java.util.concurrent.Callable<Double> gap = () -> { // on the JavaFX thread (waitFor, onFx)
            Node block = ancestor(robot.lookup("#photo").query(), PhotoBesideFields.class);
            Node checks = robot.lookup(".checks-ok").query();
            double fieldsEnd = block.localToScene(block.getLayoutBounds()).getMaxY();
            for (Node n : ((javafx.scene.Parent) block).getChildrenUnmodifiable()) fieldsEnd = Math.max(fieldsEnd, n.localToScene(n.getLayoutBounds()).getMaxY());
            return checks.localToScene(checks.getLayoutBounds()).getMinY() - fieldsEnd;
        };
        // measured once laid out: under GTK it was once read mid-layout (-252 px), the next runs were fine
        try {
            waitFor(() -> gap.call() >= 0);
        } catch (TimeoutException e) {
            assertThat(onFx(gap)).as("space between the fields' last line and the checks").isGreaterThanOrEqualTo(0.0);
        }
    }

    @Test @org.junit.jupiter.api.DisplayName("X1 proxy verification takes the proxy's card, then the principal's") void proxyVerificationTakesTwoCardsInOrder() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        logIn(TrainingMode.CLERK_ID);
        chooseCase(KeyCode.F4);
        waitForText("#step", "第 1/2 步：代办人证件");
        place("ordinary");
        waitForText("#step", "第 2/2 步：委托人证件");
        training().sam().remove();
        waitForText("#reader-state", "等待证件");
        assertThat(text("#reader-next")).isEqualTo("请放置委托人证件");
        place("ordinary-female");
        waitForText("#verdict", "核验通过");
        // both documents side by side, each with its role and photo (issue 17)
        waitFor(() -> robot.lookup("#document-PROXY").tryQuery().isPresent() && robot.lookup("#document-PRINCIPAL").tryQuery().isPresent());
        waitFor(() -> robot.lookup("#photo").queryAll().size() == 2);
        assertThat(onFx(() -> robot.lookup("代办人证件").tryQuery().isPresent() && robot.lookup("委托人证件").tryQuery().isPresent())).isTrue();
        screenshot("workspace-proxy-zh");
        robot.type(KeyCode.ENTER);
        waitForText("#recorded", "已记录：核验通过");
    }

    @Test @org.junit.jupiter.api.DisplayName("V2 an agency refuses a special name") void anAgencyRefusesASpecialName() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, "counter.id=AGENCY-TRAINING\ncounter.kind=AGENCY\n");
        logIn(TrainingMode.CLERK_ID);
        place("rare-pua");
        waitForText("#verdict", "不予办理");
        assertThat(text("#verdict")).contains("V2");
        screenshot("workspace-agency-refusal-zh");
        // what an agency never handles is greyed out, the reason on the button; its key says why instead of opening it
        assertThat(onFx(() -> robot.lookup("#case-PRE_VERIFICATION").query().isDisabled())).isTrue();
        assertThat(text("#case-PRE_VERIFICATION")).contains("仅车站售票窗口办理");
        assertThat(onFx(() -> robot.lookup("#case-DUPLICATE_CLAIM").query().isDisabled())).isTrue();
        assertThat(onFx(() -> robot.lookup("#case-PROXY").query().isDisabled())).isFalse();
        robot.type(KeyCode.F8); // not handled here: no question, the reason
        waitForText("#status-line", "只能在车站售票窗口办理");
        assertThat(onFx(() -> robot.lookup("#case-ON_SITE").query().getStyleClass().contains("case-selected"))).isTrue();
    }

    @Test @org.junit.jupiter.api.DisplayName("E2 E5 a stale electronic proof is refused: the passenger shows a refreshed code") void aStaleElectronicProofIsRefusedForARefreshedCode() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        logIn(TrainingMode.CLERK_ID);
        chooseCase(KeyCode.F10);
        waitFor(() -> robot.lookup("#proof-scanner").query().isFocused());
        String stale = training().proof(false, Clock.systemUTC().instant());
        robot.interact(() -> ((TextInputControl) robot.lookup("#proof-scanner").query()).setText(stale)); // the scanner's line
        robot.type(KeyCode.ENTER);
        waitForText("#proof-message", "二维码已过期");
        assertThat(text("#proof-message")).as("no internal code in the Chinese UI").doesNotContain("STALE_CODE");
        assertThat(text("#passenger")).contains("请旅客刷新后重新出示").doesNotContain("公安制证窗口"); // E5 is for a refused proof
        screenshot("workspace-proof-stale-zh");
    }

    @Test @org.junit.jupiter.api.DisplayName("S4 S5 offline the result is recorded, shown waiting, and synced when the central is back") void offlineTheResultIsRecordedAndSyncedWhenTheCentralIsBack() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        logIn(TrainingMode.CLERK_ID);
        training().inject(TrainingMode.Fault.CENTRAL_UNREACHABLE);
        place("ordinary");
        waitForText("#verdict", "交中心核验"); // not "recorded" before Enter (walk-through)
        assertThat(text("#records-note")).isEqualTo("无法连接中心，按离线处理");
        robot.type(KeyCode.ENTER);
        waitForText("#recorded", "已记录");
        waitForText("#status-line", "待上传 1");
        screenshot("workspace-offline-zh");
        training().inject(TrainingMode.Fault.NONE);
        session.nudgeSync();
        waitForText("#status-line", "待上传 0");
        // issue 18: the queue in the clerk's language, the central's answer included: no constant names on screen
        robot.type(KeyCode.F11);
        waitFor(() -> robot.lookup("#queue").tryQuery().isPresent());
        waitFor(() -> shownTexts().stream().anyMatch(t -> t.startsWith("中心：已应用")));
        assertThat(shownTexts()).contains("本人核验").noneMatch(t -> RAW_CONSTANT.matcher(t).find());
        // ↓ chooses the first row, whose id shows below the table; F2 and a text-size change keep the choice (both lost it)
        String synced = session.runtime().store().results().items(org.ticketwindow.idcheck.store.ResultState.SYNCED, 1).getFirst().id();
        robot.interact(() -> robot.lookup("#queue-table").query().requestFocus());
        robot.type(KeyCode.DOWN);
        try {
            waitFor(() -> text("#queue-chosen-id").equals(synced));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(onFx(() -> {
                var t = (javafx.scene.control.TableView<?>) robot.lookup("#queue-table").query();
                return "chosen \"" + text("#queue-chosen-id") + "\", rows " + t.getItems().size() + ", selected "
                        + t.getSelectionModel().getSelectedIndex() + ", focused row " + t.getFocusModel().getFocusedIndex()
                        + ", focus owner " + t.getScene().getFocusOwner();
            }), e);
        }
        Node shownBefore = robot.lookup("#queue-table").query();
        robot.type(KeyCode.F2);
        waitFor(() -> robot.lookup("#queue-table").query() != shownBefore);
        waitFor(() -> text("#queue-chosen-id").equals(synced));
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        robot.type(KeyCode.F2);
        waitFor(() -> shownTexts().contains("本人核验"));
        waitFor(() -> text("#queue-chosen-id").equals(synced));
        // and so does reading the rows again (刷新): the choice followed the row, not the screen's first build
        Node tableBefore = robot.lookup("#queue-table").query();
        fire("#queue-refresh");
        waitFor(() -> text("#queue-chosen-id").equals(synced));
        assertThat(robot.lookup("#queue-table").<Node>query()).as("the same screen, its rows read again").isSameAs(tableBefore);
        robot.type(KeyCode.F1);
        waitFor(() -> robot.lookup(".button").queryAll().stream().anyMatch(n -> "关闭".equals(((Labeled) n).getText())));
        assertThat(robot.lookup(".help-key").queryAll().stream().map(n -> ((Labeled) n).getText()))
                .hasSize(KeyMap.values().length).anyMatch(t -> t.contains("Ctrl+M"));
        // every key shown, down to the last (under a window manager the dialog showed "F1 帮助…"), titled in Chinese
        waitFor(() -> onFx(() -> robot.lookup(".help-key").queryAll().stream().allMatch(n -> shownWhole((Labeled) n))));
        assertThat(onFx(() -> robot.listWindows().stream().filter(w -> w instanceof Stage s && "快捷键".equals(s.getTitle())).count()))
                .as("the dialog's title in the clerk's language").isEqualTo(1L);
    }

    /** Whether a label shows its whole text (its text node holds all of it, no "…"). */
    private static boolean shownWhole(Labeled l) {
        return l.getChildrenUnmodifiable().stream().filter(c -> c instanceof javafx.scene.text.Text).map(c -> ((javafx.scene.text.Text) c).getText())
                .anyMatch(t -> t.replace("\n", "").equals(l.getText().replace("\n", "")));
    }

    /** An enum constant's name as the code spells it (ON_SITE, PENDING_CENTRAL, APPLIED, STALE_CODE…). */
    private static final java.util.regex.Pattern RAW_CONSTANT = java.util.regex.Pattern.compile(
            "\\b(?:[A-Z]{2,}_[A-Z_]+|APPLIED|PASSED|REFUSED|QUEUED|SYNCED|PARKED|DUPLICATE|CONFLICT|REJECTED)\\b");

    /** Every text shown in the main window (labels, buttons, table cells), read on the JavaFX thread. */
    java.util.List<String> shownTexts() {
        return onFx(() -> {
            java.util.List<String> out = new java.util.ArrayList<>();
            java.util.ArrayDeque<javafx.scene.Parent> todo = new java.util.ArrayDeque<>(java.util.List.of(robot.lookup("#queue").query().getScene().getRoot()));
            while (!todo.isEmpty()) {
                for (Node n : todo.pop().getChildrenUnmodifiable()) {
                    if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && n.isVisible()) out.add(l.getText());
                    // a table's wrapping cells show their value as a text node (Views.WrappingCell)
                    if (n instanceof javafx.scene.text.Text t && t.getStyleClass().contains("wrapping-cell-text") && !t.getText().isEmpty()) {
                        out.add(t.getText());
                    }
                    if (n instanceof javafx.scene.Parent c) todo.add(c);
                }
            }
            return out;
        });
    }

    @Test @org.junit.jupiter.api.DisplayName("every main screen in English (screenshots)") void everyMainScreenInEnglish() throws Exception {
        start(Locale.ENGLISH, null);
        screenshot("login-en");
        logIn(TrainingMode.SUPERVISOR_ID);
        place("ordinary");
        waitForText("#verdict", "verified");
        screenshot("workspace-read-en");
        training().sam().remove();
        waitForText("#reader-state", "Waiting for a card");
        chooseCase(KeyCode.F4);
        place("ordinary");
        waitForText("#step", "Step 2/2");
        training().sam().remove();
        waitForText("#reader-state", "Waiting for a card");
        place("ordinary-female");
        waitForText("#verdict", "verified");
        screenshot("workspace-proxy-en");
        chooseCase(KeyCode.F8);
        fire("#tray-mrz");
        waitForText("#entry-number", "EA1234567");
        fire("#entry-use");
        waitForText("#verdict", "pre-verified");
        screenshot("workspace-pre-verification-en");
        chooseCase(KeyCode.F10);
        fire("#tray-proof-stale");
        waitForText("#proof-message", "older than 60 seconds");
        // refreshed on the phone it is shown again: no paper proof from the police desk for that (E5 is for a proof refused)
        assertThat(text("#passenger")).contains("refreshed").doesNotContain("police");
        screenshot("workspace-proof-stale-en");
        robot.type(KeyCode.F11);
        waitFor(() -> robot.lookup("#queue").tryQuery().isPresent());
        screenshot("queue-en");
        robot.press(KeyCode.CONTROL).type(KeyCode.U).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#supervisor").tryQuery().isPresent());
        fire("#audit-verify");
        waitForText("#audit-result", "intact");
        screenshot("supervisor-en");
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        waitForText("#tech-sam", "Security module OK");
        place("ordinary");
        robot.interact(() -> ((TextInputControl) robot.lookup("#tech-reads").query()).setText("20"));
        fire("#tech-calibrate");
        waitForText("#tech-summary", "20 reads");
        screenshot("technician-en");
    }

    @Test @org.junit.jupiter.api.DisplayName("L1 DUP1 E3 over-limit contact, duplicate claim and a valid proof, for the guide") void proxyInChineseForTheGuide() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        logIn(TrainingMode.CLERK_ID);
        chooseCase(KeyCode.F7);
        place("long-term");
        waitForText("#step", "第 2/2 步：联系人证件");
        screenshot("workspace-over-limit-step-zh");
        training().sam().remove();
        waitForText("#reader-state", "等待证件");
        place("ordinary-female");
        waitForText("#verdict", "核验通过");
        screenshot("workspace-over-limit-zh");
        chooseCase(KeyCode.F9);
        training().sam().remove();
        waitForText("#reader-state", "等待证件");
        place("traditional");
        waitForText("#verdict", "身份信息重复申诉");
        assertThat(text("#verdict")).as("nothing is 已登记 before Enter").doesNotContain("已登记");
        screenshot("workspace-duplicate-zh");
        chooseCase(KeyCode.F10);
        fire("#tray-proof-fresh");
        waitForText("#verdict", "本窗口可办理：售票、改签、退票");
        // E3: the proof's note and its decision say the same (they once disagreed: "和实名核验" / "不能用于身份核验")
        assertThat(text("#verdict")).contains("实名制验证").contains("网站账户的身份信息核验仍须身份证原件");
        assertThat(onFx(() -> robot.lookup(".hint").queryAll().stream().filter(n -> n instanceof Labeled)
                .map(n -> ((Labeled) n).getText()).toList())).contains("电子临时乘车身份证明可代替身份证办理购票、改签、退票和实名制验证，不能用于网站账户的身份信息核验。");
        screenshot("workspace-proof-ok-zh");
    }

    void fire(String query) { robot.interact(() -> ((javafx.scene.control.ButtonBase) robot.lookup(query).query()).fire()); }

    @Test @org.junit.jupiter.api.DisplayName("PD1 a technician calibrates the simulated reader and exports the diagnostics bundle") void aTechnicianRunsACalibrationOnTheSimulatedReaderAndExportsTheDiagnostics() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        logIn(TrainingMode.TECHNICIAN_ID);
        waitForText("#tech-sam", "安全模块正常");
        // the module's id on a line of its own, breaking (where too long for it) after a hyphen only, never inside a
        // group of digits ("…-00" / "00000042", "…-00000000" / "42")
        String samLine = onFx(() -> ((Labeled) robot.lookup("#tech-sam").query()).getText());
        int idAt = samLine.indexOf("编号\n") + "编号\n".length();
        String id = samLine.substring(idAt);
        assertThat(id).matches("[0-9.\\-\u200A]+"); // a hair space after each hyphen: JavaFX may wrap there in English too
        assertThat(UnbrokenTest.breaks(samLine, Locale.SIMPLIFIED_CHINESE).stream().filter(at -> at > idAt).map(at -> at - idAt).toList())
                .as(samLine).isEqualTo(UnbrokenTest.after(id, "-\u200A"));
        assertThat(onFx(() -> ((Labeled) robot.lookup("#tech-sam").query()).getAccessibleText()))
                .as("a screen reader reads the id without its marks").endsWith("\n" + id.replace("\u200A", "")).doesNotContain("\u200A");
        waitFor(() -> onFx(() -> !((javafx.scene.layout.Pane) robot.lookup("#tech-readers").query()).getChildrenUnmodifiable().isEmpty()));
        // Ctrl+T again on this screen builds it again: the readers and ports are still listed (the list came back empty)
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> ((javafx.scene.layout.Pane) robot.lookup("#tech-readers").query()).getChildrenUnmodifiable().size()))
                .as("readers and ports after Ctrl+T").isPositive();
        place("ordinary");
        robot.interact(() -> ((TextInputControl) robot.lookup("#tech-reads").query()).setText("20"));
        // by keyboard, as its button says: Enter starts the calibration (it opened the queue, the first button, before)
        robot.type(KeyCode.ENTER);
        waitForText("#tech-summary", "共 20 次");
        assertThat(text("#tech-summary")).contains("成功率 100.0%").containsPattern("用时 \\d+\\.\\d 秒$"); // one decimal: it read "1.036 秒"
        assertThat(text("#tech-codes")).contains("读卡成功 20").doesNotContain("READ");
        // and Enter in the number of reads starts another
        robot.interact(() -> {
            ((TextInputControl) robot.lookup("#tech-reads").query()).setText("10");
            robot.lookup("#tech-reads").query().requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitForText("#tech-summary", "共 10 次");
        waitFor(() -> onFx(() -> !robot.lookup("#tech-calibrate").query().isDisabled()));
        assertThat(robot.lookup("#queue").tryQuery()).as("still on the technician's screen").isEmpty();
        // Enter in a tuning field does not start one
        robot.interact(() -> robot.lookup("#tech-bauds").query().requestFocus());
        robot.type(KeyCode.ENTER);
        assertThat(onFx(() -> robot.lookup("#tech-calibrate").query().isDisabled())).as("no calibration started").isFalse();
        // the technician's log-level switch applies at once
        robot.interact(() -> ((javafx.scene.control.ComboBox<String>) robot.lookup("#tech-log-level").query()).setValue("DEBUG"));
        waitForText("#tech-message", "日志级别已改为 DEBUG");
        assertThat(org.ticketwindow.idcheck.app.logging.LogLevels.current()).isEqualTo("DEBUG");
        robot.interact(() -> ((javafx.scene.control.ComboBox<String>) robot.lookup("#tech-log-level").query()).setValue("INFO"));
        screenshot("technician-zh");
        fire("#tech-export");
        waitForText("#tech-message", "诊断包已保存");
        Path zip = Path.of(text("#tech-message").replaceFirst("^诊断包已保存：", ""));
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            assertThat(z.stream().map(java.util.zip.ZipEntry::getName)).contains("environment.txt", "calibration.json", "sam.txt",
                    "profile/simulator.yaml", "queue.txt", "logs/idcheck.log", "logs/audit.log");
            String calibration = new String(z.getInputStream(z.getEntry("calibration.json")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(calibration).contains("\"reads\" : 10"); // the last calibration's
        }
        // no test card on the reader: nothing measured, and the summary gives no rate (it said "成功率 0.0%")
        training().sam().remove();
        robot.interact(() -> {
            ((TextInputControl) robot.lookup("#tech-reads").query()).setText("5");
            robot.lookup("#tech-reads").query().requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitForText("#tech-message", "读卡器上没有测试卡");
        waitForText("#tech-summary", "未测量");
        assertThat(text("#tech-summary")).doesNotContain("成功率 0").doesNotContain("%");
        assertThat(onFx(() -> robot.lookup("#tech-message").query().getStyleClass().contains("problem"))).as("in red, not a success's green").isTrue();
        // a card placed ends that red line (it stayed, beside the card in the live log): the calibration can start.
        // Placed from the technician's own tray with F5 (training mode; the simulator kept the clerk's last card)
        assertThat(robot.lookup("#tray-card").tryQuery()).as("the technician's tray").isPresent();
        assertThat(robot.lookup("#tray-mrz").tryQuery()).as("the workspace's part of the tray is not here").isEmpty();
        robot.type(KeyCode.F5);
        waitForText("#tech-message", "读卡器上已有证件");
        assertThat(onFx(() -> robot.lookup("#tech-message").query().getStyleClass().contains("problem"))).isFalse();
        // F2 builds the screen again in English: the 5 reads chosen stay 5 (they were 50 again), and the focus stays in
        // the field it was in (it jumped to the first control of the new tree)
        robot.interact(() -> robot.lookup("#tech-reads").query().requestFocus());
        robot.type(KeyCode.F2);
        waitForText("#tech-calibrate", "Start calibration");
        assertThat(text("#tech-reads")).isEqualTo("5");
        assertThat(text("#tech-profile")).as("the profile's English name").contains("Simulated reader (training mode)");
        assertThat(onFx(() -> java.util.List.copyOf(((javafx.scene.control.ListView<?>) robot.lookup("#tech-log").query()).getItems())))
                .as("the live events logged before F2 (the list came back empty), in English now (they stayed Chinese)")
                .anyMatch(l -> l.toString().contains("Calibration started: 5 reads"))
                .anyMatch(l -> l.toString().contains("No test card on the reader"))
                .noneMatch(l -> l.toString().contains("校准开始") || l.toString().contains("读卡器上没有测试卡"));
        waitFor(() -> onFx(() -> robot.lookup("#tech-reads").query().isFocused()));
        robot.type(KeyCode.F2);
        waitForText("#tech-calibrate", "开始校准");
        assertThat(text("#tech-reads")).isEqualTo("5");
        // the next one to log in does not see that result
        robot.type(KeyCode.F12);
        logIn(TrainingMode.TECHNICIAN_ID);
        waitForText("#tech-summary", "（尚未校准）");
        assertThat(text("#tech-message")).doesNotContain("没有测试卡");
        assertThat(text("#tech-reads")).as("the reads chosen leave with the technician who chose them").isEqualTo("50");
        // started with the button (not Enter in a field): the focus stays on the calibration's buttons, not passed on
        // to the events list at the bottom with the page scrolled there
        place("ordinary");
        robot.interact(() -> ((TextInputControl) robot.lookup("#tech-reads").query()).setText("30"));
        robot.interact(() -> robot.lookup("#tech-calibrate").query().requestFocus());
        robot.type(KeyCode.SPACE);
        waitForText("#tech-summary", "共 30 次");
        waitFor(() -> onFx(() -> robot.lookup("#tech-calibrate").query().isFocused()));
        assertThat(onFx(() -> robot.lookup("#tech-message").query().getStyleClass().contains("problem"))).isFalse();
    }

    @Test @org.junit.jupiter.api.DisplayName("D3 a running calibration stops with its Stop button (N of 300); leaving asks first, and the workspace reads only after it has stopped")
    void aCalibrationStopsWithItsButtonAndLeavingTheScreenAsksFirst() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        logIn(TrainingMode.SUPERVISOR_ID); // may calibrate and stand in at the counter (a technician has no workspace)
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        waitForText("#tech-sam", "安全模块正常");
        place("ordinary");
        assertThat(onFx(() -> robot.lookup("#tech-stop").query().isDisabled())).as("nothing to stop yet").isTrue();
        robot.interact(() -> ((TextInputControl) robot.lookup("#tech-reads").query()).setText("300"));
        fire("#tech-calibrate");
        waitFor(() -> !robot.lookup("#tech-stop").query().isDisabled() && text("#tech-summary").startsWith("共 ") && !text("#tech-summary").startsWith("共 0 次"));
        fire("#tech-stop");
        waitForText("#tech-message", "校准已停止：完成 ");
        assertThat(text("#tech-message")).containsPattern("完成 \\d+/300 次，成功率 100.0%");
        assertThat(text("#tech-summary")).contains("（已停止：完成 ").contains("/300 次）");
        assertThat(onFx(() -> robot.lookup("#tech-calibrate").query().isDisabled())).as("a new run can start").isFalse();

        fire("#tech-calibrate");
        waitFor(() -> !robot.lookup("#tech-stop").query().isDisabled());
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> robot.lookup("#leave-stay").tryQuery().isPresent());
        assertThat(onFx(() -> ((javafx.scene.control.DialogPane) robot.lookup("#leave-confirmation").query()).getContentText()))
                .contains("/300 次").contains("停止校准并离开？");
        screenshotOf("#leave-confirmation", "technician-leave-zh");
        fire("#leave-stay"); // keep calibrating: still on the technician screen, still running
        assertThat(onFx(() -> robot.lookup("#technician").tryQuery().isPresent())).isTrue();
        assertThat(onFx(() -> robot.lookup("#tech-stop").query().isDisabled())).isFalse();

        robot.type(KeyCode.ESCAPE);
        waitFor(() -> robot.lookup("#leave-stop").tryQuery().isPresent());
        fire("#leave-stop");
        // the card stays on the reader: the workspace reads it once the calibration has handed the reader back
        // (the reader's own outcome: the verdict also depends on the training central answering the lookup in time)
        waitForText("#reader-state", "读卡成功");
    }

    @Test @org.junit.jupiter.api.DisplayName("P1 a passport is pre-verified from its machine-readable zone") void aPassportIsPreVerifiedFromItsMachineReadableZone() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        logIn(TrainingMode.CLERK_ID);
        chooseCase(KeyCode.F8);
        fire("#tray-mrz");
        waitForText("#entry-number", "EA1234567");
        // Enter on the focused "use this document" button uses it (it did nothing: Enter was the record key only)
        robot.interact(() -> robot.lookup("#entry-use").query().requestFocus());
        robot.type(KeyCode.ENTER);
        waitForText("#verdict", "预核验通过");
        // Enter on a focused 取消 cancels (it recorded: Enter was the record key whatever had the focus)
        robot.interact(() -> robot.lookup("#cancel").query().requestFocus());
        robot.type(KeyCode.ENTER);
        waitForText("#recorded", "已取消，未记录");
        assertThat(text("#verdict")).isEmpty();
        assertThat(session.runtime().store().results().status().queued()).isZero();
        fire("#tray-mrz");
        waitForText("#entry-number", "EA1234567");
        fire("#entry-use");
        waitForText("#verdict", "预核验通过");
        screenshot("workspace-pre-verification-zh");
        // F2: the form keeps the passport it decided on, its scan answer in the new language (a new form came up empty,
        // the decision still ready to record)
        robot.type(KeyCode.F2);
        waitForText("#verdict", "pre-verified");
        assertThat(onFx(() -> ((javafx.scene.control.TextField) robot.lookup("#entry-number").query()).getText())).isEqualTo("EA1234567");
        assertThat(onFx(() -> robot.lookup(".hint").queryAll().stream().filter(n -> n instanceof Labeled && n.isVisible())
                .map(n -> ((Labeled) n).getText()).toList())).contains("Filled from the machine-readable zone: compare with the document");
        robot.type(KeyCode.F2);
        waitForText("#verdict", "预核验通过");
        assertThat(onFx(() -> ((javafx.scene.control.TextField) robot.lookup("#entry-number").query()).getText())).isEqualTo("EA1234567");
        waitFor(() -> onFx(() -> robot.lookup("#record").query().isFocused()));
        robot.type(KeyCode.ENTER);
        waitForText("#recorded", "已记录：预核验通过");
    }

    @Test @org.junit.jupiter.api.DisplayName("the supervisor verifies the audit chain and sees the queue") void theSupervisorVerifiesTheAuditChainAndSeesTheQueue() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        logIn(TrainingMode.SUPERVISOR_ID);
        robot.press(KeyCode.CONTROL).type(KeyCode.U).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#supervisor").tryQuery().isPresent());
        // on entering, the focus is on the clerks' list, not on the way back (核验工作台 (Esc), the first button)
        waitFor(() -> onFx(() -> robot.lookup("#clerks").query().isFocused()));
        fire("#audit-verify");
        waitForText("#audit-result", "审计链完整");
        screenshot("supervisor-zh");
        // the kind filter's list: its first choice reads 全部类别, as the button does (it was a blank line)
        robot.interact(() -> ((javafx.scene.control.ComboBox<?>) robot.lookup("#audit-kind").query()).show());
        waitFor(() -> robot.lookup(".combo-box-popup .list-cell").tryQuery().isPresent());
        assertThat(onFx(() -> ((Labeled) robot.lookup(".combo-box-popup .list-cell").queryAll().iterator().next()).getText()))
                .isEqualTo("全部类别");
        robot.interact(() -> ((javafx.scene.control.ComboBox<?>) robot.lookup("#audit-kind").query()).hide());
        // Enter in the filter shows the entries it finds, as its button does (Enter did nothing there)
        waitFor(() -> onFx(() -> !((javafx.scene.control.ListView<?>) robot.lookup("#audit-entries").query()).getItems().isEmpty()));
        robot.interact(() -> robot.lookup("#audit-filter").query().requestFocus());
        robot.write("zzz-no-such-entry").type(KeyCode.ENTER);
        waitFor(() -> onFx(() -> ((javafx.scene.control.ListView<?>) robot.lookup("#audit-entries").query()).getItems().isEmpty()));
        // F2 builds this screen again in English with the focus still in the filter
        robot.type(KeyCode.F2);
        waitFor(() -> robot.lookup("#audit-show").tryQuery().isPresent() && !text("#audit-show").matches(".*[\\u4e00-\\u9fff].*"));
        waitFor(() -> onFx(() -> robot.lookup("#audit-filter").query().isFocused()));
        robot.type(KeyCode.F2);
        waitFor(() -> robot.lookup("#audit-show").tryQuery().isPresent() && text("#audit-show").matches(".*[\\u4e00-\\u9fff].*"));
        robot.type(KeyCode.F11);
        waitFor(() -> robot.lookup("#queue").tryQuery().isPresent());
        waitFor(() -> onFx(() -> robot.lookup("#queue-table").query().isFocused())); // the list, not a button
        screenshot("queue-zh");
    }

    @Test @org.junit.jupiter.api.DisplayName("the dark theme and larger text keep the workspace readable and are remembered") void theDarkThemeAndLargerTextKeepTheWorkspaceReadable() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        logIn(TrainingMode.CLERK_ID);
        robot.press(KeyCode.CONTROL).type(KeyCode.D).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        place("ordinary");
        waitForText("#verdict", "核验通过");
        screenshot("workspace-dark-large-zh");
        assertThat(Files.readString(dir.resolve("config/ui.properties"))).contains("theme.dark=true", "font.scale=1.1");
    }

    @Test @org.junit.jupiter.api.DisplayName("text-size keys pressed in a row build the technician screen twice at most, at the last size; a screen left meanwhile is not built again")
    void textSizeKeysInARowBuildTheScreenTwiceAtMost() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        logIn(TrainingMode.TECHNICIAN_ID);
        waitForText("#tech-sam", "安全模块正常");
        Scene scene = onFx(() -> robot.lookup("#tech-calibrate").query().getScene());
        java.util.concurrent.atomic.AtomicInteger builds = new java.util.concurrent.atomic.AtomicInteger();
        javafx.util.Subscription counting = onFx(() -> scene.rootProperty().subscribe(r -> builds.incrementAndGet()));
        try {
            builds.set(0);
            // five Ctrl+= as fast as the keyboard repeats: each built the screen again (2–6 s at the largest text)
            int[] seen = new int[2];
            robot.interact(() -> { // in one go on the JavaFX thread: the row's pause cannot end in between
                ctrl(scene, KeyCode.EQUALS);
                seen[0] = builds.get();
                for (int i = 0; i < 4; i++) ctrl(scene, KeyCode.EQUALS);
                seen[1] = builds.get();
            });
            assertThat(seen[0]).as("built at once for the first key").isEqualTo(1);
            assertThat(seen[1]).as("not at once for the other four").isEqualTo(1);
            waitFor(() -> builds.get() == 2);
            waitFor(() -> onFx(() -> scene.getRoot().getStyle().contains("-fx-font-size: 25.5px")));
            Thread.sleep(700);
            assertThat(builds.get()).as("and once more for the other four, not four times").isEqualTo(2);
            assertThat(Files.readString(dir.resolve("config/ui.properties"))).contains("font.scale=1.5");
            // at the largest size another Ctrl+= builds nothing
            robot.interact(() -> ctrl(scene, KeyCode.EQUALS));
            assertThat(builds.get()).as("nothing to build at the largest size").isEqualTo(2);
            // two keys, then the queue (F11) before they settle: the queue is built at the new size, and not again
            builds.set(0);
            robot.interact(() -> {
                ctrl(scene, KeyCode.MINUS);
                ctrl(scene, KeyCode.MINUS);
                javafx.event.Event.fireEvent(scene, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                        KeyCode.F11, false, false, false, false));
            });
            waitFor(() -> robot.lookup("#queue").tryQuery().isPresent());
            Thread.sleep(700);
            assertThat(builds.get()).as("the technician screen at once, then the queue; the queue not built again").isEqualTo(2);
            assertThat(onFx(() -> scene.getRoot().getStyle())).contains("-fx-font-size: 22.1px");
        } finally {
            robot.interact(counting::unsubscribe);
        }
        robot.interact(() -> ctrl(scene, KeyCode.DIGIT0));
        waitFor(() -> onFx(() -> scene.getRoot().getStyle().contains("-fx-font-size: 17.0px")));
    }

    /** A key pressed with Ctrl, as the keyboard sends it to the window. */
    private static void ctrl(Scene scene, KeyCode code) {
        javafx.event.Event.fireEvent(scene, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", code,
                false, true, false, false));
    }

    @Test @org.junit.jupiter.api.DisplayName("a screen left alone is not laid out again and again (idle CPU): workspace, queue, technician, supervisor")
    void anIdleScreenIsNotLaidOutAgainAndAgain() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        logIn(TrainingMode.SUPERVISOR_ID);
        waitForText("#reader-state", "等待证件");
        // the reader column's status area was bound to its scroll pane's viewport bounds, a new object at every pass:
        // another pass at every pulse, for as long as the workspace was open (idle CPU 1.6 % → 6.8 % of a core)
        assertThat(layoutPassesIn3s()).as("layout passes asked for in 3 s of an idle workspace").isLessThanOrEqualTo(6);
        robot.type(KeyCode.F11);
        waitFor(() -> robot.lookup("#queue-table").tryQuery().isPresent());
        assertThat(layoutPassesIn3s()).as("… of the idle queue").isLessThanOrEqualTo(6);
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        waitForText("#tech-sam", "安全模块正常");
        assertThat(layoutPassesIn3s()).as("… of the idle technician screen").isLessThanOrEqualTo(6);
        robot.press(KeyCode.CONTROL).type(KeyCode.U).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#supervisor").tryQuery().isPresent());
        assertThat(layoutPassesIn3s()).as("… of the idle supervisor screen").isLessThanOrEqualTo(6);
    }

    /** How many layout passes the shown screen asks for in 3 s, once its first passes are done. */
    private int layoutPassesIn3s() throws Exception {
        Thread.sleep(1500);
        Scene scene = onFx(() -> window().getScene());
        java.util.concurrent.atomic.AtomicInteger passes = new java.util.concurrent.atomic.AtomicInteger();
        javafx.util.Subscription counting = onFx(() -> scene.getRoot().needsLayoutProperty().subscribe((was, now) -> {
            if (now) passes.incrementAndGet();
        }));
        try {
            Thread.sleep(3000); // the reader polls the simulated reader, the status line is read every 2 s
        } finally {
            robot.interact(counting::unsubscribe);
        }
        return passes.get();
    }

    @Test @org.junit.jupiter.api.DisplayName("a text-size change during the PIN check keeps the check: one log-in, and the case key typed behind Enter")
    void aRestyleDuringThePinCheckKeepsTheCheck() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        waitFor(() -> robot.lookup("#login-id").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#login-id").query().requestFocus());
        // the new form was not busy: the answer went to the old one, F4 behind Enter was lost, Enter could check again
        robot.write(TrainingMode.CLERK_ID).type(KeyCode.TAB).write(TrainingMode.PIN);
        // submitted, Ctrl+= and F4 in one go on the JavaFX thread: the check's answer cannot come in between
        robot.interact(() -> {
            Scene scene = robot.lookup("#login-id").query().getScene();
            ((javafx.scene.control.ButtonBase) robot.lookup("#login-submit").query()).fire();
            ctrl(scene, KeyCode.EQUALS);
            assertThat(robot.lookup("#login-submit").query().isDisabled()).as("the rebuilt form still checking").isTrue();
            javafx.event.Event.fireEvent(scene, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    KeyCode.F4, false, false, false, false));
        });
        waitFor(() -> robot.lookup("#reader-state").tryQuery().isPresent());
        waitFor(() -> onFx(() -> robot.lookup("#case-PROXY").query().getStyleClass().contains("case-selected")));
        assertThat(session.runtime().store().audit().recent(1, 100, org.ticketwindow.idcheck.store.AuditKind.LOGIN,
                e -> e.actor().equals(TrainingMode.CLERK_ID)).entries()).as("one log-in").hasSize(1);
    }

    @Test @org.junit.jupiter.api.DisplayName("what was typed on the login screen stays through a text-size change and F2")
    void theTypedLoginStaysThroughARestyle() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        waitFor(() -> robot.lookup("#login-id").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#login-id").query().requestFocus());
        // a wrong id chosen whole (Ctrl+A), the text made larger, then the right one typed over it: the selection
        // stayed through the rebuild (the digits were added after the wrong id)
        robot.write("9999");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        waitFor(() -> onFx(() -> robot.lookup("#login-id").query().getScene().getRoot().getStyle().contains("18.7px")));
        waitFor(() -> onFx(() -> robot.lookup("#login-id").query().isFocused()));
        robot.write(TrainingMode.CLERK_ID);
        assertThat(text("#login-id")).isEqualTo(TrainingMode.CLERK_ID);
        robot.type(KeyCode.TAB).write("12");
        Node typedInto = robot.lookup("#login-id").query();
        // Ctrl+= built the login screen again, empty, with the cursor back in the clerk id
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        robot.type(KeyCode.F2);
        waitFor(() -> robot.lookup("#login-id").query() != typedInto); // the screen is built again
        waitFor(() -> onFx(() -> robot.lookup("#login-id").query().getScene().getRoot().getStyle().contains("20.4px")));
        waitFor(() -> onFx(() -> robot.lookup("#login-pin").query().isFocused()));
        assertThat(onFx(() -> ((TextInputControl) robot.lookup("#login-id").query()).getText())).isEqualTo(TrainingMode.CLERK_ID);
        assertThat(onFx(() -> ((TextInputControl) robot.lookup("#login-pin").query()).getText())).isEqualTo("12");
        robot.write(TrainingMode.PIN.substring(2)).type(KeyCode.ENTER);
        try {
            waitFor(() -> robot.lookup("#reader-state").tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not logged in: " + text("#login-message") + " / pin "
                    + onFx(() -> ((TextInputControl) robot.lookup("#login-pin").query()).getText().length()), e);
        }
    }

    @Test @org.junit.jupiter.api.DisplayName("a case key typed while the PIN is checked opens that case in the workspace; after a wrong PIN it is not kept")
    void aCaseKeyTypedDuringTheLoginCheckIsKept() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        waitFor(() -> robot.lookup("#login-id").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#login-id").query().requestFocus());
        // a wrong PIN with F7 behind it: the login screen stays, and the key is dropped with the failed try
        robot.write(TrainingMode.CLERK_ID).type(KeyCode.TAB).write("999999").type(KeyCode.ENTER).type(KeyCode.F7);
        waitForText("#login-message", "工号或密码不正确");
        robot.interact(() -> robot.lookup("#login-pin").query().requestFocus());
        robot.write(TrainingMode.PIN).type(KeyCode.ENTER); // no case key this time: the default case, not F7's
        waitFor(() -> robot.lookup("#reader-state").tryQuery().isPresent());
        waitFor(() -> onFx(() -> robot.lookup("#case-ON_SITE").query().getStyleClass().contains("case-selected")));
        assertThat(onFx(() -> robot.lookup("#case-OVER_LIMIT_CONTACT").query().getStyleClass().contains("case-selected"))).isFalse();
        // logged out and in again, F4 right behind Enter, into the PIN check (PBKDF2, ~0.3–3 s): it was lost
        robot.type(KeyCode.F12);
        waitFor(() -> robot.lookup("#login-id").tryQuery().isPresent());
        // the log-out is in the audit beside the log-in (there were log-ins only)
        waitFor(() -> session.runtime().store().audit().recent(1, 100, org.ticketwindow.idcheck.store.AuditKind.LOGOUT,
                e -> e.actor().equals(TrainingMode.CLERK_ID)).entries().size() == 1);
        robot.interact(() -> robot.lookup("#login-id").query().requestFocus());
        robot.write(TrainingMode.CLERK_ID).type(KeyCode.TAB).write(TrainingMode.PIN).type(KeyCode.ENTER).type(KeyCode.F4);
        waitFor(() -> robot.lookup("#reader-state").tryQuery().isPresent());
        waitFor(() -> onFx(() -> robot.lookup("#case-PROXY").query().getStyleClass().contains("case-selected")));
        waitFor(() -> onFx(() -> robot.lookup("#case-PROXY").query().isFocused()));
        // F2 builds the workspace again in English: the ring stays on the open case (it sat on On-site (F3))
        robot.type(KeyCode.F2);
        waitForText("#case-PROXY", "Proxy");
        waitFor(() -> onFx(() -> robot.lookup("#case-PROXY").query().isFocused()));
        assertThat(onFx(() -> robot.lookup("#case-ON_SITE").query().isFocused())).isFalse();
        // and a control other than the case's keeps the focus too: the queue's button, back in Chinese
        robot.interact(() -> robot.lookup("#nav-QUEUE").query().requestFocus());
        robot.type(KeyCode.F2);
        waitForText("#case-PROXY", "代办核验");
        waitFor(() -> onFx(() -> robot.lookup("#nav-QUEUE").query().isFocused()));
    }

    @Test @org.junit.jupiter.api.DisplayName("a workspace left behind (F2, text size, log-out) is let go: its listeners and its tray's F5/F6 leave with it")
    void aWorkspaceLeftBehindIsLetGo() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        logIn(TrainingMode.CLERK_ID);
        java.lang.ref.WeakReference<Node> first = onFx(() -> new java.lang.ref.WeakReference<>(robot.lookup("#tray-place").query()));
        robot.type(KeyCode.F2); // the workspace is built again over the same case, in English
        waitFor(() -> text("#tray-place").startsWith("Place"));
        // kept by its listeners on the case's view model until log-out (a walk-through filled the heap with F2 and text sizes)
        assertThat(letGo(first)).as("the workspace view before F2").isTrue();
        java.lang.ref.WeakReference<Node> second = onFx(() -> new java.lang.ref.WeakReference<>(robot.lookup("#tray-place").query()));
        robot.type(KeyCode.F12);
        logIn(TrainingMode.CLERK_ID);
        // kept by its tray's key filter on the window's one scene: 13 log-ins kept 13 workspaces, and one F5 placed a card
        // from every tray ever built (on the technician screen too)
        assertThat(letGo(second)).as("the workspace view before log-out").isTrue();
        robot.type(KeyCode.F5);
        waitFor(() -> !text("#reader-state").equals("Waiting for a card"));
    }

    @Test @org.junit.jupiter.api.DisplayName("no work lost: another case asks before dropping a decision (Enter keeps it), reset asks, F8 puts the cursor in the MRZ field, the tray shows the simulator's state after the queue")
    void noWorkIsLostByAStrayKey() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE, null);
        logIn(TrainingMode.CLERK_ID);
        place("ordinary");
        waitForText("#verdict", "核验通过");
        robot.type(KeyCode.F4);
        waitFor(() -> robot.lookup("#case-switch").tryQuery().isPresent());
        screenshotOf("#case-switch", "workspace-case-switch-zh");
        robot.type(KeyCode.ENTER); // the default keeps the case
        waitFor(() -> robot.lookup("#case-switch").tryQuery().isEmpty());
        assertThat(text("#verdict")).contains("核验通过");
        assertThat(onFx(() -> robot.lookup("#case-ON_SITE").query().getStyleClass().contains("case-selected"))).isTrue();
        // logging out (F12) or leaving for the queue (F11) asks too: both dropped the decision at once, unrecorded
        for (KeyCode leave : java.util.List.of(KeyCode.F12, KeyCode.F11)) {
            robot.type(leave);
            waitFor(() -> robot.lookup("#leave-workspace").tryQuery().isPresent());
            waitFor(() -> shownWhole("#leave-workspace-yes"));
            robot.type(KeyCode.ENTER); // the default keeps the decision, on the workspace
            waitFor(() -> robot.lookup("#leave-workspace").tryQuery().isEmpty());
            assertThat(text("#verdict")).contains("核验通过");
            assertThat(robot.lookup("#reader-state").tryQuery()).isPresent();
        }
        // and so does the window's ✕ (it closed the console at once)
        robot.interact(() -> window().fireEvent(new javafx.stage.WindowEvent(window(), javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(() -> robot.lookup("#close-window").tryQuery().isPresent());
        waitFor(() -> shownWhole("#close-window-yes"));
        assertThat(onFx(() -> ((javafx.scene.control.Button) robot.lookup("#close-window-no").query()).isDefaultButton()))
                .as("keeping is the default").isTrue();
        fire("#close-window-no"); // (Enter, as above: a dialog opened from a fired event may not have the keyboard here)
        waitFor(() -> robot.lookup("#close-window").tryQuery().isEmpty());
        assertThat(onFx(() -> window().isShowing())).as("the console still open").isTrue();
        assertThat(text("#verdict")).contains("核验通过");
        robot.type(KeyCode.F4);
        waitFor(() -> robot.lookup("#case-switch-yes").tryQuery().isPresent());
        fire("#case-switch-yes");
        waitFor(() -> onFx(() -> robot.lookup("#case-PROXY").query().getStyleClass().contains("case-selected")));
        assertThat(text("#verdict")).isEmpty();
        training().sam().remove();
        waitForText("#reader-state", "等待证件");
        chooseCase(KeyCode.F8);
        waitFor(() -> onFx(() -> robot.lookup("#entry-mrz").query().getScene().getFocusOwner() == robot.lookup("#entry-mrz").query()));
        assertThat(text("#entry-problems")).as("no errors before anything is typed").isEmpty();
        // the tray after the queue: the card on the reader and the fault injected are what the simulator has
        robot.interact(() -> {
            @SuppressWarnings("unchecked") var cards = (javafx.scene.control.ListView<TrainingMode.TrayCard>) robot.lookup("#tray-card").query();
            cards.getSelectionModel().select(cards.getItems().stream().filter(c -> c.id().equals("long-term")).findFirst().orElseThrow());
            @SuppressWarnings("unchecked") var faults = (javafx.scene.control.ComboBox<TrainingMode.Fault>) robot.lookup("#tray-fault").query();
            faults.getSelectionModel().select(TrainingMode.Fault.CENTRAL_UNREACHABLE);
        });
        fire("#tray-place");
        robot.type(KeyCode.F11);
        waitFor(() -> robot.lookup("#queue").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> robot.lookup("#tray-card").tryQuery().isPresent());
        assertThat(onFx(() -> ((javafx.scene.control.ListView<?>) robot.lookup("#tray-card").query()).getSelectionModel().getSelectedItem().toString())).contains("long-term");
        assertThat(onFx(() -> ((javafx.scene.control.ComboBox<?>) robot.lookup("#tray-fault").query()).getValue()))
                .isEqualTo(TrainingMode.Fault.CENTRAL_UNREACHABLE);
        assertThat(training().injected()).isEqualTo(TrainingMode.Fault.CENTRAL_UNREACHABLE);
        // 重置实训数据 asks first; Enter does not reset
        fire("#tray-reset");
        waitFor(() -> robot.lookup("#reset-confirmation").tryQuery().isPresent());
        screenshotOf("#reset-confirmation", "workspace-reset-confirmation-zh");
        robot.type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#reset-confirmation").tryQuery().isEmpty());
    }
}
