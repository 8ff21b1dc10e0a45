package org.ticketwindow.idcheck.ui;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * A question before work is dropped (a decision not recorded, a running calibration, the training data). Keeping the
 * work is the default button: a reflex Enter never throws anything away. The dialog takes the window's text size
 * and font, and shows the whole question.
 *
 * @param id     the dialog's id; its buttons are {@code id-yes} and {@code id-no} unless named
 * @param header the question in a few words
 * @param text   what is lost, and what the other choice keeps
 * @param yes    the label of the choice that drops the work
 * @param no     the label of the choice that keeps it
 */
record Confirmation(String id, String header, String text, String yes, String no, String yesId, String noId) {
    Confirmation(String id, String header, String text, String yes, String no) {
        this(id, header, text, yes, no, id + "-yes", id + "-no");
    }

    /** Shows the question over {@code from}'s window; {@code onYes} runs only when the work is to be dropped. */
    void ask(Node from, Runnable onYes) {
        ButtonType drop = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(no, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, drop, keep);
        a.setHeaderText(header);
        Views.whole(a, header, from.getScene().getWindow(), from.getScene().getRoot().getStyle()); // the whole question, not "…"
        a.getDialogPane().setId(id);
        a.getDialogPane().setPrefWidth(560);
        Button dropButton = (Button) a.getDialogPane().lookupButton(drop);
        dropButton.setId(yesId);
        dropButton.setDefaultButton(false);
        Button keepButton = (Button) a.getDialogPane().lookupButton(keep);
        keepButton.setId(noId);
        keepButton.setDefaultButton(true);
        a.setOnHidden(e -> {
            if (a.getResult() == drop) onYes.run();
        });
        a.show();
    }
}
