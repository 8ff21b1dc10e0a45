package org.ticketwindow.idcheck.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ticketwindow.idcheck.store.QueueItem;
import org.ticketwindow.idcheck.store.ResultQueue;
import org.ticketwindow.idcheck.store.ResultState;

import java.util.ArrayList;
import java.util.List;

/**
 * The queue view: results waiting, on the wire, parked (the central refused them: a supervisor looks and sends them
 * again) and the latest synced, with the central's answer. Rows carry no personal data (ids, states, case kinds).
 */
public final class QueueViewModel {
    private static final int SYNCED_SHOWN = 50;

    private final ResultQueue queue;
    private final Runnable syncNow;
    private final String actorId;
    private final boolean mayRetry;
    private final Tasks tasks;
    private final Messages messages;
    private final ObservableList<QueueItem> items = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** {@code mayRetry}: the supervisor role; a clerk sees parked results but cannot send them again. */
    public QueueViewModel(ResultQueue queue, Runnable syncNow, String actorId, boolean mayRetry, Tasks tasks, Messages messages) {
        this.queue = queue;
        this.syncNow = syncNow;
        this.actorId = actorId;
        this.mayRetry = mayRetry;
        this.tasks = tasks;
        this.messages = messages;
    }

    public ObservableList<QueueItem> items() { return items; }
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }
    public boolean mayRetry() { return mayRetry; }

    /** The row's case kind in the clerk's language (the store keeps the constant's name: it knows no rules). */
    public String caseKind(QueueItem i) { return named("CaseKind.", i.caseKind()); }

    /** The row's outcome in the clerk's language. */
    public String outcome(QueueItem i) { return named("Outcome.", i.outcome()); }

    /**
     * The central's answer once synced, else why it is parked or the last send error (the store keeps a parked
     * result's reason as its last error): stored texts, in the clerk's language.
     */
    public String detail(QueueItem i) {
        String line = i.state() == ResultState.SYNCED ? i.answer() : i.lastError();
        return line == null ? "" : messages.stored(line);
    }

    private String named(String type, String constant) {
        if (constant == null || constant.isEmpty()) return "";
        return messages.texts().has(type + constant) ? messages.get(type + constant) : constant;
    }

    public void refresh() {
        tasks.run(() -> {
            List<QueueItem> out = new ArrayList<>(queue.items(ResultState.PARKED, 500));
            out.addAll(queue.items(ResultState.QUEUED, 500));
            out.addAll(queue.items(ResultState.SENDING, 500));
            out.addAll(queue.items(ResultState.SYNCED, SYNCED_SHOWN));
            return out;
        }, items::setAll, e -> message.set(messages.get("queue.failed", e.getMessage())));
    }

    /** Sends a parked result again (supervisor; audited by the store). */
    public void retry(QueueItem item) {
        if (item == null || item.state() != ResultState.PARKED) return;
        if (!mayRetry) {
            message.set(messages.get("queue.supervisorOnly"));
            return;
        }
        tasks.run(() -> queue.retryParked(item.id(), actorId), ok -> {
            message.set(ok ? messages.get("queue.retried", item.id()) : messages.get("queue.notParked", item.id()));
            syncNow.run();
            refresh();
        }, e -> message.set(messages.get("queue.failed", e.getMessage())));
    }

    public void syncNow() {
        syncNow.run();
        message.set(messages.get("queue.syncing"));
        refresh();
    }
}
