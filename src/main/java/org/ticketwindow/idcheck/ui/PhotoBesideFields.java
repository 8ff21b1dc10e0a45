package org.ticketwindow.idcheck.ui;

import javafx.geometry.HPos;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * A card's photo with its fields beside it when the width allows the fields at their preferred width, else the
 * fields below the photo, at the width there is (their long values wrap). Unlike a FlowPane it computes its height
 * for the width it is given, so wrapped fields never overlap what follows.
 */
final class PhotoBesideFields extends Region {
    private static final double GAP = 12;
    private final Node photo;
    private final Region fields;

    PhotoBesideFields(Node photo, Region fields) {
        this.photo = photo;
        this.fields = fields;
        getChildren().addAll(photo, fields);
    }

    private boolean beside(double width) {
        return width < 0 || width >= photo.prefWidth(-1) + GAP + fields.prefWidth(-1);
    }

    @Override public Orientation getContentBias() { return Orientation.HORIZONTAL; }

    @Override protected double computePrefWidth(double height) {
        return photo.prefWidth(-1) + GAP + fields.prefWidth(-1) + snappedLeftInset() + snappedRightInset();
    }

    @Override protected double computeMinWidth(double height) {
        return Math.max(photo.minWidth(-1), fields.minWidth(-1)) + snappedLeftInset() + snappedRightInset();
    }

    @Override protected double computePrefHeight(double width) {
        double inner = width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
        // the fields' height for the very width layoutChildren gives them (a grid of wrapping values is taller by a
        // rounding or a line at another width, and its last line then fell outside what scrolls into view)
        double h = !beside(inner) ? photo.prefHeight(-1) + GAP + fields.prefHeight(Math.max(fields.minWidth(-1), inner))
                : Math.max(photo.prefHeight(-1), fields.prefHeight(inner < 0 ? -1 : inner - photo.prefWidth(-1) - GAP));
        return h + snappedTopInset() + snappedBottomInset();
    }

    @Override protected double computeMinHeight(double width) { return computePrefHeight(width); }

    @Override protected void layoutChildren() {
        double x = snappedLeftInset(), y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double pw = photo.prefWidth(-1), ph = photo.prefHeight(-1);
        if (beside(w)) {
            layoutInArea(photo, x, y, pw, ph, 0, HPos.LEFT, VPos.TOP);
            double fw = w - pw - GAP;
            layoutInArea(fields, x + pw + GAP, y, fw, fields.prefHeight(fw), 0, HPos.LEFT, VPos.TOP);
        } else {
            layoutInArea(photo, x, y, pw, ph, 0, HPos.LEFT, VPos.TOP);
            double fw = Math.max(fields.minWidth(-1), w);
            layoutInArea(fields, x, y + ph + GAP, fw, fields.prefHeight(fw), 0, HPos.LEFT, VPos.TOP);
        }
    }
}
