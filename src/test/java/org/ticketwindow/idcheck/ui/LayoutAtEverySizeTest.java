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
import org.junit.jupiter.params.provider.CsvSource;
import org.ticketwindow.idcheck.app.TrainingMode;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace at the counters' screen sizes (1280×800, 1366×768, 1920×1080), in both languages, at the normal and
 * the largest text size: no text is cut off (no label shows an ellipsis), both documents of a proxy case are side by
 * side with their photos where the screen has the width, and the record button, the case buttons and the status line
 * are inside the window. Screenshots of each setting with {@code -Didcheck.screenshots=DIR}.
 */
class LayoutAtEverySizeTest extends ConsoleUiHarness {

    @ParameterizedTest(name = "{0}×{1} {2} text ×{3}")
    @CsvSource({
            "1280, 800, zh, 1.0", "1366, 768, zh, 1.0", "1920, 1080, zh, 1.0",
            "1280, 800, en, 1.0", "1366, 768, en, 1.0", "1920, 1080, en, 1.0",
            "1280, 800, zh, 1.5", "1366, 768, zh, 1.5", "1920, 1080, zh, 1.5", // 1.5: UiPreferences.MAX_SCALE
            "1280, 800, en, 1.5", "1366, 768, en, 1.5", "1920, 1080, en, 1.5"})
    @DisplayName("N4 nothing is cut off and the proxy case shows both documents, at every size, language and text size")
    void nothingIsCutOff(int width, int height, String language, double scale) throws Exception {
        if (scale != 1.0) {
            Files.createDirectories(dir.resolve("config"));
            Files.writeString(dir.resolve("config/ui.properties"), "font.scale=" + scale + "\n");
        }
        start(language.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH, null, width, height);
        assertThat(maximisedAtStart).as("the console opens maximised").isTrue();
        logIn(TrainingMode.CLERK_ID);
        double trayAt = onFx(() -> bounds("#tray-place").getMinY());
        robot.type(KeyCode.F4);
        place("ordinary");
        waitFor(() -> robot.lookup("#document-PROXY").tryQuery().isPresent());
        training().sam().remove();
        waitFor(() -> vmReaderWaiting());
        place("ordinary-female");
        waitFor(() -> robot.lookup("#photo").queryAll().size() == 2 && !text("#verdict").isEmpty());
        // the step lines and the two slots appeared above the training controls: they did not move (no jumping layout)
        assertThat(onFx(() -> bounds("#tray-place").getMinY())).as("the training controls stay where they are").isEqualTo(trayAt);
        String name = String.format(Locale.ROOT, "size-%dx%d-%s%s-proxy", width, height, language, scale == 1.0 ? "" : "-large");
        screenshot(name);
        assertNothingCutOff(name);
        if (width >= 1366 && scale == 1.0) { // where the screen has the width, the two documents sit side by side
            assertThat(onFx(() -> {
                Bounds a = bounds("#document-PROXY"), b = bounds("#document-PRINCIPAL");
                return Math.abs(a.getMinY() - b.getMinY()) < 1 && b.getMinX() > a.getMaxX();
            })).as("the two documents side by side").isTrue();
        }
        // a foreign long name, the field the clerk compares, is never cut
        robot.type(KeyCode.ENTER);
        waitFor(() -> !text("#recorded").isEmpty());
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
        screenshot(String.format(Locale.ROOT, "size-%dx%d-%s%s-long-name", width, height, language, scale == 1.0 ? "" : "-large"));
        assertNothingCutOff(name + " long name");
    }

    private boolean vmReaderWaiting() {
        String state = text("#reader-state");
        return state.contains("等待证件") || state.contains("Waiting for a card");
    }

    private Bounds bounds(String query) {
        Node n = robot.lookup(query).query();
        return n.localToScene(n.getBoundsInLocal());
    }

    /** Every visible label shows its whole text; the controls the clerk must reach are inside the window. */
    private void assertNothingCutOff(String where) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = onFx(() -> {
            Scene scene = window().getScene();
            List<String> out = new ArrayList<>();
            walk(scene.getRoot(), out);
            if (System.getProperty("debug.layout") != null) dump(scene.getRoot(), 0);
            for (String id : List.of("#record", "#status-line", "#case-ON_SITE", "#case-TICKET_SERVICE", "#verdict")) {
                Node n = robot.lookup(id).query();
                Bounds b = n.localToScene(n.getBoundsInLocal());
                // a long decision at large text scrolls within its own area: its start is in the window
                if (id.equals("#verdict")) b = new javafx.geometry.BoundingBox(b.getMinX(), b.getMinY(), b.getWidth(), 30);
                if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > scene.getWidth() + 0.5 || b.getMaxY() > scene.getHeight() + 0.5) {
                    out.add(id + " is outside the window: " + b);
                }
            }
            return out;
        });
        assertThat(problems).as(where).isEmpty();
    }

    /**
     * Collects every visible label that shows less than its text: an ellipsis, or a part outside the scroll pane
     * (without a horizontal scroll bar) or the window it sits in.
     */
    private static void walk(Node n, List<String> out) {
        walk(n, null, out);
    }

    private static void walk(Node n, Bounds viewport, List<String> out) {
        if (!n.isVisible()) return;
        if (n instanceof javafx.scene.control.ScrollPane sp && sp.getHbarPolicy() == javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER) {
            viewport = sp.localToScene(sp.getLayoutBounds());
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            Bounds b = l.localToScene(l.getLayoutBounds());
            double right = viewport != null ? viewport.getMaxX() : n.getScene().getWidth();
            if (b.getMaxX() > right + 1 && (viewport == null || b.getMinY() < viewport.getMaxY())) {
                out.add(name(l) + " runs " + Math.round(b.getMaxX() - right) + " px past the edge: \"" + l.getText() + "\"");
            }
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && c.isVisible() && !t.getText().equals(l.getText())
                        && !t.getText().replace("\n", "").equals(l.getText().replace("\n", ""))) {
                    out.add(name(l) + " shows \"" + t.getText() + "\" of \"" + l.getText() + "\"");
                }
            }
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) walk(c, viewport, out);
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
