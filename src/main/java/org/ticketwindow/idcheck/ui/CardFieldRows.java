package org.ticketwindow.idcheck.ui;

import javafx.geometry.HPos;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * A card's fields, each label with its value: the labels in a column beside the values when every value fits there at
 * its least width, else each label above its value (two cards side by side always so). At the largest text a long
 * foreign name ("WORTHINGTON-SMYTHE", which JavaFX does not break at its hyphen) beside "证件类型" needed more than the
 * column had and was cut inside a letter run; above its label it has the card's whole width. Like
 * {@link PhotoBesideFields} it computes its height for the width it is given.
 */
final class CardFieldRows extends Region {
    private static final double LABEL_GAP = 10;
    /** A label above its value is greyed, so label and value tell apart at a glance (colour only: no size changes). */
    private static final javafx.css.PseudoClass ABOVE = javafx.css.PseudoClass.getPseudoClass("above");

    private record Row(Label label, Label value) {}

    private final List<Row> rows = new ArrayList<>();
    private final boolean alwaysAbove;
    private final double rowGap;

    /** {@code alwaysAbove}: two cards side by side, each label above its value at every width. */
    CardFieldRows(boolean alwaysAbove) {
        this.alwaysAbove = alwaysAbove;
        this.rowGap = alwaysAbove ? 0 : 6;
    }

    void add(Label label, Label value) {
        label.getStyleClass().add("card-field-label");
        rows.add(new Row(label, value));
        getChildren().addAll(label, value);
    }

    /** Whether the labels fit in a column beside the values at this inner width (negative: no width yet, beside). */
    boolean beside(double width) {
        if (alwaysAbove) return false;
        return width < 0 || width >= labelColumn() + LABEL_GAP + widestLeast();
    }

    private double labelColumn() { return rows.stream().mapToDouble(r -> r.label().prefWidth(-1)).max().orElse(0); }

    private double widestLeast() { return rows.stream().mapToDouble(r -> r.value().minWidth(-1)).max().orElse(0); }

    /**
     * A value's width in a space {@code room} wide: as wide as it asks, within its most, never wider than the room, and
     * never below its least (which wins over its most, as in JavaFX's own sizing: a name's widest word over 12 em).
     */
    private static double valueWidth(Label value, double room) {
        double w = room < 0 ? value.prefWidth(-1) : Math.min(room, value.prefWidth(-1));
        return Math.max(value.minWidth(-1), Math.min(w, value.maxWidth(-1)));
    }

    @Override public Orientation getContentBias() { return Orientation.HORIZONTAL; }

    @Override protected double computePrefWidth(double height) {
        double values = rows.stream().mapToDouble(r -> valueWidth(r.value(), -1)).max().orElse(0);
        double inner = alwaysAbove ? Math.max(labelColumn(), values) : labelColumn() + LABEL_GAP + values;
        return inner + snappedLeftInset() + snappedRightInset();
    }

    @Override protected double computeMinWidth(double height) {
        // each label above its value is the narrowest it goes: as wide as the widest label or least value
        return Math.max(labelColumn(), widestLeast()) + snappedLeftInset() + snappedRightInset();
    }

    @Override protected double computePrefHeight(double width) {
        double inner = width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
        double h = 0;
        boolean beside = beside(inner);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (i > 0) h += rowGap;
            h += beside ? Math.max(r.label().prefHeight(-1), r.value().prefHeight(valueWidth(r.value(), valueRoom(inner))))
                    : aboveGap(i) + r.label().prefHeight(-1) + r.value().prefHeight(valueWidth(r.value(), inner));
        }
        return h + snappedTopInset() + snappedBottomInset();
    }

    @Override protected double computeMinHeight(double width) { return computePrefHeight(width); }

    /** The values' room beside the label column at this inner width. */
    private double valueRoom(double inner) { return inner < 0 ? -1 : inner - labelColumn() - LABEL_GAP; }

    /** Above its value, a label after the first keeps a little room from the value before it. */
    private double aboveGap(int row) { return row > 0 ? 4 : 0; }

    @Override protected void layoutChildren() {
        double x = snappedLeftInset(), y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        boolean beside = beside(w);
        double labels = labelColumn();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            r.label().pseudoClassStateChanged(ABOVE, !beside);
            if (i > 0) y += rowGap;
            if (beside) {
                double vw = valueWidth(r.value(), valueRoom(w));
                double vh = r.value().prefHeight(vw), lh = r.label().prefHeight(-1);
                layoutInArea(r.label(), x, y, labels, lh, 0, HPos.LEFT, VPos.TOP);
                layoutInArea(r.value(), x + labels + LABEL_GAP, y, vw, vh, 0, HPos.LEFT, VPos.TOP);
                y += Math.max(lh, vh);
            } else {
                y += aboveGap(i);
                double lh = r.label().prefHeight(-1);
                layoutInArea(r.label(), x, y, Math.min(w, r.label().prefWidth(-1)), lh, 0, HPos.LEFT, VPos.TOP);
                y += lh;
                double vw = valueWidth(r.value(), w);
                double vh = r.value().prefHeight(vw);
                layoutInArea(r.value(), x, y, vw, vh, 0, HPos.LEFT, VPos.TOP);
                y += vh;
            }
        }
    }
}
