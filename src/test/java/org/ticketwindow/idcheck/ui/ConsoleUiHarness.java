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
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.ticketwindow.idcheck.app.AppHome;
import org.ticketwindow.idcheck.app.ConsoleSession;
import org.ticketwindow.idcheck.app.TrainingMode;
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
 * What the console's TestFX tests share: the console as a clerk uses it, on JavaFX's Monocle headless platform
 * (TestFX): training mode with the simulated reader polled by the real reader loop, the in-process central over HTTP, the real store and sync worker, keys typed
 * through the glass robot. With {@code -Didcheck.screenshots=DIR} each main screen is also saved as a PNG.
 */
abstract class ConsoleUiHarness {
    @TempDir Path dir;
    ConsoleSession session;
    ConsoleApp app;
    final FxRobot robot = new FxRobot();

    void start(Locale locale, String counterProperties) throws Exception {
        start(locale, counterProperties, 1280, 800); // the smallest counter screen, where the screenshots in docs/ are taken
    }

    /** The console started in training mode, opened maximised as on a counter, then restored to the size given. */
    void start(Locale locale, String counterProperties, int width, int height) throws Exception {
        AppHome home = new AppHome(dir);
        if (counterProperties != null) {
            Files.createDirectories(home.config());
            Files.writeString(home.counterSettings(), counterProperties);
        }
        session = ConsoleSession.open(home, Clock.systemUTC());
        ConsoleApp.use(session, locale);
        FxToolkit.registerPrimaryStage();
        app = (ConsoleApp) FxToolkit.setupApplication(ConsoleApp.class);
        maximisedAtStart = onFx(() -> window().isMaximized());
        resize(width, height);
    }

    /** Whether the console opened maximised (it is then resized to the size a test looks at). */
    boolean maximisedAtStart;

    /** The console's window. */
    static Stage window() {
        return (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing()).findFirst().orElseThrow();
    }

    /** The window restored to {@code width} × {@code height}, as on a counter screen of that size. */
    void resize(int width, int height) {
        robot.interact(() -> {
            Stage stage = window();
            stage.setMaximized(false);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Without JavaFX's native libraries (freetype, fontconfig, pango) the toolkit cannot start: skip, saying why. */
    @org.junit.jupiter.api.BeforeAll static void toolkit() {
        try {
            FxToolkit.registerPrimaryStage();
        } catch (Throwable e) {
            String why = "JavaFX cannot start here (" + e + "); .ci/run installs libfreetype6 libfontconfig1 libpangoft2-1.0-0";
            System.out.println("SKIPPED ConsoleUiTest: " + why);
            org.junit.jupiter.api.Assumptions.abort(why);
        }
    }

    @AfterEach void stop() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app); // closes the session
        FxToolkit.cleanupStages();
    }

    TrainingMode training() { return session.training().orElseThrow(); }

    void logIn(String id) throws TimeoutException {
        waitFor(() -> robot.lookup("#login-id").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#login-id").query().requestFocus());
        robot.write(id).type(KeyCode.TAB).write(TrainingMode.PIN).type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#reader-state").tryQuery().isPresent() || robot.lookup("#technician").tryQuery().isPresent());
    }

    /**
     * Whether {@code ref}'s node is collected within 2 s of asking for collections. TestFX keeps the events it fired
     * (with their targets, the nodes typed at) for its own reports: forgotten first, or every node typed at stays.
     */
    boolean letGo(java.lang.ref.WeakReference<?> ref) throws Exception {
        var field = org.testfx.api.FxToolkitContext.class.getDeclaredField("firedEvents");
        field.setAccessible(true);
        var fired = (org.testfx.service.support.FiredEvents) field.get(org.testfx.api.FxToolkit.toolkitContext());
        if (fired != null) robot.interact(fired::clearEvents);
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ref.get() == null;
    }

    /** Whether {@code n} is shown in the card column (the decision is, when there is nothing to compare). */
    static boolean inCardColumn(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) if ("card-area".equals(p.getId())) return true;
        return false;
    }

    /** The nearest ancestor of {@code n} of the given type, or null. */
    static <T extends Node> T ancestor(Node n, Class<T> type) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) if (type.isInstance(p)) return type.cast(p);
        return null;
    }

    /** Logged in as the training clerk at a window of {@code width} × {@code height}, {@code card} on the reader, decided. */
    void decidedAt(Locale locale, int width, int height, String card, String code) throws Exception {
        start(locale, null, width, height);
        logIn(TrainingMode.CLERK_ID);
        place(card);
        waitFor(() -> text("#verdict").contains(code));
    }

    void place(String card) throws Exception { training().sam().place(CardFixture.builtIn(card)); }

    /** The text of a label or field, read on the JavaFX thread (the scene graph is not safe to walk from here). */
    String text(String query) {
        Callable<String> read = () -> {
            Node n = robot.lookup(query).query();
            return n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText();
        };
        return asRead(onFx(read));
    }

    /** A text as the person reads it: without the invisible no-break marks and no-break spaces ({@link Unbroken}). */
    static String asRead(String text) { return Unbroken.plain(text); }

    static <T> T onFx(Callable<T> work) {
        try {
            return javafx.application.Platform.isFxApplicationThread() ? work.call() : WaitForAsyncUtils.asyncFx(work).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> onFx(condition));
    }

    void waitForText(String query, String part) throws TimeoutException {
        try {
            waitFor(() -> robot.lookup(query).tryQuery().isPresent() && text(query).contains(part));
        } catch (TimeoutException e) {
            throw new AssertionError(query + " never contained \"" + part + "\"; it says \"" + text(query) + "\"", e);
        }
    }

    /**
     * Chooses a case by its key (F3–F10). A decision on screen that is not recorded is dropped: the console asks
     * first, and this answers yes.
     */
    void chooseCase(KeyCode key) throws TimeoutException {
        boolean unrecorded = onFx(() -> robot.lookup("#record").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.type(key);
        if (unrecorded) {
            waitFor(() -> robot.lookup("#case-switch-yes").tryQuery().isPresent());
            waitFor(() -> shownWhole("#case-switch-yes")); // the choice to drop the decision, whole (it ended in "...")
            robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#case-switch-yes").query()).fire());
            waitFor(() -> robot.lookup("#case-switch").tryQuery().isEmpty());
        }
    }

    /** The button or label shows its whole text ("Drop it and switch to Proxy ..." was cut in a 560 px dialog). */
    boolean shownWhole(String query) {
        return onFx(() -> {
            Labeled l = (Labeled) robot.lookup(query).query();
            return l.lookup(".text") instanceof javafx.scene.text.Text shown && shown.getText().equals(l.getText());
        });
    }

    /** Saves the window as {@code name}.png when screenshots are asked for. */
    void screenshot(String name) throws Exception {
        screenshot(name, () -> Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing()).findFirst().orElseThrow().getScene());
    }

    /** Saves the window holding {@code query} (a dialog, say) as {@code name}.png when screenshots are asked for. */
    void screenshotOf(String query, String name) throws Exception {
        screenshot(name, () -> robot.lookup(query).query().getScene());
    }

    private void screenshot(String name, Callable<Scene> which) throws Exception {
        String to = System.getProperty("idcheck.screenshots", "");
        if (to.isBlank()) return;
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = onFx(which);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> { // laid out to the end first, as the next pulse shows it: a width found during one layout
            // pass (a card's least width) is used in the next, and the picture of the first showed a name cut at the edge
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            image[0] = scene.snapshot(null);
        });
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image[0].getPixelReader();
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out.setRGB(x, y, pixels.getArgb(x, y));
        Path dirPath = Path.of(to);
        Files.createDirectories(dirPath);
        ImageIO.write(out, "png", dirPath.resolve(name + ".png").toFile());
    }
}
