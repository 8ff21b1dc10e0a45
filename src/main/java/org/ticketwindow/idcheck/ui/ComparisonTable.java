package org.ticketwindow.idcheck.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import java.util.function.Consumer;

/**
 * The comparison's table: each field's two values beside their headers (证件上 / 网上登记), the values wrapping to the
 * column. A word of a value (an ID number, a date, a word of a name) is never broken: the clerk reads an
 * 18-digit number digit by digit against the website's, and "91182619900715022" over "5" misleads. Where the widest
 * such word does not fit beside the headers (English at 1280 px, any language at the largest text), every value goes
 * below its header instead; the choice depends on the width alone, so it does not flip back and forth.
 */
final class ComparisonTable extends GridPane {
    static final String HEADER = "compare-header";
    static final String VALUE = "compare-value";
    private final Consumer<ComparisonTable> refill;
    private boolean below;

    /** {@code refill} builds the rows again, reading {@link #below()}. */
    ComparisonTable(Consumer<ComparisonTable> refill) {
        super(10, 4);
        this.refill = refill;
    }

    /** Whether each value is shown below its header rather than beside it. */
    boolean below() { return below; }

    @Override protected void layoutChildren() {
        super.layoutChildren();
        double header = 0, word = 0;
        for (Node n : getChildren()) {
            if (!(n instanceof Label l) || l.getText() == null) continue;
            if (l.getStyleClass().contains(HEADER)) header = Math.max(header, l.prefWidth(-1));
            if (l.getStyleClass().contains(VALUE) && !l.getText().isBlank()) {
                // its widest piece a line never breaks inside, with the label's own padding: a number, or a word of
                // a name ("WORTHINGTON-SMYTHE", which JavaFX cuts inside a letter run, not at its hyphen)
                word = Math.max(word, widestWord(l) + l.snappedLeftInset() + l.snappedRightInset());
            }
        }
        if (word == 0) return; // nothing to keep whole (before a card): the rows stay as they are
        boolean fits = getWidth() - snappedLeftInset() - snappedRightInset() >= header + getHgap() + word;
        if (fits == below) {
            below = !fits;
            Platform.runLater(() -> refill.accept(this)); // not while laying out: the rows are rebuilt at the next pulse
        }
    }

    /** A value's widest piece, measured once per text and font (this runs at every layout pass of the table). */
    private static double widestWord(Label l) {
        record Measured(String text, javafx.scene.text.Font font, double width) {}
        if (l.getProperties().get(Measured.class) instanceof Measured m && m.text().equals(l.getText()) && m.font().equals(l.getFont())) {
            return m.width();
        }
        Measured m = new Measured(l.getText(), l.getFont(), Unbroken.widestWord(l.getText(), l.getFont()));
        l.getProperties().put(Measured.class, m);
        return m.width();
    }
}
