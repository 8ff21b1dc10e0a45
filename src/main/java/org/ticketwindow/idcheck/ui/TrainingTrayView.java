package org.ticketwindow.idcheck.ui;

import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.ticketwindow.idcheck.app.TrainingMode;
import org.ticketwindow.idcheck.identity.RailwayTime;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * Training mode's tray (实训): the fictional cards to put on the simulated reader (F5, F6), the faults to inject, the
 * training electronic proofs and passport scan, and the reset. Only in training mode; it drives the simulator through
 * {@link TrainingMode}, never directly.
 */
final class TrainingTrayView {
    private final TrainingMode t;
    private final WorkspaceViewModel vm;
    private final EntryFormViewModel entry;
    private final Messages messages;
    private final Consumer<String> notice;
    private final Runnable syncNow;
    private final Clock clock;

    TrainingTrayView(TrainingMode t, WorkspaceViewModel vm, EntryFormViewModel entry, Messages messages,
                     Consumer<String> notice, Runnable syncNow, Clock clock) {
        this.t = t;
        this.vm = vm;
        this.entry = entry;
        this.messages = messages;
        this.notice = notice;
        this.syncNow = syncNow;
        this.clock = clock;
    }

    private static javafx.scene.control.ListCell<TrainingMode.TrayCard> wrappingCell(Messages messages) {
        javafx.scene.control.ListCell<TrainingMode.TrayCard> cell = new javafx.scene.control.ListCell<>() {
            @Override protected void updateItem(TrainingMode.TrayCard item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : messages.of(item.text()));
            }
        };
        cell.setWrapText(true);
        cell.setMinHeight(Region.USE_PREF_SIZE);
        cell.setPrefWidth(0); // the list's width, not the sentence's
        return cell;
    }

    /**
     * The tray's reader part: the cards to put on the simulated reader (F5, F6) and the faults to inject. The
     * workspace's tray has more below it; the technician screen in training mode has this part only, so that a
     * technician calibrates with a card of their choosing (the simulator kept the clerk's last card).
     */
    static VBox readerTray(TrainingMode t, Messages messages, Runnable syncNow) {
        // a list, not a drop-down: each card's description is a sentence that wraps in the narrow column, never "…"
        javafx.scene.control.ListView<TrainingMode.TrayCard> cards = new javafx.scene.control.ListView<>();
        cards.setId("tray-card");
        cards.getItems().addAll(TrainingMode.trayCards());
        cards.setCellFactory(list -> wrappingCell(messages));
        // in lines of text: 200 px held one or two of its wrapped sentences at the largest text
        Label faultHeading = new Label(messages.get("tray.fault")); // its font is the text's size
        cards.prefHeightProperty().bind(faultHeading.fontProperty().map(f -> Math.max(200, f.getSize() * 11)));
        cards.setMinHeight(120);
        // the chosen card in view as the arrow keys move: with cells of several lines the list left it below its edge,
        // and a trainee placed a card they could not see. Scrolled by the least that shows it (not to the top)
        cards.getSelectionModel().selectedIndexProperty().subscribe(i -> {
            if (i.intValue() >= 0 && cards.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
                flow.scrollTo(i.intValue());
            }
        });
        // the card on the simulated reader, if any (the screen is built again after the queue or a language switch)
        cards.getItems().stream().filter(c -> t.cardOnReader().map(c.id()::equals).orElse(false)).findFirst()
                .ifPresentOrElse(cards.getSelectionModel()::select, cards.getSelectionModel()::selectFirst);
        cards.scrollTo(cards.getSelectionModel().getSelectedIndex());
        cards.setAccessibleText(messages.get("tray.heading"));
        Button place = Views.button(KeyMap.TRAY_PLACE.button(messages, "tray.place"), () -> t.place(cards.getSelectionModel().getSelectedItem().id()));
        place.setId("tray-place");
        Button remove = Views.button(KeyMap.TRAY_REMOVE.button(messages, "tray.remove"), t::removeCard);
        remove.setId("tray-remove");
        // F5 / F6 wherever the focus is, while this tray is on screen: the filter leaves the scene with it. (Left on the
        // window's one scene, every tray ever built kept its filter: each log-in and each F2 or text size kept a whole
        // workspace alive until the heap was full, and F5 on the technician screen placed a card from an old tray.)
        javafx.event.EventHandler<KeyEvent> keys = k -> {
            KeyMap pressed = KeyMap.of(k).orElse(null);
            if (pressed == KeyMap.TRAY_PLACE) place.fire();
            if (pressed == KeyMap.TRAY_REMOVE) remove.fire();
        };
        cards.sceneProperty().addListener((o, was, scene) -> {
            if (was != null) was.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            if (scene != null) scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        });
        ComboBox<TrainingMode.Fault> fault = new ComboBox<>();
        fault.setId("tray-fault");
        fault.getItems().addAll(TrainingMode.Fault.values());
        fault.getSelectionModel().select(t.injected()); // the simulator's real state, before the listener below
        fault.setConverter(WorkspaceView.named(f -> messages.of(f)));
        fault.setAccessibleText(messages.get("tray.fault"));
        fault.valueProperty().addListener((o, was, now) -> {
            t.inject(now);
            syncNow.run(); // the central may be back: send what waits now rather than at the next retry
        });
        for (Button b : List.of(place, remove)) b.setMaxWidth(Double.MAX_VALUE);
        cards.setMaxWidth(Double.MAX_VALUE);
        fault.setMaxWidth(Double.MAX_VALUE);
        // Place and Remove above the list: below it they were under the fold at 1366×768 in English (the list is 11 lines of text, at least 200 px)
        VBox v = new VBox(6, Views.styled(messages.get("tray.heading"), "tray-title"), new javafx.scene.layout.FlowPane(6, 6, place, remove),
                cards, faultHeading, fault);
        v.getStyleClass().add("tray");
        return v;
    }

    /** The whole tray of the workspace: the reader part, then the proofs, the passport scan and the reset. */
    Node build() {
        VBox v = readerTray(t, messages, syncNow);
        Button fresh = Views.button(messages.get("tray.proofFresh"), () -> vm.scanProof(t.proof(true, clock.instant())));
        fresh.setId("tray-proof-fresh");
        Button stale = Views.button(messages.get("tray.proofStale"), () -> vm.scanProof(t.proof(false, clock.instant())));
        stale.setId("tray-proof-stale");
        Button mrz = Views.button(messages.get("tray.mrz"), () -> entry.scanMrz(TrainingMode.passportMrz(LocalDate.now(clock.withZone(RailwayTime.ZONE)))));
        mrz.setId("tray-mrz");
        Button[] resetButton = new Button[1];
        Button reset = Views.button(messages.get("tray.reset"), () -> new Confirmation("reset-confirmation",
                messages.get("tray.resetTitle"), messages.get("tray.resetText"), messages.get("tray.resetYes"),
                messages.get("tray.resetNo")).ask(resetButton[0], () -> {
            vm.cancel();
            t.reset();
            notice.accept(messages.get("tray.resetDone"));
        }));
        resetButton[0] = reset;
        reset.setId("tray-reset");
        for (Button b : List.of(fresh, stale, mrz, reset)) { // long labels wrap inside the narrow column, never cut
            b.setWrapText(true);
            b.setMinWidth(0);
            b.setMinHeight(Region.USE_PREF_SIZE);
            b.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        }
        for (Button b : List.of(fresh, stale, mrz, reset)) b.setMaxWidth(Double.MAX_VALUE);
        v.getChildren().addAll(fresh, stale, mrz, reset);
        return v;
    }
}
