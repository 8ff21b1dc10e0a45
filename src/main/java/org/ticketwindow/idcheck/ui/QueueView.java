package org.ticketwindow.idcheck.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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

    VBox build() {
        TableView<QueueItem> table = new TableView<>(vm.items());
        table.setId("queue-table");
        // the result id, last, takes the width left over (an empty filler column stood beside a cut id)
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Views.column(messages.get("queue.state"), i -> messages.get("queue.state." + i.state().name()), 90));
        table.getColumns().add(Views.column(messages.get("queue.sequence"), i -> String.valueOf(i.sequence()), 70));
        table.getColumns().add(Views.column(messages.get("queue.recordedAt"), i -> i.recordedAt() == null ? "" : TIME.format(i.recordedAt()), 140));
        table.getColumns().add(Views.column(messages.get("queue.case"), vm::caseKind, 150));
        table.getColumns().add(Views.column(messages.get("queue.outcome"), vm::outcome, 130));
        table.getColumns().add(Views.column(messages.get("queue.attempts"), i -> String.valueOf(i.attempts()), 60));
        table.getColumns().add(Views.column(messages.get("queue.detail"), vm::detail, 330));
        table.getColumns().add(Views.column(messages.get("queue.id"), QueueItem::id, 250));
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
        VBox body = new VBox(10, top, Views.styled(messages.get("queue.help"), "hint"), table, message);
        body.setId("queue");
        body.setPadding(new Insets(12, 16, 8, 16));
        vm.refresh();
        return body;
    }

}
