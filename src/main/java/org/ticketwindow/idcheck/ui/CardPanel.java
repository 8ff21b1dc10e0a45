package org.ticketwindow.idcheck.ui;

import javafx.scene.layout.VBox;

/**
 * One document's panel in the row of cards. The row (a FlowPane) asks a card for its height without saying the width
 * it will give it; a VBox then answers for its lines unwrapped, and a card whose values wrap (a long address, the
 * checks, the fields below the photo) ran past the end of what its scroll pane scrolls to: the validity was never seen.
 * Asked without a width, this panel answers for the width the row gives it: its preferred width, at most its
 * maximum, at least its minimum.
 */
final class CardPanel extends VBox {
    CardPanel() {
        super(8);
    }

    private double given(double width) {
        return width >= 0 ? width : Math.max(minWidth(-1), Math.min(prefWidth(-1), maxWidth(-1)));
    }

    @Override protected double computePrefHeight(double width) { return super.computePrefHeight(given(width)); }

    @Override protected double computeMinHeight(double width) { return super.computeMinHeight(given(width)); }
}
