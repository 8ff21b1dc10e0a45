package org.ticketwindow.idcheck.ui;

import javafx.scene.control.ScrollPane;

/**
 * A scroll pane that asks to be as tall as its content at the width it has, so that what it holds is read whole
 * without scrolling; when its column is short it gives way with the others and scrolls (decision 0017). Its height is
 * worked out from the content's preferred height for the current width, not from the content's last laid-out height:
 * a binding to that height lagged one text behind, and a refusal's sentence for the passenger showed two lines of five.
 */
final class TallAsContent extends ScrollPane {

    TallAsContent() {
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("plain");
        widthProperty().addListener((o, was, now) -> requestLayout()); // wrapped lines change with the width
    }

    @Override protected double computePrefHeight(double width) {
        // the width it is asked about when given (the comparison column's layout asks before resizing it), else its own
        double inner = (width > 0 ? width : getWidth()) - snappedLeftInset() - snappedRightInset();
        double content = getContent() == null ? 0 : getContent().prefHeight(inner > 0 ? inner : -1);
        return content + snappedTopInset() + snappedBottomInset();
    }
}
