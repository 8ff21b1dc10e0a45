package org.ticketwindow.idcheck.ui;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.ticketwindow.idcheck.app.AppHome;
import org.ticketwindow.idcheck.app.ConsoleSession;
import org.ticketwindow.idcheck.app.CounterSettings;
import org.ticketwindow.idcheck.identity.RailwayTime;
import org.ticketwindow.idcheck.reader.ReaderLoop;
import org.ticketwindow.idcheck.reader.ReaderUse;
import org.ticketwindow.idcheck.store.Clerk;
import org.ticketwindow.idcheck.verify.CaseKind;
import org.ticketwindow.idcheck.ui.ConsoleShell.Screen;
import org.ticketwindow.idcheck.store.QueueStatus;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The clerk console's window once launched: banner (station, counter, kind, 实训模式), the login screen, then by role
 * the workspace, the queue view, the technician screen and the supervisor screen, with the queue status line and the
 * navigation on every screen. It carries out the shell's decisions ({@link ConsoleShell}) and leaves a screen only once
 * it has handed the reader back; the screens themselves come from {@link ConsoleScreens}.
 */
final class ConsoleWindow {
    private final Stage stage;
    private final Scene scene;
    private final AppHome home;
    private final Tasks tasks;
    private final ExecutorService readerThread;
    /** Started from the technician launcher: a technician or supervisor goes straight to the technician screen. */
    private final boolean technicianStart;
    private final String fontFamily;
    private final List<String> chineseFonts;
    private final Label statusLine = new Label();
    /** The text's size at the normal step, in px; the clerk's text size multiplies it. */
    private static final double ROOT_FONT_PX = 17;
    /** The banner's padding left and right ({@code .banner} in console.css). */
    private static final double BANNER_PADDING = 32;
    /** The window's least height, in lines of its text, at which it is not short (markShort). */
    private static final double SHORT_LINES = 32;
    private static final javafx.css.PseudoClass SHORT = javafx.css.PseudoClass.getPseudoClass("short");
    /** Set by markShort: the banner's title follows it. */
    private final javafx.beans.property.BooleanProperty shortWindow = new javafx.beans.property.SimpleBooleanProperty();
    /** A notice for the clerk on the status line stays this long before the sync state (refreshed every 2 s) returns. */
    private static final long NOTICE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    private long noticeUntil = System.nanoTime();

    /** Opened in the background while the login screen is already on show (the screen waits for it to log in). */
    private ConsoleSession session;
    /** Builds the screens from the session once it is open. */
    private ConsoleScreens screens;
    private CounterSettings settings;
    private String startFailure;
    private boolean loginMarked;
    private Messages messages;
    private Clerk clerk;
    private ReaderLoop readerLoop;
    /** The technician screen is handing the reader back: navigation waits for it (see leaveThen). */
    private boolean leaving;
    private WorkspaceViewModel workspace;
    /** The workspace's pre-verification form: made with {@link #workspace}, kept through a language or text-size change. */
    private EntryFormViewModel entry;
    private WorkspaceView workspaceView;
    private TechnicianView technicianView;
    private TechnicianViewModel technician;
    private Screen screen;
    /** A case key pressed while the PIN was being checked: the clerk's next step, taken once the workspace is up. */
    private CaseKind typedAhead;
    private LoginViewModel login;
    private UiPreferences preferences;
    /** The preferences the screen on show was built with (a text-size change made while others wait is not lost). */
    private UiPreferences shownWith;
    /**
     * Text-size keys pressed in a row build the screen twice at most: at once for the first, then once for all the
     * others, when none has come for a moment. Each build takes up to a second at the largest text on a slow machine;
     * five Ctrl+− in a row held the keyboard for 2–6 s, and a login typed meanwhile was lost (walk-through).
     */
    private final javafx.animation.PauseTransition textSizeSettles =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(350));
    /** Made in the background after start (synthesising and loading the cues must not delay the login screen). */
    private Sounds sounds;

    ConsoleWindow(Stage stage, Scene scene, AppHome home, CounterSettings settings, String startFailure, Messages messages,
                  Tasks tasks, ExecutorService readerThread, boolean technicianStart, List<String> chineseFonts) {
        this.stage = stage;
        this.scene = scene;
        this.home = home;
        this.settings = settings;
        this.startFailure = startFailure;
        this.messages = messages;
        this.tasks = tasks;
        this.readerThread = readerThread;
        this.technicianStart = technicianStart;
        this.chineseFonts = chineseFonts;
        this.fontFamily = chineseFonts.isEmpty() ? null : chineseFonts.getFirst();
        this.preferences = UiPreferences.load(preferencesFile());
        statusLine.setId("status-line");
        scene.heightProperty().subscribe(this::markShort);
        // the rest of a row of text-size keys; another screen shown meanwhile (F12, F11) has the newest size already
        textSizeSettles.setOnFinished(e -> { if (!preferences.equals(shownWith)) prefer(preferences); });
        // the window's ✕ with a decision not recorded asks first, as F12 does (it closed the console at once); set, not
        // added: a stage shown again (the tests' one stage) keeps one handler, this window's
        stage.setOnCloseRequest(e -> {
            if (!decisionPending()) return;
            e.consume();
            askBeforeDropping("close-window", "leave.close", stage::close);
        });
    }

    /**
     * The question before an unrecorded decision is dropped by leaving ({@code id} its dialog's id, {@code keys} its
     * text's and drop button's keys {@code keys + "Text"} / {@code keys + "Yes"}); keeping it is the default, as for a
     * case switch.
     */
    private void askBeforeDropping(String id, String keys, Runnable drop) {
        new Confirmation(id, messages.get("case.switchTitle"), messages.get(keys + "Text"), messages.get(keys + "Yes"),
                messages.get("case.switchNo")).ask(stage.getScene().getRoot(), drop);
    }

    /** The workspace shows a decision not recorded: leaving it, logging out or closing the window would drop it. */
    private boolean decisionPending() {
        return screen == Screen.WORKSPACE && workspace != null && workspace.hasUnrecordedDecision();
    }

    UiPreferences preferences() { return preferences; }

    /** The session is open: the login screen takes clerks from now on. */
    void opened(ConsoleSession s) {
        session = s;
        screens = new ConsoleScreens(s, tasks, readerThread, chineseFonts);
        showLogin();
        refreshStatus();
    }

    /** The session could not open: the login screen's place says why. */
    void failed(String why) {
        startFailure = why;
        showLogin();
    }

    void useSounds(Sounds made) { sounds = made; }

    private java.nio.file.Path preferencesFile() { return home.uiPreferences(); }

    private boolean training() { return settings.centralUrl() == null; }

    private void show(Parent body) {
        BorderPane root = new BorderPane(body);
        root.setTop(banner());
        statusLine.setWrapText(true); // the sync state wraps above the buttons' line rather than being cut
        // a screen reader reads the words, not the marks that keep them on one line (Unbroken)
        Views.readsPlain(statusLine);
        statusLine.setMinHeight(Region.USE_PREF_SIZE);
        HBox bottom = new HBox(8, statusLine);
        bottom.getStyleClass().add("status-line");
        if (clerk != null) { // the other screens, on every screen, bottom right
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            bottom.getChildren().add(gap);
            for (Button b : navigation()) {
                b.getStyleClass().add("nav");
                bottom.getChildren().add(b);
            }
        }
        root.setBottom(bottom);
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", ROOT_FONT_PX * preferences.fontScale())
                + (fontFamily == null ? "" : " -fx-font-family: \"" + fontFamily + "\";"));
        scene.getStylesheets().setAll(ConsoleWindow.class.getResource("/ui/console.css").toExternalForm());
        if (preferences.dark()) scene.getStylesheets().add(ConsoleWindow.class.getResource("/ui/console-dark.css").toExternalForm());
        scene.setRoot(root);
        shownWith = preferences;
        markShort();
        stage.setTitle(messages.get("app.title"));
    }

    /**
     * Whether the window is short for its text, a clerk at work (the largest text on a 768-line screen: 27 lines): the
     * banner leaves out the title and the case buttons are tighter ({@code .root:short} in the style sheet), so the
     * decision beside the comparison is read whole.
     */
    private void markShort() {
        boolean isShort = clerk != null && scene.getHeight() < ROOT_FONT_PX * preferences.fontScale() * SHORT_LINES;
        shortWindow.set(isShort);
        scene.getRoot().pseudoClassStateChanged(SHORT, isShort);
    }

    private Node banner() {
        var s = settings;
        Label counter = new Label(messages.get("banner.counter", training() ? messages.get("banner.trainingStation") : "—", s.counterId(),
                messages.of(s.counterKind())));
        counter.getStyleClass().add("banner-text");
        counter.setId("banner-counter");
        // station, counter and clerk wrap to a second line rather than being cut (English, large text)
        Label title = Views.styled(messages.get("app.title"), "banner-title");
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(24, 2, title, counter);
        if (clerk != null) {
            Label who = Views.styled(messages.get("banner.clerk", clerk.displayName(), messages.of(clerk.role())), "banner-text");
            who.setId("banner-clerk");
            row.getChildren().add(who);
        }
        row.setAlignment(Pos.CENTER_LEFT);
        for (Node n : row.getChildren()) ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        // a clerk at work keeps the lines for the work: where the window is short for its text, or the title would push
        // the clerk's name to a second line (English at 1.3× on 1366 px: three banner lines), the title stays in the
        // window's title bar only, and station, counter and clerk fit one line
        if (clerk != null) {
            // on the window's width and the texts' fonts, known once the style sheet is applied, before the first layout:
            // on the row's own width the title came in one pulse late and moved everything below it by 9 px
            title.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !shortWindow.get()
                            && scene.getWidth() - BANNER_PADDING >= row.getChildren().stream().mapToDouble(n -> n.prefWidth(-1)).sum()
                            + row.getHgap() * (row.getChildren().size() - 1),
                    shortWindow, scene.widthProperty(), title.fontProperty(), counter.fontProperty()));
            title.managedProperty().bind(title.visibleProperty());
        }
        VBox box = new VBox(row);
        box.getStyleClass().add("banner");
        if (training()) {
            Label t = new Label(messages.get("banner.training"));
            t.getStyleClass().add("training");
            t.setMaxWidth(Double.MAX_VALUE);
            box.getChildren().add(t);
        }
        if (fontFamily == null) {
            Label w = new Label("未找到中文字体 / no Chinese font found: install fonts-wqy-microhei (Linux) — Chinese text may show as boxes");
            w.getStyleClass().add("warning");
            box.getChildren().add(w);
        }
        return box;
    }

    void showLogin() {
        if (session == null) {
            showStarting();
            return;
        }
        // the login screen built again (text size, dark theme, language): what was typed stays, and where the cursor was.
        // A PIN check under way keeps its view model: its answer, its "checking…", a case key typed behind Enter
        LoginViewModel before = login;
        Focused focused = before == null ? Focused.NONE : focused();
        boolean checking = before != null && before.busy().get();
        LoginViewModel vm = checking ? before : newLogin();
        if (before != null && !checking) vm.takeOver(before);
        login = vm;
        BorderPane centre = new LoginView(messages).build(vm, training(), technicianStart, this::switchLanguage);
        screen = null;
        show(centre);
        focusAgain(focused, "login-id");
        if (!loginMarked) { // the start-up benchmark's in-app mark (docs/benchmarks.md): JVM start to a usable login form
            loginMarked = true;
            Platform.runLater(() -> org.slf4j.LoggerFactory.getLogger(ConsoleWindow.class).info("login screen shown {} ms after JVM start",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()));
        }
    }

    /** A login form's view model, its answer leading to the first screen (once per try of the form, not per rebuild). */
    private LoginViewModel newLogin() {
        LoginViewModel vm = screens.login(messages);
        vm.busy().subscribe(checking -> { if (checking) typedAhead = null; }); // a key typed before a failed try is not kept
        vm.loggedIn().addListener((o, was, now) -> {
            if (now != null) {
                clerk = now;
                login = null;
                showScreen(ConsoleShell.firstScreen(now.role(), technicianStart));
                if (typedAhead != null && screen == Screen.WORKSPACE && workspaceView != null) workspaceView.select(typedAhead);
                typedAhead = null;
                // the start-up benchmark's login mark (docs/benchmarks.md): Enter to the first screen drawn, and the
                // PIN check's share of it (PBKDF2, deliberately slow)
                Platform.runLater(() -> org.slf4j.LoggerFactory.getLogger(ConsoleWindow.class).info(
                        "first screen shown {} ms after the login was submitted (PIN check {} ms)",
                        (System.nanoTime() - vm.submittedAt()) / 1_000_000, (vm.answeredAt() - vm.submittedAt()) / 1_000_000));
            }
        });
        return vm;
    }

    /** Before the session is open: the login screen's place, saying it is starting, or why it cannot start. */
    private void showStarting() {
        screen = null;
        show(new LoginView(messages).starting(startFailure));
    }

    private void switchLanguage() {
        messages = Messages.of(messages.english() ? Messages.CHINESE : Messages.ENGLISH);
        if (clerk == null) {
            showLogin();
            return;
        }
        if (screen == Screen.WORKSPACE && workspace != null) {
            // the open case stays as it is: its texts are rendered again and the controls rebuilt over the same view
            // model; the reader loop goes on (nothing is read, looked up or decided again)
            workspace.language(messages);
            entry.language(messages);
            rebuildWorkspace(focused());
            refreshStatus();
            return;
        }
        // another screen is built again in the new language (a running calibration is stopped, after confirming)
        Screen s = screen;
        Focused focused = focused();
        leaveThen(() -> {
            screen = null;
            showScreen(s, focused);
            refreshStatus(); // the status line in the new language now, not at the next 2 s refresh
        });
    }

    /** Every key of every screen, as a scene filter so the function keys work whichever control has the focus. */
    void key(KeyEvent e) {
        if (clerk == null && login != null && login.busy().get()) { // F4 right after Enter: it was lost in the 2–3 s check
            Optional<CaseKind> kind = KeyMap.of(e).flatMap(KeyMap::caseKind);
            if (kind.isPresent()) {
                typedAhead = kind.get();
                e.consume();
                return;
            }
        }
        if (screen == Screen.WORKSPACE && workspaceView != null && workspaceView.handleKey(e)
                || screen == Screen.TECHNICIAN && technicianView != null && technicianView.handleKey(e)) {
            e.consume();
            return;
        }
        // Enter in a field with an action of its own (Views.onEnter) runs it on every screen: the supervisor's audit
        // filter did nothing on Enter (only the workspace and the technician screen read it, in their keys above)
        Runnable field = KeyMap.of(e).orElse(null) == KeyMap.RECORD ? Views.enterAction(scene.getFocusOwner()) : null;
        if (field != null) {
            field.run();
            e.consume();
            return;
        }
        var command = ConsoleShell.command(e.getCode(), e.isShortcutDown(), clerk == null ? null : clerk.role(), screen);
        if (command.isEmpty()) return;
        switch (command.get()) {
            case HELP -> help();
            case LANGUAGE -> switchLanguage();
            case WORKSPACE -> showScreen(Screen.WORKSPACE);
            case QUEUE -> showScreen(Screen.QUEUE);
            case TECHNICIAN -> showScreen(Screen.TECHNICIAN);
            case SUPERVISOR -> showScreen(Screen.SUPERVISOR);
            case LOG_OUT -> logout();
            case DARK_THEME -> prefer(preferences.withDark(!preferences.dark()));
            case LARGER_TEXT -> preferTextSize(preferences.withFontScale(preferences.fontScale() + 0.1));
            case SMALLER_TEXT -> preferTextSize(preferences.withFontScale(preferences.fontScale() - 0.1));
            case NORMAL_TEXT -> preferTextSize(preferences.withFontScale(1.0));
            case SOUNDS -> {
                prefer(preferences.withSounds(!preferences.sounds()));
                if (sounds != null) sounds.on(preferences.sounds());
                notice(messages.get(preferences.sounds() ? "sounds.on" : "sounds.off"));
            }
            case NOTHING -> { }
        }
        e.consume();
    }

    private void prefer(UiPreferences p) {
        preferences = p;
        p.save(preferencesFile());
        if (clerk == null) showLogin(); else showScreen(screen); // restyled; an open case in the workspace is kept
    }

    /** A text-size key: the first of a row restyles at once, the rest together once they stop ({@link #textSizeSettles}). */
    private void preferTextSize(UiPreferences p) {
        boolean inARow = textSizeSettles.getStatus() == javafx.animation.Animation.Status.RUNNING;
        if (p.equals(preferences) && !inARow) return; // at the largest or smallest size already: nothing to build
        if (inARow) {
            preferences = p;
            p.save(preferencesFile());
        } else {
            prefer(p);
        }
        textSizeSettles.playFromStart();
    }

    private void help() {
        // every key from the key map; the close button in the UI's language (JavaFX would use the JVM's locale)
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION, "",
                new javafx.scene.control.ButtonType(messages.get("help.close"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE));
        a.setHeaderText(messages.get("help.title"));
        // in two columns, read down the first then the second: one column of 25 keys ran below a 768-line screen at
        // the largest text, its close button with it
        List<String> keys = KeyMap.helpLines(messages);
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane(32, 4);
        grid.setId("help-keys");
        int rows = (keys.size() + 1) / 2;
        for (int i = 0; i < keys.size(); i++) {
            Label key = new Label(keys.get(i));
            key.getStyleClass().add("help-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(key, i / rows, i % rows);
        }
        a.getDialogPane().setContent(grid);
        Views.whole(a, messages.get("help.title"), stage,
                "-fx-font-size: " + 16 * preferences.fontScale() + "px;" + (fontFamily == null ? "" : " -fx-font-family: \"" + fontFamily + "\";"));
        a.show();
    }

    private void showScreen(Screen s) {
        showScreen(s, s == screen ? focused() : Focused.NONE);
    }

    /** {@code focused}: where the focus was when this same screen is built again, else {@link Focused#NONE}. */
    private void showScreen(Screen s, Focused focused) {
        if (s == Screen.WORKSPACE && screen == Screen.WORKSPACE && workspaceView != null) { // restyle: keep the case
            rebuildWorkspace(focused);
            return;
        }
        if (s == Screen.TECHNICIAN && screen == Screen.TECHNICIAN && technician != null) { // restyle: a calibration goes on
            showTechnicianView(focused);
            return;
        }
        leaveThen(() -> {
            screen = s;
            switch (s) {
                case WORKSPACE -> showWorkspace();
                case QUEUE -> {
                    show(screens.queue(clerk, messages));
                    focusAgain(focused, "queue-table");
                }
                case TECHNICIAN -> showTechnician(focused);
                case SUPERVISOR -> { // the clerks first, not the way back to the workspace
                    show(screens.supervisor(clerk, settings, saved -> settings = saved, messages));
                    focusAgain(focused, "clerks");
                }
            }
        });
    }

    /**
     * Leaves the screen shown, then runs {@code next}. A calibration running on the technician screen is stopped only
     * after the technician confirms (staying is the default), and {@code next} runs only once that screen has handed the
     * reader back: the workspace's loop never reads alongside a calibration (one owner at a time).
     */
    private void leaveThen(Runnable next) {
        if (leaving) return; // the technician screen is handing the reader back: the next screen comes after it
        if (decisionPending()) {
            // a decision not recorded is dropped only after the clerk confirms, as choosing another case asks (F12 and
            // F11 dropped it at once; the workspace is made anew when the clerk comes back)
            askBeforeDropping("leave-workspace", "leave.workspace", () -> leaveNowThen(next));
            return;
        }
        leaveNowThen(next);
    }

    /** {@link #leaveThen} once nothing of the workspace's is to be kept. */
    private void leaveNowThen(Runnable next) {
        if (leaving) return;
        if (technician == null) {
            leaveScreen();
            next.run();
            return;
        }
        Optional<String> warning = technician.leaveWarning();
        if (warning.isEmpty()) {
            handBackThen(next);
            return;
        }
        TechnicianViewModel asked = technician;
        new Confirmation("leave-confirmation", messages.get("tech.leaveTitle"), warning.get(), messages.get("tech.leaveStop"),
                messages.get("tech.leaveStay"), "leave-stop", "leave-stay") // Enter keeps calibrating
                .ask(stage.getScene().getRoot(), () -> {
                    if (technician == asked) handBackThen(next);
                });
    }

    /**
     * Closes the technician screen's work and runs {@code next} on the UI once the reader is handed back (at most 10 s:
     * a stuck read must not trap the clerk on this screen; the next screen's reader use then waits for its lease).
     */
    private void handBackThen(Runnable next) {
        leaving = true;
        technician.close().copy().completeOnTimeout(null, 10, java.util.concurrent.TimeUnit.SECONDS).whenComplete((v, e) -> Platform.runLater(() -> {
            leaving = false;
            leaveScreen();
            next.run();
        }));
    }

    /**
     * Stops what the screen being left drives: the workspace's reader loop, the technician's live log and any reader
     * work (waiting up to 5 s here only when the window is closed; navigation waits in {@link #leaveThen}).
     */
    /** The window is closing: a clerk still logged in is logged out in the audit (here, before the session closes). */
    void closing() {
        textSizeSettles.stop();
        if (clerk != null && session != null) session.runtime().store().clerks().logout(clerk.id());
        clerk = null;
    }

    void leaveScreen() {
        if (readerLoop != null) readerLoop.close();
        readerLoop = null;
        if (technician != null) {
            try {
                technician.close().get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ConsoleWindow.class).warn("the technician screen did not hand the reader back: {}", e.toString());
            }
        }
        technician = null;
        if (technicianView != null) technicianView.dispose();
        technicianView = null;
        if (workspaceView != null) workspaceView.dispose();
        workspaceView = null;
    }

    /** The buttons to the other screens this clerk may open, with their keys. */
    private List<Button> navigation() {
        List<Button> out = new java.util.ArrayList<>();
        // each with an id in no language: the focus finds it again after a rebuild (focusAgain)
        for (Screen s : ConsoleShell.navigation(clerk.role(), screen)) {
            out.add(Views.button(s.key.button(messages, s.navKey), () -> showScreen(s)));
            out.getLast().setId("nav-" + s.name());
        }
        out.add(Views.button(KeyMap.HELP.button(messages, "nav.help"), this::help));
        out.getLast().setId("nav-help");
        out.add(Views.button(KeyMap.LOG_OUT.button(messages, "logout"), this::logout));
        out.getLast().setId("nav-logout");
        return out;
    }

    private void showTechnician(Focused focused) {
        technician = screens.technician(messages);
        showTechnicianView(focused);
        technician.open();
    }

    private void showTechnicianView(Focused focused) {
        if (technicianView != null) technicianView.dispose(); // the view built before stops listening to the calibration
        technicianView = screens.technicianView(technician, messages);
        show(technicianView.build());
        focusAgain(focused, "tech-calibrate");
    }

    private void showWorkspace() {
        workspace = screens.workspace(clerk, settings, messages, this::notice, this::play);
        entry = screens.entryForm(messages);
        rebuildWorkspace(Focused.NONE);
        // the loop takes the reader once its last holder has handed it back (leaveThen waits for the technician screen)
        session.reader().ifPresentOrElse(r -> readerLoop = new ReaderLoop(r, ReaderUse.WORKSPACE, workspace::onReaderEvent).start(),
                () -> session.readerFault().ifPresentOrElse(
                        f -> workspace.onReaderEvent(new org.ticketwindow.idcheck.reader.ReaderEvent.Fault(
                                session.runtime().settings().readerProfile(), f)),
                        workspace::readerAbsent));
    }

    private void play(Sounds.Cue cue) { if (sounds != null) sounds.play(cue); }

    /** The workspace's controls over the current view model (after a language or style change the open case stays). */
    private void rebuildWorkspace(Focused focused) {
        if (workspaceView != null) workspaceView.dispose(); // the view built before stops listening to the open case
        workspaceView = screens.workspaceView(workspace, entry, messages, this::notice);
        show(workspaceView.build());
        WorkspaceView shown = workspaceView;
        focusAgain(focused, shown::focusCase);
    }

    /**
     * The control that had the focus, by its id in no language (null: none, or one without an id), with a field's
     * selection (anchor and cursor; -1 for another control): the same screen built again gives it back (decision 0020).
     */
    private record Focused(String id, int anchor, int caret) {
        static final Focused NONE = new Focused(null, -1, -1);
    }

    /** Where the focus is now. A field's selection goes with it: Ctrl+A, a text-size key, then a digit was added, not typed over. */
    private Focused focused() {
        Node owner = scene.getFocusOwner();
        if (owner == null) return Focused.NONE;
        return owner instanceof javafx.scene.control.TextInputControl field
                ? new Focused(owner.getId(), field.getAnchor(), field.getCaretPosition()) : new Focused(owner.getId(), -1, -1);
    }

    /**
     * After a screen is shown: the control {@code focused} names has the focus again when the new screen has it (the
     * same screen built again in the other language or text size), else the screen's own first control {@code first}.
     * Without this, JavaFX gave the focus to the first control of the new tree: after F2 the ring sat on On-site (F3)
     * while Proxy (F4) was the open case, and on the technician screen it jumped to the queue's button.
     */
    private void focusAgain(Focused focused, String first) {
        focusAgain(focused, () -> {
            Node n = scene.lookup("#" + first);
            if (focusable(n)) n.requestFocus();
        });
    }

    private void focusAgain(Focused focused, Runnable otherwise) {
        Platform.runLater(() -> {
            // a scroll pane's content is among its children once its skin exists: before the first pulse after the
            // screen was shown, lookup found nothing inside one (the supervisor's and technician's screens)
            scene.getRoot().applyCss();
            Node n = focused.id() == null ? null : scene.lookup("#" + focused.id());
            if (focusable(n)) n.requestFocus();
            // a field focused this way had its text selected, and the next key typed replaced it (half a PIN, an F10
            // number): its selection and cursor are as they were
            if (n instanceof javafx.scene.control.TextInputControl field && field.isFocused() && focused.anchor() >= 0) {
                int length = field.getLength();
                field.selectRange(Math.min(focused.anchor(), length), Math.min(focused.caret(), length));
            }
            if (n == null || scene.getFocusOwner() != n) otherwise.run(); // not there, or not taking it (a hidden parent)
        });
    }

    private static boolean focusable(Node n) {
        return n != null && n.isFocusTraversable() && !n.isDisabled() && n.isVisible() && n.getScene() != null;
    }

    private void logout() {
        leaveThen(() -> {
            String leaving = clerk.id(); // the audit has the log-out beside the log-in (it had log-ins only)
            tasks.run(() -> {
                session.runtime().store().clerks().logout(leaving);
                return null;
            }, done -> { }, e -> notice(e.getMessage()));
            clerk = null;
            workspace = null;
            entry = null;
            screens.loggedOut();
            showLogin();
        });
    }

    void refreshStatus() {
        if (session == null) return;
        tasks.run(() -> session.runtime().store().results().status(), this::showStatus,
                e -> statusLine.setText(messages.get("status.error", e.getMessage())));
    }

    /** Something the clerk must read (why a key does nothing here, a setting changed): not overwritten for a while. */
    private void notice(String text) {
        statusLine.setText(text);
        statusLine.getStyleClass().remove("warning");
        noticeUntil = System.nanoTime() + NOTICE_NANOS;
    }

    private void showStatus(QueueStatus q) {
        if (System.nanoTime() - noticeUntil < 0) return; // the clerk's notice first; the next refresh shows the state
        StatusLine line = StatusLine.of(q, messages, RailwayTime.ZONE);
        statusLine.setText(line.text());
        statusLine.getStyleClass().remove("warning");
        if (line.warning()) statusLine.getStyleClass().add("warning");
    }
}
