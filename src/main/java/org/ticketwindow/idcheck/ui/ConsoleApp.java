package org.ticketwindow.idcheck.ui;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.ticketwindow.idcheck.app.ConsoleSession;
import org.ticketwindow.idcheck.app.TrainingMode;
import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.reader.ReaderLoop;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.Tray;
import org.ticketwindow.idcheck.store.Clerk;
import org.ticketwindow.idcheck.store.QueueStatus;
import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.sync.CentralRefusedException;
import org.ticketwindow.idcheck.sync.CentralUnavailableException;
import org.ticketwindow.idcheck.sync.FoundRecord;
import org.ticketwindow.idcheck.sync.LookupRequest;
import org.ticketwindow.idcheck.verify.DocumentType;
import org.ticketwindow.idcheck.verify.VerificationRules;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ticketwindow.idcheck.etp.EtpVerifier;
import org.ticketwindow.idcheck.etp.TrustList;
import java.util.function.Function;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The clerk console's window: banner (station, counter, kind, 实训模式), the login screen, then the workspace
 * (reader | card | records and decision) with the queue status line. Views are thin: every decision and text
 * comes from the view models. Keyboard: Enter record/log in, Esc cancel, F2 language, F5/F6 place/remove the
 * training card, F12 log out.
 */
public final class ConsoleApp extends Application {
    /** Chinese-capable families, first found wins; none found is a visible warning, never boxes without a word. */
    static final List<String> CJK_FONTS = List.of("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC",
            "Microsoft YaHei", "SimHei", "PingFang SC");

    private static volatile ConsoleSession session;
    private static volatile Locale startLocale = Messages.CHINESE;

    private final ExecutorService background = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("console-task-", 0).daemon().factory());
    private Tasks tasks;
    private Messages messages;
    private Stage stage;
    private Clerk clerk;
    private ReaderLoop readerLoop;
    private WorkspaceViewModel workspace;
    private Label statusLine;
    private String fontFamily;

    /** Runs the console on {@code s} until the window is closed. */
    public static void run(ConsoleSession s, Locale locale) {
        session = s;
        startLocale = locale;
        Application.launch(ConsoleApp.class);
    }

    @Override public void start(Stage primary) {
        stage = primary;
        tasks = new Tasks(background, Platform::runLater);
        messages = Messages.of(startLocale);
        fontFamily = Font.getFamilies().stream().filter(CJK_FONTS::contains).findFirst().orElse(null);
        statusLine = new Label();
        Timeline status = new Timeline(new KeyFrame(Duration.seconds(2), e -> refreshStatus()));
        status.setCycleCount(Timeline.INDEFINITE);
        status.play();
        showLogin();
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        refreshStatus();
    }

    @Override public void stop() {
        if (readerLoop != null) readerLoop.close();
        background.shutdownNow();
        session.close();
    }

    private void show(Parent body) {
        BorderPane root = new BorderPane(body);
        root.setTop(banner());
        HBox bottom = new HBox(statusLine);
        bottom.getStyleClass().add("status-line");
        root.setBottom(bottom);
        root.setStyle("-fx-font-size: 17px;" + (fontFamily == null ? "" : " -fx-font-family: \"" + fontFamily + "\";"));
        Scene scene = new Scene(root);
        scene.getStylesheets().add(ConsoleApp.class.getResource("/ui/console.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(messages.get("app.title"));
    }

    private Node banner() {
        var s = session.runtime().settings();
        Label counter = new Label(messages.get("banner.counter", session.training().isPresent() ? "实训站" : "—", s.counterId(),
                messages.get("kind." + s.counterKind().name())));
        counter.getStyleClass().add("banner-text");
        HBox row = new HBox(24, Views.styled(messages.get("app.title"), "banner-title"), counter);
        if (clerk != null) row.getChildren().add(Views.styled(messages.get("banner.clerk", clerk.displayName(),
                messages.pick(clerk.role().zh(), clerk.role().en())), "banner-text"));
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(row);
        box.getStyleClass().add("banner");
        if (session.training().isPresent()) {
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

    private void showLogin() {
        LoginViewModel vm = new LoginViewModel(session.runtime().store().clerks(), tasks, messages);
        TextField id = new TextField();
        id.setAccessibleText(messages.get("login.clerkId"));
        id.textProperty().bindBidirectional(vm.clerkId());
        PasswordField pin = new PasswordField();
        pin.setAccessibleText(messages.get("login.pin"));
        pin.textProperty().bindBidirectional(vm.pin());
        Button go = new Button(messages.get("login.submit"));
        go.setDefaultButton(true);
        go.disableProperty().bind(vm.busy());
        go.setOnAction(e -> vm.login());
        Button lang = new Button(messages.get("login.language"));
        lang.setOnAction(e -> switchLanguage());
        Label msg = new Label();
        msg.textProperty().bind(vm.message());
        msg.getStyleClass().add("message");
        GridPane form = new GridPane(12, 12);
        form.addRow(0, new Label(messages.get("login.clerkId")), id);
        form.addRow(1, new Label(messages.get("login.pin")), pin);
        form.add(new HBox(12, go, lang), 1, 2);
        Label heading = new Label(messages.get("login.heading"));
        heading.getStyleClass().add("heading");
        VBox box = new VBox(18, heading, form, msg);
        if (session.training().isPresent()) box.getChildren().add(Views.styled(messages.get("login.trainingHint"), "hint"));
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(560);
        vm.loggedIn().addListener((o, was, now) -> {
            if (now != null) {
                clerk = now;
                showWorkspace();
            }
        });
        BorderPane centre = new BorderPane(box);
        centre.setPadding(new Insets(40));
        show(centre);
        centre.getScene().setOnKeyPressed(e -> { if (e.getCode() == KeyCode.F2) switchLanguage(); });
        Platform.runLater(id::requestFocus);
    }

    private void switchLanguage() {
        messages = Messages.of(messages.english() ? Messages.CHINESE : Messages.ENGLISH);
        if (clerk == null) showLogin(); else showWorkspace();
    }

    private void showWorkspace() {
        if (readerLoop != null) readerLoop.close();
        readerLoop = null;
        Optional<EtpVerifier> proofs;
        try {
            proofs = session.proofVerifier();
        } catch (TrustList.TrustListException e) {
            proofs = Optional.empty();
            statusLine.setText(e.getMessage());
        }
        workspace = new WorkspaceViewModel(session.runtime().settings().counterKind(), clerk.id(),
                session.runtime().recorder(session.runtime().settings().counterId()),
                this::lookup, session::nudgeSync, new VerificationRules(), proofs, tasks, messages, Clock.systemUTC());
        WorkspaceView view = new WorkspaceView(workspace, new EntryFormViewModel(messages, Clock.systemUTC()), messages,
                session.training(), statusLine::setText, Clock.systemUTC());
        Button logout = Views.button(messages.get("logout"), this::logout);
        Parent body = view.build(List.of(logout));
        show(body);
        // a filter, not a handler: the function keys work whichever control has the focus
        body.getScene().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (view.handleKey(e)) { e.consume(); return; }
            switch (e.getCode()) {
                case F2 -> switchLanguage();
                case F12 -> logout();
                default -> { return; }
            }
            e.consume();
        });
        session.reader().ifPresent(r -> readerLoop = new ReaderLoop(r, workspace::onReaderEvent).start());
    }

    /** The online lookup; a central that is absent or refuses the request leaves the case to be decided offline. */
    private List<FoundRecord> lookup(DocumentType type, String number) throws CentralUnavailableException {
        CentralClient c = session.central().orElseThrow(() -> new CentralUnavailableException("no central configured", null));
        try {
            return c.lookup(new LookupRequest(type, number)).records();
        } catch (CentralRefusedException e) {
            throw new CentralUnavailableException("the central refused the lookup (HTTP " + e.status() + ")", e);
        }
    }

    private void logout() {
        if (readerLoop != null) readerLoop.close();
        readerLoop = null;
        clerk = null;
        showLogin();
    }

    private void refreshStatus() {
        tasks.run(() -> session.runtime().store().results().status(), this::showStatus,
                e -> statusLine.setText(messages.get("status.error", e.getMessage())));
    }

    private void showStatus(QueueStatus q) {
        StatusLine line = StatusLine.of(q, messages, java.time.ZoneId.systemDefault());
        statusLine.setText(line.text());
        statusLine.getStyleClass().remove("warning");
        if (line.warning()) statusLine.getStyleClass().add("warning");
    }
}
