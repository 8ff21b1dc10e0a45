package org.ticketwindow.idcheck.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The login screen: clerk id, PIN, log-in and language buttons, with hints for a training counter and a technician
 * start. Before the session is open the same place says the console is starting, or why it cannot start.
 */
final class LoginView {
    private final Messages messages;

    LoginView(Messages messages) { this.messages = messages; }

    /** The form over {@code vm}; the console puts the focus in it once shown (the clerk id, or where it was). */
    BorderPane build(LoginViewModel vm, boolean training, boolean technicianStart, Runnable switchLanguage) {
        TextField id = new TextField();
        id.setId("login-id");
        id.setAccessibleText(messages.get("login.clerkId"));
        id.textProperty().bindBidirectional(vm.clerkId());
        PasswordField pin = new PasswordField();
        pin.setId("login-pin");
        pin.setAccessibleText(messages.get("login.pin"));
        pin.textProperty().bindBidirectional(vm.pin());
        Button go = new Button(KeyMap.RECORD.button(messages, "login.submit"));
        go.setId("login-submit");
        go.setDefaultButton(true);
        go.disableProperty().bind(vm.busy());
        go.setOnAction(e -> vm.login());
        Button lang = new Button(KeyMap.LANGUAGE.button(messages, "login.language"));
        lang.setOnAction(e -> switchLanguage.run());
        Label msg = new Label();
        msg.setId("login-message");
        msg.textProperty().bind(vm.message());
        msg.getStyleClass().add("message");
        GridPane form = new GridPane(12, 12);
        form.addRow(0, new Label(messages.get("login.clerkId")), id);
        form.addRow(1, new Label(messages.get("login.pin")), pin);
        form.add(new HBox(12, go, lang), 1, 2);
        Label heading = new Label(messages.get("login.heading"));
        heading.getStyleClass().add("heading");
        VBox box = new VBox(18, heading, form, msg);
        if (training) { // each account whole on its line: "值班主" / "任 8001" broke at the largest text
            Label accounts = Views.styled(trainingAccounts(messages), "hint");
            accounts.setId("login-accounts");
            box.getChildren().add(Views.readsPlain(accounts));
        }
        if (technicianStart) box.getChildren().add(Views.styled(messages.get("login.technicianHint"), "hint"));
        box.setMaxWidth(560);
        return centred(box);
    }

    /** The training accounts, each one kept whole: the line wraps between accounts only. */
    static String trainingAccounts(Messages messages) {
        return Unbroken.pieces(messages.get("login.trainingHint"), messages.english() ? ", " : "，", messages.locale());
    }

    /** Before the session is open: starting, or why it cannot start ({@code failure} non-null). */
    BorderPane starting(String failure) {
        Label heading = Views.styled(messages.get("login.heading"), "heading");
        Label msg = Views.styled(failure == null ? messages.get("start.opening") : messages.get("start.failed", failure),
                failure == null ? "hint" : "message");
        msg.setId("login-message");
        VBox box = new VBox(18, heading, msg);
        box.setMaxWidth(760);
        return centred(box);
    }

    private static BorderPane centred(VBox box) {
        box.setAlignment(Pos.CENTER);
        BorderPane centre = new BorderPane(box);
        centre.setPadding(new Insets(40));
        return centre;
    }
}
