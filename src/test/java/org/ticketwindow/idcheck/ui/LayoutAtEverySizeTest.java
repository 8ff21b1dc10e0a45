package org.ticketwindow.idcheck.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ticketwindow.idcheck.app.TrainingMode;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's screens at the counters' screen sizes (1280×800, 1366×768, 1920×1080), in both languages, at the normal
 * and the largest text size: no text is cut off (no label shows an ellipsis or runs past the window, its scroll pane or
 * its list), and the controls each role must reach are inside the window. The clerk's workspace: both documents of a
 * proxy case side by side with their photos where the screen has the width, the record button, the case buttons and
 * the status line. The technician's screen: the reader list readable without scrolling sideways, a calibration's
 * result. The supervisor's screen: the audit list narrowed by its filter, the settings. Screenshots of each setting
 * with {@code -Didcheck.screenshots=DIR}.
 */
class LayoutAtEverySizeTest extends ConsoleUiHarness {

    /** Every counter screen size × language × text size (1.5: UiPreferences.MAX_SCALE). */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> everySize() {
        List<org.junit.jupiter.params.provider.Arguments> out = new ArrayList<>();
        for (double scale : new double[]{1.0, 1.5}) {
            for (String language : List.of("zh", "en")) {
                for (int[] size : new int[][]{{1280, 800}, {1366, 768}, {1920, 1080}}) {
                    // -Didcheck.layout.only=1366x768-en-large: one setting, while a layout is being worked on
                    String only = System.getProperty("idcheck.layout.only", "");
                    if (!shotName(size[0], size[1], language, scale, "").contains(only)) continue;
                    out.add(org.junit.jupiter.params.provider.Arguments.of(size[0], size[1], language, scale));
                }
            }
        }
        return out.stream();
    }

    /** The console started at a size, in a language, with the text scale a clerk may have chosen. */
    private void startAt(int width, int height, String language, double scale) throws Exception {
        if (scale != 1.0) {
            Files.createDirectories(dir.resolve("config"));
            Files.writeString(dir.resolve("config/ui.properties"), "font.scale=" + scale + "\n");
        }
        start(language.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH, null, width, height - DESKTOP);
        assertThat(maximisedAtStart).as("the console opens maximised").isTrue();
    }

    /**
     * What a maximised window does not get of the screen on a counter's desktop: its title bar and the task bar (a
     * walk-through under a window manager found the card's last lines and the decision cut at the full screen's height).
     */
    static final int DESKTOP = 72;

    private static String shotName(int width, int height, String language, double scale, String what) {
        return String.format(Locale.ROOT, "size-%dx%d-%s%s-%s", width, height, language, scale == 1.0 ? "" : "-large", what);
    }

    /** What the clerk must reach on the workspace. */
    private static final List<String> WORKSPACE_CONTROLS = List.of("#record", "#status-line", "#case-ON_SITE", "#case-TICKET_SERVICE", "#verdict");

    @ParameterizedTest(name = "{0}×{1} {2} text ×{3}")
    @MethodSource("everySize")
    @DisplayName("N4 nothing is cut off and the proxy case shows both documents, at every size, language and text size")
    void nothingIsCutOff(int width, int height, String language, double scale) throws Exception {
        startAt(width, height, language, scale);
        logIn(TrainingMode.CLERK_ID);
        double trayAt = onFx(() -> bounds("#tray-place").getMinY());
        // the tray's Place (F5) in view at the normal text size (below the card list it was under the fold at
        // 1366×768 in English); at larger text the column scrolls
        if (scale == 1.0) {
            assertThat(onFx(() -> pxOutOfView("#tray-place"))).as(shotName(width, height, language, scale, "start")
                    + ": px of Place (F5) out of view").isLessThanOrEqualTo(1.0);
        }
        // the banner in one line at work: station, counter and clerk side by side (the title gives way, it is in the
        // window's title bar)
        assertThat(onFx(() -> Math.abs(bounds("#banner-counter").getMinY() - bounds("#banner-clerk").getMinY())))
                .as(shotName(width, height, language, scale, "start") + ": the clerk's name beside the counter").isLessThan(1.0);
        robot.type(KeyCode.F4);
        place("ordinary");
        waitFor(() -> robot.lookup("#document-PROXY").tryQuery().isPresent());
        training().sam().remove();
        waitFor(() -> vmReaderWaiting());
        place("ordinary-female");
        waitFor(() -> robot.lookup("#photo").queryAll().size() == 2 && !text("#verdict").isEmpty());
        // the step lines and the two slots appeared above the training controls: they did not move (no jumping layout)
        assertThat(onFx(() -> bounds("#tray-place").getMinY())).as("the training controls stay where they are").isEqualTo(trayAt);
        String name = shotName(width, height, language, scale, "proxy");
        screenshot(name);
        assertNothingCutOff(name, WORKSPACE_CONTROLS);
        assertThat(onFx(LayoutAtEverySizeTest::brokenValues)).as(name + ": compared values broken across lines").isEmpty();
        // with rows to compare, the comparison gives way to the decision down to about three lines, not to its heading
        assertThat(onFx(() -> scrollPaneOf(robot.lookup("#comparison").query()).getHeight()
                - WorkspaceView.COMPARISON_FLOOR_EM * ((Labeled) robot.lookup("#records-note").query()).getFont().getSize()))
                .as(name + ": px the comparison has above its floor of 4.5 em").isGreaterThanOrEqualTo(-1.0);
        // and the decision, read at a glance, is whole without scrolling at every setting: at the largest text on a
        // 768-line screen it showed two of its lines, the comparison at its floor above it
        assertThat(onFx(() -> {
            javafx.scene.control.ScrollPane sp = scrollPaneOf(robot.lookup("#verdict").query());
            return sp.getContent().getLayoutBounds().getHeight() - sp.getViewportBounds().getHeight();
        })).as(name + ": px of the decision hidden below its area").isLessThanOrEqualTo(1.0);
        if (width >= 1366 && scale == 1.0) { // where the screen has the width, the two documents sit side by side
            assertThat(onFx(() -> {
                Bounds a = bounds("#document-PROXY"), b = bounds("#document-PRINCIPAL");
                return Math.abs(a.getMinY() - b.getMinY()) < 1 && b.getMinX() > a.getMaxX();
            })).as("the two documents side by side").isTrue();
        }
        // a foreign long name, the field the clerk compares, is never cut
        robot.type(KeyCode.ENTER);
        waitFor(() -> !text("#recorded").isEmpty());
        // recorded, the card still on the reader: "take the card off the reader…" and the recorded line, whole
        waitFor(() -> !text("#reader-next").isEmpty() && text("#verdict").isEmpty());
        screenshot(shotName(width, height, language, scale, "recorded"));
        assertNothingCutOff(name + " recorded", WORKSPACE_CONTROLS);
        training().sam().remove();
        waitFor(() -> vmReaderWaiting());
        robot.type(KeyCode.F3);
        waitFor(() -> onFx(() -> robot.lookup("#case-ON_SITE").query().getStyleClass().contains("case-selected")));
        place("foreign-2023-long-name");
        try {
            waitFor(() -> robot.lookup("#photo").queryAll().size() == 1 && !text("#verdict").isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the long name's card never showed: reader " + text("#reader-state") + " / "
                    + text("#reader-next") + ", photos " + onFx(() -> robot.lookup("#photo").queryAll().size())
                    + ", verdict \"" + text("#verdict") + "\"", e);
        }
        screenshot(shotName(width, height, language, scale, "long-name"));
        assertNothingCutOff(name + " long name", WORKSPACE_CONTROLS);
        assertThat(onFx(LayoutAtEverySizeTest::brokenValues)).as(name + " long name: compared values broken across lines").isEmpty();
        if (width >= 1366 && scale == 1.0) { // the labels go above their values only where the card is too narrow for a column
            var labels = onFx(() -> robot.lookup(".card-field-label").queryAll().stream()
                    .map(n -> n.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("above"))).toList());
            assertThat(labels).as(name + " long name: the card's labels beside its values").isNotEmpty().containsOnly(false);
        }
        if (width == 1280 && scale > 1.0) { // where the card column is narrowest, the labels above (the name has the width)
            var labels = onFx(() -> robot.lookup(".card-field-label").queryAll().stream()
                    .map(n -> n.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("above"))).toList());
            assertThat(labels).as(name + " long name: the card's labels above its values").isNotEmpty().containsOnly(true);
        }
        // a refusal's sentence for the passenger (D3, the longest) is read whole, without scrolling
        robot.type(KeyCode.ESCAPE);
        training().sam().remove();
        waitFor(() -> vmReaderWaiting());
        place("unreadable");
        waitFor(() -> !text("#passenger").isEmpty());
        screenshot(shotName(width, height, language, scale, "refusal"));
        assertNothingCutOff(name + " refusal", WORKSPACE_CONTROLS);
        // with no card to show, the decision is read in the card column: whole, at every setting, the largest text too
        assertThat(onFx(() -> {
            javafx.scene.control.ScrollPane sp = scrollPaneOf(robot.lookup("#passenger").query());
            return sp.getContent().getLayoutBounds().getHeight() - sp.getViewportBounds().getHeight();
        })).as(name + " refusal: px of the decision below its area").isLessThanOrEqualTo(1.0);
        // the proxy case refused at its second card (the principal's cannot be read): the proxy's card stays shown, and
        // the refusal beside it is read whole as well
        robot.type(KeyCode.ESCAPE);
        training().sam().remove();
        waitFor(() -> vmReaderWaiting());
        robot.type(KeyCode.F4);
        place("ordinary");
        waitFor(() -> robot.lookup("#document-PROXY").tryQuery().isPresent());
        training().sam().remove();
        waitFor(() -> vmReaderWaiting());
        // the clerk scrolled down through the proxy's card (large text): the refusal must still come into view
        robot.interact(() -> scrollPaneOf(robot.lookup("#document-PROXY").query()).setVvalue(1));
        place("unreadable");
        waitFor(() -> !text("#passenger").isEmpty());
        screenshot(shotName(width, height, language, scale, "proxy-refusal"));
        assertNothingCutOff(name + " proxy refusal", WORKSPACE_CONTROLS);
        assertThat(onFx(() -> robot.lookup("#document-PROXY").tryQuery().isPresent())).as(name + " proxy refusal: the proxy's card shown").isTrue();
        // the refusal in view as it comes, without scrolling (the proxy's card below it may scroll)
        assertThat(onFx(() -> pxOutOfView("#verdict") + pxOutOfView("#passenger")))
                .as(name + " proxy refusal: px of the decision out of view").isLessThanOrEqualTo(1.0);
        // the documents read (✔ the proxy's, ✘ the principal's) in view in the reader's status area as they come: the
        // ✘ line was below that area's fold at every size, under the refusal's explanation
        assertThat(onFx(() -> pxOutOfEveryView("#slots"))).as(name + " proxy refusal: px of the documents read out of view").isLessThanOrEqualTo(1.0);
    }

    /**
     * How many px of {@code id} lie outside what the scroll panes around it show at their present positions (the
     * reader's status area inside the left column: each may hide a part).
     */
    private double pxOutOfEveryView(String id) {
        Node n = robot.lookup(id).query();
        double out = 0;
        assertThat(scrollPaneOf(n)).as(id + " in a scroll pane (else this measures nothing)").isNotNull();
        for (javafx.scene.control.ScrollPane sp = scrollPaneOf(n); sp != null; sp = scrollPaneOf(sp)) {
            Bounds shown = n.localToScene(n.getLayoutBounds());
            javafx.geometry.Bounds view = sp.localToScene(sp.getViewportBounds().getWidth() > 0
                    ? new javafx.geometry.BoundingBox(sp.getInsets().getLeft(), sp.getInsets().getTop(),
                    sp.getViewportBounds().getWidth(), sp.getViewportBounds().getHeight()) : sp.getLayoutBounds());
            out += Math.max(0, view.getMinY() - shown.getMinY()) + Math.max(0, shown.getMaxY() - view.getMaxY());
        }
        return out;
    }

    /** How many px of {@code id} lie outside what its scroll pane shows at its present scroll position. */
    private double pxOutOfView(String id) {
        Node n = robot.lookup(id).query();
        javafx.scene.control.ScrollPane sp = scrollPaneOf(n);
        Bounds b = sp.getContent().sceneToLocal(n.localToScene(n.getLayoutBounds()));
        double hidden = Math.max(0, sp.getContent().getLayoutBounds().getHeight() - sp.getViewportBounds().getHeight());
        double top = sp.getVvalue() * hidden, bottom = top + sp.getViewportBounds().getHeight();
        return Math.max(0, top - b.getMinY()) + Math.max(0, b.getMaxY() - bottom);
    }

    @ParameterizedTest(name = "{0}×{1} {2} text ×{3}")
    @MethodSource("everySize")
    @DisplayName("D3 the technician's screen: the reader list reads without scrolling sideways and a calibration's result is whole, at every size, language and text size")
    void theTechniciansScreenAtEverySize(int width, int height, String language, double scale) throws Exception {
        startAt(width, height, language, scale);
        logIn(TrainingMode.TECHNICIAN_ID);
        waitForText("#tech-sam", language.equals("zh") ? "安全模块正常" : "Security module OK");
        waitFor(() -> onFx(() -> !((javafx.scene.layout.Pane) robot.lookup("#tech-readers").query()).getChildrenUnmodifiable().isEmpty()));
        place("ordinary");
        robot.interact(() -> ((javafx.scene.control.TextInputControl) robot.lookup("#tech-reads").query()).setText("20"));
        robot.interact(() -> ((javafx.scene.control.ButtonBase) robot.lookup("#tech-calibrate").query()).fire());
        waitForText("#tech-summary", language.equals("zh") ? "共 20 次" : "20 reads");
        waitFor(() -> !text("#tech-codes").isEmpty());
        String name = shotName(width, height, language, scale, "technician");
        screenshot(name);
        // the security module's line sits under the readers and the profile: at large text on a 768-line screen the
        // devices column scrolls to it
        assertNothingCutOff(name, List.of("#tech-readers", "#tech-calibrate", "#tech-summary"),
                List.of("#tech-sam", "#tech-codes", "#tech-save", "#tech-export", "#tech-log-level", "#tray-place", "#tray-card"));
    }

    @ParameterizedTest(name = "{0}×{1} {2} text ×{3}")
    @MethodSource("everySize")
    @DisplayName("the supervisor's screen: the audit entries narrowed by kind and the settings are whole, at every size, language and text size")
    void theSupervisorsScreenAtEverySize(int width, int height, String language, double scale) throws Exception {
        startAt(width, height, language, scale);
        logIn(TrainingMode.SUPERVISOR_ID);
        robot.press(KeyCode.CONTROL).type(KeyCode.U).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#supervisor").tryQuery().isPresent());
        robot.interact(() -> ((javafx.scene.control.ButtonBase) robot.lookup("#audit-verify").query()).fire());
        waitFor(() -> !text("#audit-result").isEmpty());
        robot.interact(() -> {
            @SuppressWarnings("unchecked") var kind = (javafx.scene.control.ComboBox<org.ticketwindow.idcheck.store.AuditKind>)
                    robot.lookup("#audit-kind").query();
            kind.setValue(org.ticketwindow.idcheck.store.AuditKind.LOGIN);
            ((javafx.scene.control.ButtonBase) robot.lookup("#audit-show").query()).fire();
        });
        waitFor(() -> onFx(() -> {
            var entries = ((javafx.scene.control.ListView<org.ticketwindow.idcheck.store.AuditTrail.Entry>) robot.lookup("#audit-entries").query()).getItems();
            return !entries.isEmpty() && entries.stream().allMatch(e -> e.kind() == org.ticketwindow.idcheck.store.AuditKind.LOGIN);
        }));
        String name = shotName(width, height, language, scale, "supervisor");
        screenshot(name);
        assertNothingCutOff(name, List.of("#clerks", "#audit-verify", "#audit-result", "#audit-kind", "#audit-filter",
                "#audit-show", "#audit-entries"), List.of("#settings-save"));
    }

    @ParameterizedTest(name = "{0}×{1} {2} text ×{3}")
    @MethodSource("everySize")
    @DisplayName("P1 E3 the pre-verification form with its decision and the electronic proof: nothing cut, the verdict in view, at every size, language and text size")
    void thePreVerificationFormAndTheProofAtEverySize(int width, int height, String language, double scale) throws Exception {
        startAt(width, height, language, scale);
        logIn(TrainingMode.CLERK_ID);
        robot.type(KeyCode.F8);
        waitFor(() -> onFx(() -> robot.lookup("#entry-mrz").query().isFocused()));
        String name = shotName(width, height, language, scale, "pre-verification-form");
        screenshot(name);
        // the walk-through found "passp…", prompts cut to "yyyy-mm-dd," and the instruction cut in its field
        assertNothingCutOff(name, List.of("#entry-mrz", "#entry-type", "#record"), List.of("#entry-validUntil", "#entry-use"));
        fireButton("#tray-mrz");
        waitFor(() -> !onFx(() -> ((javafx.scene.control.TextField) robot.lookup("#entry-number").query()).getText()).isEmpty());
        fireButton("#entry-use");
        waitFor(() -> !text("#verdict").isEmpty());
        name = shotName(width, height, language, scale, "pre-verification");
        screenshot(name);
        // the decision gives way to nothing but its notes: the comparison above it at its floor first (assertNothingCutOff),
        // and its verdict line in view as it comes
        assertNothingCutOff(name, List.of("#record", "#verdict"), List.of("#entry-use"));
        assertThat(onFx(() -> {
            Node verdict = robot.lookup("#verdict").query();
            javafx.scene.control.ScrollPane sp = scrollPaneOf(verdict);
            // its first line whole, not a pixel of it
            double firstLine = ((Labeled) verdict).getFont().getSize() * 1.3;
            return sp.getVvalue() == 0 && verdict.getBoundsInParent().getMinY() + firstLine <= sp.getViewportBounds().getHeight();
        })).as(name + ": the verdict's first line in view").isTrue();
        robot.type(KeyCode.ENTER);
        waitFor(() -> !text("#recorded").isEmpty());
        robot.type(KeyCode.F10);
        waitFor(() -> onFx(() -> robot.lookup("#proof-scanner").query().isFocused()));
        fireButton("#tray-proof-fresh");
        waitFor(() -> !text("#proof-message").isEmpty());
        name = shotName(width, height, language, scale, "proof");
        screenshot(name);
        // the walk-through found the image button, the help and the holder's line running past the column's edge
        assertNothingCutOff(name, List.of("#proof-image", "#proof-message", "#record", "#nothing-to-record"));
        // a ticket-service answer records nothing, and says so beside the greyed record button
        assertThat(text("#nothing-to-record")).isNotEmpty();
    }

    private void fireButton(String query) { robot.interact(() -> ((javafx.scene.control.ButtonBase) robot.lookup(query).query()).fire()); }

    @ParameterizedTest(name = "{0}×{1} {2} text ×{3}")
    @MethodSource("everySize")
    @DisplayName("S4 the upload queue: a parked result's reason, a synced result's answer and the ids are whole, at every size, language and text size")
    void theQueueScreenAtEverySize(int width, int height, String language, double scale) throws Exception {
        startAt(width, height, language, scale);
        // the login screen first, as every role sees it
        waitFor(() -> robot.lookup("#login-id").tryQuery().isPresent());
        screenshot(shotName(width, height, language, scale, "login"));
        assertNothingCutOff(shotName(width, height, language, scale, "login"), List.of("#login-id", "#login-pin", "#login-message"));
        logIn(TrainingMode.SUPERVISOR_ID);
        place("ordinary");
        waitFor(() -> !text("#verdict").isEmpty());
        // leaving for the queue with the decision not recorded asks first: the question and its buttons whole
        robot.type(KeyCode.F11);
        waitFor(() -> robot.lookup("#leave-workspace").tryQuery().isPresent());
        screenshotOf("#leave-workspace", shotName(width, height, language, scale, "leave-question"));
        assertThat(onFx(() -> cutInTheWindowOf("#leave-workspace")))
                .as(shotName(width, height, language, scale, "leave-question")).isEmpty();
        robot.type(KeyCode.ENTER); // the default keeps the decision
        waitFor(() -> robot.lookup("#leave-workspace").tryQuery().isEmpty());
        // and so does closing the window (its ✕)
        robot.interact(() -> window().fireEvent(new javafx.stage.WindowEvent(window(), javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(() -> robot.lookup("#close-window").tryQuery().isPresent());
        screenshotOf("#close-window", shotName(width, height, language, scale, "close-question"));
        assertThat(onFx(() -> cutInTheWindowOf("#close-window")))
                .as(shotName(width, height, language, scale, "close-question")).isEmpty();
        robot.interact(() -> ((javafx.scene.control.ButtonBase) robot.lookup("#close-window-no").query()).fire());
        waitFor(() -> robot.lookup("#close-window").tryQuery().isEmpty());
        robot.type(KeyCode.ENTER); // recorded, then synced by the training central
        waitFor(() -> session.runtime().store().results().status().synced() == 1);
        training().sam().remove();
        waitFor(() -> vmReaderWaiting());
        place("ordinary-female");
        waitFor(() -> !text("#verdict").isEmpty());
        robot.type(KeyCode.ENTER);
        // the second one parked, with the central's longest kind of reason (as the sync worker stores it)
        waitFor(() -> session.runtime().store().results().status().synced() == 2);
        var second = session.runtime().store().results().items(org.ticketwindow.idcheck.store.ResultState.SYNCED, 10).getFirst();
        session.runtime().store().results().park(List.of(new org.ticketwindow.idcheck.store.ResultQueue.Answered(second.id(),
                org.ticketwindow.idcheck.text.Text.of("sync.poison", 5, "HTTP 500: the central's database did not answer in time").stored())));
        robot.type(KeyCode.F11);
        waitFor(() -> onFx(() -> ((javafx.scene.control.TableView<?>) robot.lookup("#queue-table").query()).getItems().size() == 2));
        // the parked one first; chosen, its id is read whole below the table (a column of ids cut them to "01a2…")
        robot.interact(() -> ((javafx.scene.control.TableView<?>) robot.lookup("#queue-table").query()).getSelectionModel().select(0));
        assertThat(text("#queue-chosen-id")).isEqualTo(second.id());
        String name = shotName(width, height, language, scale, "queue");
        screenshot(name);
        // the keys (F1): every one whole, the dialog on the screen with its close button (one column of them ran below
        // a 768-line screen at the largest text)
        robot.type(KeyCode.F1);
        waitFor(() -> robot.lookup("#help-keys").tryQuery().isPresent());
        screenshotOf("#help-keys", shotName(width, height, language, scale, "help"));
        assertThat(onFx(() -> cutInTheWindowOf("#help-keys"))).as(shotName(width, height, language, scale, "help")).isEmpty();
        assertThat(onFx(() -> robot.lookup("#help-keys").query().getScene().getWindow().getHeight()))
                .as(shotName(width, height, language, scale, "help") + ": the dialog's height on a screen " + height + " high")
                .isLessThanOrEqualTo(height - DESKTOP + 0.0);
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> robot.lookup("#help-keys").tryQuery().isEmpty());
        assertNothingCutOff(name, List.of("#queue-table", "#queue-sync", "#queue-retry", "#queue-chosen-id", "#status-line"));
        // the cells' wrapped lines all inside their row (a row measured before its width was known cut them off)
        assertThat(onFx(() -> {
            List<String> out = new ArrayList<>();
            for (Node n : robot.lookup("#queue-table").query().lookupAll(".wrapping-cell-text")) {
                if (!(n instanceof Text t) || !n.isVisible() || t.getText().isEmpty() || !(n.getParent() instanceof javafx.scene.control.IndexedCell<?> cell)) continue;
                Bounds b = t.getBoundsInParent();
                if (b.getMaxY() > cell.getHeight() + 1) {
                    out.add("\"" + t.getText() + "\" needs " + Math.round(b.getMaxY()) + " px of a cell " + Math.round(cell.getHeight()) + " px high");
                }
                // its lines wrap inside the cell's padding (wrapped at the column's whole width, a full line's last
                // letters were clipped)
                if (b.getMaxX() > cell.getWidth() - cell.snappedRightInset() + 1) {
                    out.add("\"" + t.getText() + "\" wraps at " + Math.round(b.getMaxX()) + " px in a cell " + Math.round(cell.getWidth())
                            + " px wide (right padding " + Math.round(cell.snappedRightInset()) + ")");
                }
            }
            return out;
        })).as(name + ": cells whose lines do not fit").isEmpty();
        assertThat(onFx(() -> robot.lookup("#queue-table").query().lookupAll(".wrapping-cell-text").stream()
                .anyMatch(n -> ((Text) n).getText().startsWith(language.equals("zh") ? "中心在处理" : "the central failed"))))
                .as(name + ": the parked result's reason found (else the check above saw nothing)").isTrue();
        assertThat(onFx(() -> {
            var field = (javafx.scene.control.TextField) robot.lookup("#queue-chosen-id").query();
            var shown = new Text(field.getText());
            shown.setFont(field.getFont());
            return field.getWidth() - field.getInsets().getLeft() - field.getInsets().getRight() - shown.getLayoutBounds().getWidth();
        })).as(name + ": px to spare around the chosen result's id").isGreaterThanOrEqualTo(0.0);
    }

    /** The labels of the window holding {@code query} (a dialog) that show less than their text or run past its edge. */
    private List<String> cutInTheWindowOf(String query) {
        Scene scene = robot.lookup(query).query().getScene();
        settle(scene);
        List<String> out = new ArrayList<>();
        walk(scene.getRoot(), out);
        return out;
    }

    private boolean vmReaderWaiting() {
        String state = text("#reader-state");
        return state.contains("等待证件") || state.contains("Waiting for a card");
    }

    private Bounds bounds(String query) {
        Node n = robot.lookup(query).query();
        return n.localToScene(n.getBoundsInLocal());
    }

    /** Every visible label shows its whole text; the controls {@code reachable} (lookups) are inside the window. */
    private void assertNothingCutOff(String where, List<String> reachable) throws Exception {
        assertNothingCutOff(where, reachable, List.of());
    }

    /**
     * As above; and each of {@code scrolledTo}, in a screen that scrolls up and down (large text), is inside the window
     * once its scroll pane is scrolled to it, with nothing cut there either.
     */
    private void assertNothingCutOff(String where, List<String> reachable, List<String> scrolledTo) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = onFx(() -> {
            Scene scene = window().getScene();
            settle(scene);
            List<String> out = new ArrayList<>();
            walk(scene.getRoot(), out);
            if (System.getProperty("debug.layout") != null) dump(scene.getRoot(), 0);
            for (String id : reachable) insideTheWindow(id, out);
            if (robot.lookup("#verdict").tryQuery().isPresent()) decisionWhole(out);
            for (String id : reachable) insideItsPanel(id, out);
            return out;
        });
        for (String id : scrolledTo) {
            robot.interact(() -> scrollTo(robot.lookup(id).query()));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            problems.addAll(onFx(() -> {
                List<String> out = new ArrayList<>();
                settle(window().getScene());
                walk(window().getScene().getRoot(), out);
                insideTheWindow(id, out);
                return out.stream().map(p -> p.startsWith(id) ? p : p + " (scrolled to " + id + ")").toList();
            }));
        }
        assertThat(problems.stream().distinct().toList()).as(where).isEmpty();
    }

    /**
     * Lays the scene out now: a label whose text changed since the last pulse (the status line after a sync) would
     * otherwise still hold its old text node and read as cut.
     */
    private static void settle(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }

    /**
     * The decision is shown whole without scrolling; where its column is too short for that, the comparison above it
     * has given way first, down to its least (decision 0017). In the card column (nothing to compare) it is in view.
     */
    private void decisionWhole(List<String> out) {
        Node verdict = robot.lookup("#verdict").query();
        javafx.scene.control.ScrollPane sp = scrollPaneOf(verdict);
        if (sp == null || !verdict.isVisible() || ((Labeled) verdict).getText().isEmpty()) return; // nothing decided: nothing to read
        if (inCardColumn(verdict)) { // nothing to compare: at the top of the card column, in view as it comes
            double px = pxOutOfView("#verdict") + pxOutOfView("#passenger");
            if (px > 1) out.add("the decision in the card column has " + Math.round(px) + " px out of view: \"" + text("#passenger") + "\"");
            return;
        }
        double content = sp.getContent().getLayoutBounds().getHeight();
        double shown = sp.getViewportBounds().getHeight();
        javafx.scene.control.ScrollPane comparison = scrollPaneOf(robot.lookup("#comparison").query());
        double room = comparison.getHeight() - comparison.minHeight(-1);
        if (shown + 1 < content && room > 8) { // a few pixels of the layout's rounding, less than a line
            out.add("the decision shows " + Math.round(shown) + " px of its " + Math.round(content) + " px while the comparison"
                    + " keeps " + Math.round(room) + " px it could give: \"" + text("#passenger") + "\"");
        }
    }

    /**
     * The comparison's values of one word (an ID number, a date) that wrap onto a second line: the clerk reads an
     * 18-digit number digit by digit against the website's, and "91182619900715022" / "5" misleads.
     */
    private static List<String> brokenValues() {
        List<String> out = new ArrayList<>();
        for (Node n : window().getScene().getRoot().lookupAll(".compare-value")) {
            if (n instanceof Labeled l && n.isVisible() && l.getText() != null && !l.getText().isBlank() && !l.getText().matches(".*\\s.*")
                    && l.getHeight() > 1.5 * l.prefHeight(Double.MAX_VALUE)) {
                out.add("\"" + l.getText().replaceAll("\\d(?=\\d{4})", "*") + "\" shown on " + Math.round(l.getHeight()) + " px, one line is "
                        + Math.round(l.prefHeight(Double.MAX_VALUE)) + " px, at " + Math.round(l.getWidth()) + " px wide");
            }
        }
        return out;
    }

    /** A control inside a panel (a bordered column) lies within the panel's border and padding: the record button ran into them. */
    private void insideItsPanel(String id, List<String> out) {
        Node n = robot.lookup(id).query();
        for (javafx.scene.Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("panel")) {
                Bounds b = n.localToScene(n.getLayoutBounds()), panel = p.localToScene(p.getLayoutBounds());
                javafx.geometry.Insets in = ((javafx.scene.layout.Region) p).getInsets(); // its border and padding
                if (b.getMaxX() > panel.getMaxX() - in.getRight() + 0.5 || b.getMinX() < panel.getMinX() + in.getLeft() - 0.5) {
                    out.add(id + " runs past its panel's edge: " + Math.round(b.getMinX()) + "–" + Math.round(b.getMaxX())
                            + " in " + Math.round(panel.getMinX()) + "–" + Math.round(panel.getMaxX()));
                }
                return;
            }
        }
    }

    private static javafx.scene.control.ScrollPane scrollPaneOf(Node n) {
        return ancestor(n, javafx.scene.control.ScrollPane.class);
    }

    private void insideTheWindow(String id, List<String> out) {
        Scene scene = window().getScene();
        Node n = robot.lookup(id).query();
        Bounds b = n.localToScene(n.getBoundsInLocal());
        // a long text (a decision at large text, a list) scrolls within its own area: its start is in the window
        if (id.equals("#verdict") || n instanceof javafx.scene.control.Control && !(n instanceof Labeled)
                && !(n instanceof javafx.scene.control.ComboBoxBase<?>) && !(n instanceof javafx.scene.control.TextInputControl)) {
            b = new javafx.geometry.BoundingBox(b.getMinX(), b.getMinY(), b.getWidth(), Math.min(b.getHeight(), 30));
        }
        if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > scene.getWidth() + 0.5 || b.getMaxY() > scene.getHeight() + 0.5) {
            out.add(id + " is outside the window: " + b);
        }
    }

    /** Scrolls the scroll pane holding {@code n} (if any) so that {@code n} is in its viewport, as a user would. */
    private static void scrollTo(Node n) {
        javafx.scene.control.ScrollPane sp = scrollPaneOf(n);
        if (sp == null || sp.getContent() == null) return;
        Views.scrollIntoView(sp, n); // the console's own scrolling to what has the focus
        sp.layout();
    }

    /**
     * Collects every visible label that shows less than its text: an ellipsis, or a part outside the scroll pane
     * (without a horizontal scroll bar), the list or table, or the window it sits in.
     */
    private static void walk(Node n, List<String> out) {
        walk(n, null, n.getScene().getHeight(), out);
    }

    /**
     * {@code bottom}: how far down (scene y) a label can be brought into view — the end of its scroll pane's content,
     * or the window's edge; NaN inside a list or table, which scroll their own lines.
     */
    private static void walk(Node n, Bounds viewport, double bottom, List<String> out) {
        if (!n.isVisible()) return;
        if (n instanceof javafx.scene.control.ScrollPane sp && sp.getHbarPolicy() == javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER
                || n instanceof javafx.scene.control.ListView<?> || n instanceof javafx.scene.control.TableView<?>) {
            // a line of a list or table that runs past its right edge must be scrolled sideways to be read
            viewport = n.localToScene(n.getLayoutBounds());
        }
        if (n instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            // scrolled to its end, the content's last line is in view; a line below the content's end never is
            bottom = sp.getContent().localToScene(sp.getContent().getLayoutBounds()).getMaxY();
        } else if (n instanceof javafx.scene.control.ListView<?> || n instanceof javafx.scene.control.TableView<?>) {
            bottom = Double.NaN;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            Bounds b = l.localToScene(l.getLayoutBounds());
            double right = viewport != null ? viewport.getMaxX() : n.getScene().getWidth();
            if (b.getMaxX() > right + 1 && (viewport == null || b.getMinY() < viewport.getMaxY())) {
                out.add(name(l) + " runs " + Math.round(b.getMaxX() - right) + " px past the edge: \"" + l.getText() + "\"");
            }
            if (b.getMaxY() > bottom + 1) {
                out.add(name(l) + " lies " + Math.round(b.getMaxY() - bottom) + " px below what scrolls into view: \"" + l.getText() + "\"");
            }
            brokenInsideAWord(l).ifPresent(word -> out.add(name(l) + " breaks inside \"" + word + "\" (wider than its "
                    + Math.round(((Text) l.lookup(".text")).getWrappingWidth()) + " px): \"" + l.getText() + "\""));
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && c.isVisible() && !t.getText().equals(l.getText())
                        && !t.getText().replace("\n", "").equals(l.getText().replace("\n", ""))) {
                    out.add(name(l) + " shows \"" + t.getText() + "\" of \"" + l.getText() + "\"");
                }
            }
        }
        if (n instanceof javafx.scene.control.TextField f && f.getText().isEmpty() && f.getPromptText() != null && !f.getPromptText().isEmpty()) {
            Text prompt = new Text(f.getPromptText());
            prompt.setFont(f.getFont());
            double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
            if (prompt.getLayoutBounds().getWidth() > room + 1) {
                out.add("#" + f.getId() + "'s prompt is cut: \"" + f.getPromptText() + "\" (" + Math.round(prompt.getLayoutBounds().getWidth()) + " px in " + Math.round(room) + ")");
            }
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) walk(c, viewport, bottom, out);
    }

    /**
     * A piece of a wrapping label's text that no line may break inside (a number, a word, an id kept whole) but that is
     * wider than the label's lines: the text layout then breaks it anywhere ("…-00000000" / "42"). A path (the
     * installation file's, a technician's detail) breaks where it must: it has no place the line rules would take.
     */
    private static java.util.Optional<String> brokenInsideAWord(Labeled l) {
        if (!l.isWrapText() || !(l.lookup(".text") instanceof Text t) || t.getWrappingWidth() <= 0) return java.util.Optional.empty();
        Text measure = new Text();
        measure.setFont(t.getFont());
        for (String word : Unbroken.words(t.getText())) {
            if (word.contains("/")) continue;
            measure.setText(word);
            if (measure.getLayoutBounds().getWidth() > t.getWrappingWidth() + 0.5) return java.util.Optional.of(word);
        }
        return java.util.Optional.empty();
    }

    private static void dump(Node n, int depth) {
        if (depth > 7 || !(n instanceof javafx.scene.layout.Region r)) return;
        double w = r.getWidth();
        System.out.printf("%s%s%s h=%.0f min=%.0f pref=%.0f%n", "  ".repeat(depth), r.getClass().getSimpleName(), r.getStyleClass(),
                r.getHeight(), r.minHeight(w), r.prefHeight(w));
        for (Node c : r.getChildrenUnmodifiable()) dump(c, depth + 1);
    }

    private static String name(Labeled l) {
        return l.getId() == null ? l.getClass().getSimpleName() + l.getStyleClass() : "#" + l.getId();
    }
}
