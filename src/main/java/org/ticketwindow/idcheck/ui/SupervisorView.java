package org.ticketwindow.idcheck.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.ticketwindow.idcheck.identity.RailwayTime;
import org.ticketwindow.idcheck.store.Clerk;
import org.ticketwindow.idcheck.store.ClerkRole;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** The supervisor screen (Ctrl+U): clerks, audit chain, settings. */
final class SupervisorView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(RailwayTime.ZONE);

    private final SupervisorViewModel vm;
    private final Messages messages;

    SupervisorView(SupervisorViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    VBox build() {
        TableView<Clerk> table = new TableView<>(vm.clerks());
        table.setId("clerks");
        table.getColumns().add(Views.column(messages.get("sup.id"), Clerk::id, 90));
        table.getColumns().add(Views.column(messages.get("sup.name"), Clerk::displayName, 160));
        table.getColumns().add(Views.column(messages.get("sup.role"), c -> messages.of(c.role()), 110));
        table.getColumns().add(Views.column(messages.get("sup.locked"), c -> c.lockedUntil() != null && c.lockedAt(java.time.Instant.now())
                ? messages.get("sup.lockedUntil", TIME.format(c.lockedUntil())) : c.failedAttempts() > 0 ? messages.get("sup.failures", c.failedAttempts()) : "", 160));
        table.setPrefHeight(260);
        // the columns share the table's width (never "实训值班…" at large text); each at least its heading
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setMinHeight(Region.USE_PREF_SIZE);
        PasswordField pin = new PasswordField();
        pin.setId("sup-pin"); // ids in no language: the focus finds its control again after F2 (decision 0020)
        pin.setAccessibleText(messages.get("sup.pin"));
        pin.textProperty().bindBidirectional(vm.pin());
        ComboBox<ClerkRole> role = roles();
        role.setId("sup-role");
        role.valueProperty().bindBidirectional(vm.newRole());
        TextField id = new TextField();
        id.setId("sup-id");
        id.setAccessibleText(messages.get("sup.id"));
        id.textProperty().bindBidirectional(vm.newId());
        TextField name = new TextField();
        name.setId("sup-name");
        name.setAccessibleText(messages.get("sup.name"));
        name.textProperty().bindBidirectional(vm.newName());
        GridPane form = new GridPane(8, 6);
        form.addRow(0, whole("sup.id"), id, whole("sup.name"), name);
        form.addRow(1, whole("sup.role"), role, whole("sup.pin"), pin);
        Button add = Views.button(messages.get("sup.add"), vm::add);
        Button reset = Views.button(messages.get("sup.reset"), () -> vm.resetPin(table.getSelectionModel().getSelectedItem()));
        Button unlock = Views.button(messages.get("sup.unlock"), () -> vm.unlock(table.getSelectionModel().getSelectedItem()));
        ComboBox<ClerkRole> changeTo = roles();
        Button setRole = Views.button(messages.get("sup.setRole"), () -> vm.setRole(table.getSelectionModel().getSelectedItem(), changeTo.getValue()));
        add.setId("sup-add");
        reset.setId("sup-reset");
        unlock.setId("sup-unlock");
        changeTo.setId("sup-change-role");
        setRole.setId("sup-set-role");
        Label message = Views.styled("", "recorded");
        message.textProperty().bind(vm.message());
        vm.messageRefused().addListener((o, was, refused) -> message.getStyleClass().setAll("label", refused ? "message" : "recorded"));
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 6, reset, unlock, changeTo, setRole);
        Label pinHelp = Views.styled(messages.get("sup.pinHelp"), "hint");
        pinHelp.setWrapText(true);
        pinHelp.setMinHeight(Region.USE_PREF_SIZE);
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        VBox clerks = new VBox(8, Views.heading(messages, "sup.clerks"), table, actions, pinHelp, form, add, message);
        clerks.getStyleClass().add("panel");
        // each column scrolls up and down by itself when the text is large; neither sideways
        javafx.scene.control.ScrollPane clerksScroll = Views.scrollingDown(clerks);
        HBox.setHgrow(clerksScroll, Priority.ALWAYS);
        Button verify = Views.button(messages.get("sup.auditVerify"), vm::verifyAudit);
        verify.setId("audit-verify");
        Label audit = Views.styled("", "verdict");
        audit.setId("audit-result");
        audit.textProperty().bind(vm.auditResult());
        // each setting's name above its field: the names are long (the key is part of them) and wrap, the field takes
        // the column's width
        VBox edit = new VBox(2);
        for (var e : vm.editableSettings().entrySet()) {
            TextField f = new TextField();
            f.setId("setting-" + e.getKey().replace('.', '-'));
            f.setAccessibleText(e.getKey());
            f.setPrefColumnCount(16);
            f.setMaxWidth(Double.MAX_VALUE);
            f.textProperty().bindBidirectional(e.getValue());
            if (e.getKey().equals("policy.contact-limit")) f.setPromptText(String.valueOf(org.ticketwindow.idcheck.verify.Policy.DEFAULT.contactLimit()));
            if (e.getKey().equals("store.retention-days")) f.setPromptText(String.valueOf(org.ticketwindow.idcheck.app.CounterSettings.DEFAULT_RETENTION_DAYS));
            Label key = new Label(vm.settingLabel(e.getKey()));
            key.getStyleClass().add("details");
            key.setWrapText(true);
            key.setMinHeight(Region.USE_PREF_SIZE);
            key.setLabelFor(f);
            if (!edit.getChildren().isEmpty()) key.setPadding(new Insets(6, 0, 0, 0));
            edit.getChildren().addAll(key, f);
        }
        Button save = Views.button(messages.get("sup.saveSettings"), vm::saveSettings);
        save.setId("settings-save");
        Label saved = Views.styled("", "recorded");
        saved.setId("settings-message");
        saved.textProperty().bind(vm.settingsMessage());
        vm.settingsRefused().addListener((o, was, refused) -> saved.getStyleClass().setAll("label", refused ? "message" : "recorded"));
        // the entries themselves, newest first, narrowed by kind and by a clerk id or a word
        javafx.scene.control.ComboBox<org.ticketwindow.idcheck.store.AuditKind> kind = new javafx.scene.control.ComboBox<>();
        kind.setId("audit-kind");
        kind.getItems().add(null);
        kind.getItems().addAll(org.ticketwindow.idcheck.store.AuditKind.values());
        // "all kinds" names the empty choice in the list as on the button (the list's first item was blank)
        kind.setCellFactory(list -> kindCell(false));
        kind.setButtonCell(kindCell(true));
        kind.valueProperty().bindBidirectional(vm.entryKind());
        TextField filter = new TextField();
        filter.setId("audit-filter");
        filter.setPromptText(messages.get("sup.auditFilter"));
        filter.setAccessibleText(messages.get("sup.auditFilter"));
        filter.textProperty().bindBidirectional(vm.entryText());
        Views.onEnter(filter, vm::showEntries);
        Button show = Views.button(messages.get("sup.auditShow"), vm::showEntries);
        show.setId("audit-show");
        javafx.scene.control.ListView<org.ticketwindow.idcheck.store.AuditTrail.Entry> entries = new javafx.scene.control.ListView<>(vm.entries());
        entries.setId("audit-entries");
        entries.setPlaceholder(new Label(messages.get("sup.auditNone")));
        entries.setCellFactory(list -> {
            javafx.scene.control.ListCell<org.ticketwindow.idcheck.store.AuditTrail.Entry> cell = new javafx.scene.control.ListCell<>() {
                @Override protected void updateItem(org.ticketwindow.idcheck.store.AuditTrail.Entry e, boolean empty) {
                    super.updateItem(e, empty);
                    setText(empty || e == null ? "" : vm.line(e));
                }
            };
            cell.setWrapText(true);
            Views.readsPlain(cell);
            cell.setPrefWidth(0);
            return cell;
        });
        Label scope = Views.styled("", "hint"); // the search stopped before the oldest entry: say so
        scope.setId("audit-scope");
        scope.textProperty().bind(vm.entriesNote());
        scope.visibleProperty().bind(vm.entriesNote().isNotEmpty());
        scope.managedProperty().bind(scope.visibleProperty());
        vm.showEntries();
        Label current = Views.styled(String.join("\n", vm.settings()), "details");
        Label settingsHelp = Views.styled(messages.get("sup.settingsHelp"), "hint");
        for (Label l : List.of(audit, scope, current, saved, settingsHelp)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        VBox settings = new VBox(8, Views.heading(messages, "sup.audit"), verify, audit,
                new javafx.scene.layout.FlowPane(8, 6, kind, filter, show), entries, scope, Views.heading(messages, "sup.settings"),
                current, edit, save, saved, settingsHelp);
        settings.getStyleClass().add("panel");
        javafx.scene.control.ScrollPane settingsScroll = new javafx.scene.control.ScrollPane(settings);
        settingsScroll.setFitToWidth(true);
        settingsScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        settingsScroll.getStyleClass().add("plain");
        settingsScroll.setPrefWidth(480);
        settingsScroll.setMinWidth(480);
        HBox top = new HBox(8, Views.styled(messages.get("sup.heading"), "heading"));
        HBox columns = new HBox(16, clerksScroll, settingsScroll);
        VBox body = new VBox(12, top, columns);
        VBox.setVgrow(columns, Priority.ALWAYS);
        body.setId("supervisor");
        body.setPadding(new Insets(12, 16, 8, 16));
        vm.refresh();
        return body;
    }

    /** A form label shown whole ("工号", never "工…"). */
    private Label whole(String key) {
        Label l = new Label(messages.get(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private ComboBox<ClerkRole> roles() {
        ComboBox<ClerkRole> c = new ComboBox<>();
        c.getItems().addAll(ClerkRole.values());
        c.getSelectionModel().selectFirst();
        c.setConverter(new StringConverter<>() {
            @Override public String toString(ClerkRole r) { return r == null ? "" : messages.of(r); }
            @Override public ClerkRole fromString(String s) { return null; }
        });
        return c;
    }

    /** The button shows "all kinds" for no choice (the ComboBox calls it empty then); the list, for its first item. */
    private javafx.scene.control.ListCell<org.ticketwindow.idcheck.store.AuditKind> kindCell(boolean button) {
        return new javafx.scene.control.ListCell<>() {
            @Override protected void updateItem(org.ticketwindow.idcheck.store.AuditKind k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty && !button ? "" : k == null ? messages.get("sup.auditAll") : messages.of(k));
            }
        };
    }
}
