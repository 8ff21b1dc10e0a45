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
        HBox row = new HBox(24, styled(messages.get("app.title"), "banner-title"), counter);
        if (clerk != null) row.getChildren().add(styled(messages.get("banner.clerk", clerk.displayName(),
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
        if (session.training().isPresent()) box.getChildren().add(styled(messages.get("login.trainingHint"), "hint"));
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
        workspace = new WorkspaceViewModel(session.runtime().settings().counterKind(), clerk.id(),
                session.runtime().recorder(session.runtime().settings().counterId()),
                this::lookup,
                session::nudgeSync, new VerificationRules(), tasks, messages, Clock.systemUTC());
        HBox columns = new HBox(16, readerPanel(), cardPanel(), recordsPanel());
        columns.setPadding(new Insets(16));
        HBox.setHgrow(columns.getChildren().get(2), Priority.ALWAYS);
        Button caseOnSite = new Button(messages.get("case.ON_SITE"));
        caseOnSite.getStyleClass().add("case-selected");
        Button logout = new Button(messages.get("logout"));
        logout.setOnAction(e -> logout());
        HBox cases = new HBox(12, caseOnSite, logout);
        cases.setPadding(new Insets(12, 16, 0, 16));
        Label recorded = new Label();
        recorded.textProperty().bind(workspace.recordedMessage());
        recorded.getStyleClass().add("recorded");
        recorded.setPadding(new Insets(0, 16, 8, 16));
        VBox body = new VBox(cases, columns, recorded);
        VBox.setVgrow(columns, Priority.ALWAYS);
        show(body);
        // a filter, not a handler: the function keys work whichever control has the focus
        body.getScene().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case ENTER -> workspace.record();
                case ESCAPE -> workspace.cancel();
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

    private Node readerPanel() {
        Label state = new Label();
        state.textProperty().bind(workspace.readerState().map(s -> messages.get(s.key())));
        state.getStyleClass().add("reader-state");
        Label next = new Label();
        next.textProperty().bind(workspace.readerMessage());
        next.setWrapText(true);
        VBox box = new VBox(10, heading("reader.heading"), state, next);
        session.training().ifPresent(t -> box.getChildren().add(trayControls(t)));
        box.getStyleClass().add("panel");
        box.setPrefWidth(280);
        box.setMinWidth(280);
        return box;
    }

    private Node trayControls(TrainingMode t) {
        ComboBox<String> cards = new ComboBox<>();
        cards.getItems().addAll(Tray.ids());
        cards.getSelectionModel().selectFirst();
        Button place = new Button(messages.pick("放置证件 (F5)", "Place card (F5)"));
        Button remove = new Button(messages.pick("取走证件 (F6)", "Remove card (F6)"));
        place.setOnAction(e -> {
            try {
                t.sam().place(CardFixture.builtIn(cards.getValue()));
            } catch (CardFixture.FixtureException ex) {
                statusLine.setText(ex.getMessage());
            }
        });
        remove.setOnAction(e -> t.sam().remove());
        cards.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, k -> {
                if (k.getCode() == KeyCode.F5) place.fire();
                if (k.getCode() == KeyCode.F6) remove.fire();
            });
        });
        VBox v = new VBox(8, new Label(messages.pick("实训卡盒", "Training tray")), cards, place, remove);
        v.getStyleClass().add("tray");
        return v;
    }

    private Node cardPanel() {
        GridPane g = new GridPane(10, 8);
        Label none = new Label(messages.get("card.none"));
        VBox box = new VBox(10, heading("card.heading"), none, g, styled(messages.get("card.photo"), "hint"));
        workspace.card().addListener((o, was, c) -> fillCard(g, none, c));
        box.getStyleClass().add("panel");
        box.setPrefWidth(400);
        box.setMinWidth(400);
        return box;
    }

    private void fillCard(GridPane g, Label none, CardData c) {
        g.getChildren().clear();
        none.setVisible(c == null);
        if (c == null) return;
        int row = 0;
        g.addRow(row++, new Label(messages.get("card.type")), new Label(messages.pick(c.type().zh(), c.type().en())));
        g.addRow(row++, new Label(messages.get("card.name")), styled(c.name().value(), "card-name"));
        g.addRow(row++, new Label(messages.get("card.number")), new Label(c.idNumber().value()));
        g.addRow(row++, new Label(messages.get("card.gender")), new Label(messages.pick(c.gender().zh().orElse(c.gender().code()), c.gender().en().orElse(c.gender().code()))));
        g.addRow(row++, new Label(messages.get("card.birth")), new Label(c.birthDate().iso()));
        g.addRow(row, new Label(messages.get("card.validity")), new Label(date(c.validity().from()) + " – " + date(c.validity().until())));
        for (Node n : g.getChildren()) if (n instanceof Label l) l.setMinWidth(Region.USE_PREF_SIZE);
    }

    private String date(org.ticketwindow.idcheck.identity.CardDate d) {
        return d.isLongTerm() ? messages.pick("长期", "long-term") : d.iso();
    }

    private Node recordsPanel() {
        Label note = new Label();
        note.textProperty().bind(workspace.recordsNote());
        TableView<WorkspaceViewModel.Row> table = new TableView<>(workspace.comparison());
        table.getColumns().add(column("compare.field", WorkspaceViewModel.Row::field, 110));
        table.getColumns().add(column("compare.result", WorkspaceViewModel.Row::result, 120));
        table.getColumns().add(column("compare.hint", WorkspaceViewModel.Row::hint, 330));
        table.setPrefHeight(190);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label verdict = new Label();
        verdict.textProperty().bind(workspace.verdict());
        verdict.setWrapText(true);
        verdict.getStyleClass().add("verdict");
        Label passenger = new Label();
        passenger.textProperty().bind(workspace.passengerSentence().map(p -> p.isEmpty() ? "" : messages.get("decision.passenger") + p));
        passenger.setWrapText(true);
        passenger.getStyleClass().add("passenger");
        Button record = new Button(messages.get("decision.record"));
        record.disableProperty().bind(workspace.canRecord().not());
        record.setOnAction(e -> workspace.record());
        record.getStyleClass().add("primary");
        Button cancel = new Button(messages.get("decision.cancel"));
        cancel.setOnAction(e -> workspace.cancel());
        VBox box = new VBox(10, heading("records.heading"), note, table, heading("decision.heading"), verdict, passenger,
                new HBox(12, record, cancel));
        box.getStyleClass().add("panel");
        return box;
    }

    private TableColumn<WorkspaceViewModel.Row, String> column(String key, Function<WorkspaceViewModel.Row, String> value, double width) {
        TableColumn<WorkspaceViewModel.Row, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private Label heading(String key) { return styled(messages.get(key), "heading"); }

    private static Label styled(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        return l;
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
