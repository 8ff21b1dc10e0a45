package org.ticketwindow.idcheck.ui;

import javafx.application.Platform;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextInputControl;

import java.util.List;
import java.util.function.Function;

/** Small helpers the views share: styled labels, buttons with screen-reader names, table columns, Enter actions. */
final class Views {
    /** Node property: what Enter does while this field has the focus (instead of recording the decision). */
    static final String ENTER_ACTION = "idcheck.enter";

    private Views() {}

    static Label styled(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap onto more lines rather than cut with "…"
        return l;
    }

    static Label heading(Messages m, String key) { return styled(m.get(key), "heading"); }

    /** A button whose accessible name is its text without the shortcut in brackets. */
    static Button button(String text, Runnable action) {
        Button b = new Button(text);
        b.setMinWidth(Region.USE_PREF_SIZE); // a button's text and its key are never cut: the row around it reflows
        b.setAccessibleText(text.replaceAll("\\s*\\(.*\\)$", ""));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Enter in {@code field} runs {@code action} (a scanner's line, a typed factor) rather than the workspace's Enter. */
    static <T extends TextInputControl> T onEnter(T field, Runnable action) {
        field.getProperties().put(ENTER_ACTION, action);
        return field;
    }

    /** The Enter action of the focused node, when it has one. */
    static Runnable enterAction(Node focused) {
        return focused == null ? null : (Runnable) focused.getProperties().get(ENTER_ACTION);
    }

    /** The gap between the workspace's columns, and their margin to the window's left and right edges, in px. */
    static final double COLUMNS_GAP = 16, COLUMNS_MARGIN = 16;

    /**
     * The workspace's layout: a row on top, three columns (those in {@code growing} share the spare width) and a message
     * line under them, taking no room while it is empty.
     */
    static javafx.scene.layout.VBox topColumnsMessage(Node top, List<Node> columns, List<Integer> growing,
                                                      javafx.beans.value.ObservableStringValue message, String messageId) {
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(COLUMNS_GAP, columns.toArray(Node[]::new));
        row.setPadding(new javafx.geometry.Insets(12, COLUMNS_MARGIN, 8, COLUMNS_MARGIN));
        for (int g : growing) javafx.scene.layout.HBox.setHgrow(columns.get(g), javafx.scene.layout.Priority.ALWAYS);
        Label line = styled("", "recorded");
        line.setId(messageId);
        line.textProperty().bind(message);
        line.setPadding(new javafx.geometry.Insets(0, 16, 8, 16));
        shownWhenNotEmpty(line); // an empty line took a line's height from the columns above it
        javafx.scene.layout.VBox body = new javafx.scene.layout.VBox(top, row, line);
        javafx.scene.layout.VBox.setVgrow(row, javafx.scene.layout.Priority.ALWAYS);
        return body;
    }

    /** {@code label} is shown, and takes room, only while it has a text. */
    static void shownWhenNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /**
     * {@code content} filling the width it is given and at least the height, scrolling up and down when it needs more
     * (large text on a small screen), never sideways.
     */
    static javafx.scene.control.ScrollPane scrollingDown(Node content) {
        javafx.scene.control.ScrollPane sp = new javafx.scene.control.ScrollPane(content);
        sp.setFitToWidth(true);
        sp.setFitToHeight(true);
        sp.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        sp.getStyleClass().add("plain");
        return sp;
    }

    /**
     * Runs {@code fill} now and on every change of any of {@code sources}. {@code Observable.subscribe(Runnable)} does
     * not run it at once: a view built again over the same view model (the language, the text size) showed empty lists.
     */
    static javafx.util.Subscription fillNowAndOnChange(Runnable fill, javafx.beans.Observable... sources) {
        javafx.util.Subscription all = javafx.util.Subscription.EMPTY;
        for (javafx.beans.Observable source : sources) all = all.and(source.subscribe(fill));
        fill.run();
        return all;
    }

    /** A screen reader reads {@code label}'s words, not the marks that keep them on one line ({@link Unbroken}). */
    static <T extends javafx.scene.control.Labeled> T readsPlain(T label) {
        label.accessibleTextProperty().bind(label.textProperty().map(Unbroken::plain));
        return label;
    }

    /** Whether {@code target} (a key's target, the focus owner) takes typing: Enter and the focus are left to it there. */
    static boolean typingIn(Object target) {
        return target instanceof javafx.scene.control.TextInputControl || target instanceof javafx.scene.control.ComboBoxBase<?>;
    }

    /**
     * A dialog shown whole, in the window's language and text: its title (JavaFX would title it "Message" or
     * "Confirmation" in the JVM's language), a height grown to its text (under a window manager a long text was cut to
     * its first line and "…"), and the window's text size and font.
     */
    static void whole(javafx.scene.control.Alert a, String title, javafx.stage.Window owner, String style) {
        a.setTitle(title);
        a.initOwner(owner);
        a.setResizable(true);
        a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        a.getDialogPane().setStyle(style);
    }

    /**
     * Keeps what has the keyboard focus inside {@code sp} in its view: a clerk working by keyboard alone never types
     * into a field scrolled out of sight (the extra factor's box appears below a long comparison).
     */
    static void followFocus(javafx.scene.control.ScrollPane sp) {
        sp.sceneProperty().flatMap(javafx.scene.Scene::focusOwnerProperty).subscribe(n -> {
            if (n != null && sp.getContent() != null && inside(n, sp.getContent())) {
                Platform.runLater(() -> { // the box that came with the focus laid out first, else its place is not known yet
                    sp.getScene().getRoot().applyCss();
                    sp.getScene().getRoot().layout();
                    scrollIntoView(sp, n);
                });
            }
        });
    }

    private static boolean inside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) if (p == ancestor) return true;
        return false;
    }

    /** Scrolls {@code sp} the least that brings {@code n} (inside its content) wholly into view, its top first. */
    static void scrollIntoView(javafx.scene.control.ScrollPane sp, Node n) {
        Node content = sp.getContent();
        double total = content.getLayoutBounds().getHeight();
        double view = sp.getViewportBounds().getHeight();
        if (total <= view) return;
        javafx.geometry.Bounds b = content.sceneToLocal(n.localToScene(n.getLayoutBounds()));
        double top = (sp.getVvalue() - sp.getVmin()) / (sp.getVmax() - sp.getVmin()) * (total - view);
        double want = b.getMinY() < top ? b.getMinY() : b.getMaxY() > top + view ? Math.min(b.getMinY(), b.getMaxY() - view) : top;
        want = Math.max(0, Math.min(total - view, want));
        sp.setVvalue(sp.getVmin() + (sp.getVmax() - sp.getVmin()) * want / (total - view));
    }

    /** A table's mark: its rows are to be measured again at the next pulse ({@link #wrappingColumn}). */
    private static final Object MEASURE_AGAIN = new Object();

    /**
     * A column {@code ems} wide at the text size in use ({@code font}: a label of the screen's body text), or at least
     * that wide when it {@code fills} the width the others leave; its cells wrap onto more lines rather than end in "…"
     * (a parked result's reason, a case's name at the largest text: the px widths cut them at every size).
     */
    static <R> TableColumn<R, String> wrappingColumn(String title, Function<R, String> value, double ems, boolean fills,
                                                     javafx.beans.value.ObservableValue<javafx.scene.text.Font> font) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setCellFactory(column -> new WrappingCell<>());
        // the table keeps each row's height from when it was first measured (the text size, the leftover width not yet
        // known): a new width measures the rows again, once per pulse for all its columns
        c.widthProperty().subscribe(w -> {
            var table = c.getTableView();
            if (table == null || table.getProperties().putIfAbsent(MEASURE_AGAIN, Boolean.TRUE) != null) return;
            Platform.runLater(() -> {
                table.getProperties().remove(MEASURE_AGAIN);
                table.refresh();
            });
        });
        font.subscribe(f -> {
            c.setMinWidth(f.getSize() * ems);
            c.setPrefWidth(f.getSize() * ems);
            if (!fills) c.setMaxWidth(f.getSize() * ems); // the width left over goes to the one that fills, not spread
        });
        return c;
    }

    /**
     * A table cell whose text wraps at its column's width. A cell's own wrapping did not do: the table sizes a row by
     * its cells' heights asked at no width, one line for a wrapping label, and the other lines ended in "…". A text
     * node told its wrapping width answers with all its lines, and the row grows to hold them.
     */
    static final class WrappingCell<R> extends javafx.scene.control.TableCell<R, String> {
        private final javafx.scene.text.Text text = new javafx.scene.text.Text();

        WrappingCell() {
            text.getStyleClass().add("wrapping-cell-text");
            text.fontProperty().bind(fontProperty());
            text.fillProperty().bind(textFillProperty()); // white on the selected row, the theme's colour otherwise
            // the column's width, known before the cell is laid out (the cell's own is 0 when the row is first
            // measured), less the cell's padding, which CSS sets after the cell has its column
            var columnWidth = tableColumnProperty().flatMap(TableColumn::widthProperty);
            text.wrappingWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
                if (getTableColumn() == null) return 0.0;
                return Math.max(1, getTableColumn().getWidth() - snappedLeftInset() - snappedRightInset() - 1);
            }, columnWidth, paddingProperty(), insetsProperty()));
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty || item == null ? "" : item);
            setGraphic(empty ? null : text);
            setAccessibleText(text.getText()); // a screen reader reads the value, not the graphic
        }
    }

    static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** The width {@code text} takes on one line in {@code font}, in whole pixels. */
    static double textWidth(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return Math.ceil(t.getLayoutBounds().getWidth());
    }
}
