package org.ticketwindow.idcheck.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ticketwindow.idcheck.identity.RailwayTime;
import org.ticketwindow.idcheck.store.QueueItem;

import java.time.format.DateTimeFormatter;

/** The queue view (F11): every result not yet synced, the parked ones first, then the latest synced. */
final class QueueView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(RailwayTime.ZONE);

    private final QueueViewModel vm;
    private final Messages messages;

    QueueView(QueueViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    /**
     * The screen; {@code chosen} the id of the result chosen in its table (null: none), kept by the console across builds
     * and chosen again whenever the rows are read (F2, text size, Refresh, a return to the queue lost the choice). With
     * no row chosen but the first one focused, the first ↓ went to the second row.
     */
    VBox build(javafx.beans.property.StringProperty chosen) {
        TableView<QueueItem> table = new TableView<>(vm.items());
        table.setId("queue-table");
        Label help = Views.styled(messages.get("queue.help"), "hint");
        help.setWrapText(true);
        var em = help.fontProperty(); // the columns in em of the body text: px widths cut them at the larger text sizes
        // the central's answer, last, takes the width left over and wraps: a parked result's reason is what the
        // supervisor must read whole (it ended in "…" at every size). The result id is read below, for the row chosen.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Views.wrappingColumn(messages.get("queue.state"), i -> messages.get("queue.state." + i.state().name()), 4.5, false, em));
        table.getColumns().add(Views.wrappingColumn(messages.get("queue.sequence"), i -> String.valueOf(i.sequence()), 3.5, false, em));
        table.getColumns().add(Views.wrappingColumn(messages.get("queue.recordedAt"), i -> i.recordedAt() == null ? "" : TIME.format(i.recordedAt()), 7.5, false, em));
        table.getColumns().add(Views.wrappingColumn(messages.get("queue.case"), vm::caseKind, 10, false, em));
        table.getColumns().add(Views.wrappingColumn(messages.get("queue.outcome"), vm::outcome, 7, false, em));
        table.getColumns().add(Views.wrappingColumn(messages.get("queue.attempts"), i -> String.valueOf(i.attempts()), 3.5, false, em));
        table.getColumns().add(Views.wrappingColumn(messages.get("queue.detail"), vm::detail, 10, true, em));
        // the chosen row's result id (what support asks for), whole and copyable; a column of ids cut them to "01a2…"
        javafx.scene.control.TextField chosenId = new javafx.scene.control.TextField();
        chosenId.setId("queue-chosen-id");
        chosenId.setEditable(false);
        chosenId.setPrefColumnCount(38);
        chosenId.setMinWidth(Region.USE_PREF_SIZE);
        chosenId.setPromptText(messages.get("queue.chooseRow"));
        chosenId.textProperty().bind(table.getSelectionModel().selectedItemProperty().map(QueueItem::id).orElse(""));
        table.getSelectionModel().selectedItemProperty().subscribe((was, now) -> { if (now != null) chosen.set(now.id()); });
        vm.items().subscribe(() -> {
            var rows = table.getSelectionModel();
            if (rows.getSelectedItem() != null) return;
            vm.items().stream().filter(i -> i.id().equals(chosen.get())).findFirst().ifPresent(i -> {
                rows.select(i);
                table.scrollTo(i);
            });
        });
        // with no row chosen the table still focuses the first, and ↓ went on to the second: ↓ or ↑ chooses the row focused
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if ((e.getCode() == javafx.scene.input.KeyCode.DOWN || e.getCode() == javafx.scene.input.KeyCode.UP)
                    && table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                table.getSelectionModel().select(Math.max(0, table.getFocusModel().getFocusedIndex()));
                e.consume();
            }
        });
        Label chosenLabel = new Label(messages.get("queue.id"));
        chosenLabel.setLabelFor(chosenId);
        chosenLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox idLine = new HBox(8, chosenLabel, chosenId);
        idLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        table.setPlaceholder(new Label(messages.get("queue.empty")));
        VBox.setVgrow(table, Priority.ALWAYS);
        Button retry = Views.button(messages.get("queue.retry"), () -> vm.retry(table.getSelectionModel().getSelectedItem()));
        retry.setDisable(!vm.mayRetry());
        Button sync = Views.button(messages.get("queue.syncNow"), vm::syncNow);
        Button refresh = Views.button(messages.get("queue.refresh"), vm::refresh);
        retry.setId("queue-retry"); // ids in no language: the focus finds its button again after F2 (decision 0020)
        sync.setId("queue-sync");
        refresh.setId("queue-refresh");
        Label message = Views.styled("", "recorded");
        message.textProperty().bind(vm.message());
        HBox top = new HBox(8, Views.styled(messages.get("queue.heading"), "heading"), refresh, sync, retry);
        message.setWrapText(true);
        VBox body = new VBox(10, top, help, table, idLine, message);
        body.setId("queue");
        body.setPadding(new Insets(12, 16, 8, 16));
        vm.refresh();
        return body;
    }

}
