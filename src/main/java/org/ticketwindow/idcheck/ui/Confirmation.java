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
    /** The button bar's gaps and the dialog's padding around the two buttons, in px. */
    private static final double BUTTON_BAR_ROOM = 80;

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
        // the choices whole: the dialog widens to them once laid out in the window's text size ("Drop it and switch to
        // Proxy ..." was cut at 560 px; the button bar gives both buttons the same width and sets their least width)
        a.setOnShown(e -> {
            double both = 2 * Math.max(dropButton.prefWidth(-1), keepButton.prefWidth(-1)) + BUTTON_BAR_ROOM;
            if (both > a.getDialogPane().getWidth()) {
                a.getDialogPane().setPrefWidth(both);
                a.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        a.setOnHidden(e -> {
            if (a.getResult() == drop) onYes.run();
        });
        a.show();
    }
}
