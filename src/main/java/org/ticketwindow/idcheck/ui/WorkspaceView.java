package org.ticketwindow.idcheck.ui;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.ticketwindow.idcheck.app.TrainingMode;
import org.ticketwindow.idcheck.identity.CardChecks;
import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.CardDate;
import org.ticketwindow.idcheck.identity.CardDefect;
import org.ticketwindow.idcheck.identity.RailwayTime;
import org.ticketwindow.idcheck.verify.CaseKind;
import org.ticketwindow.idcheck.verify.ClerkNameDecision;
import org.ticketwindow.idcheck.verify.DocumentType;
import org.ticketwindow.idcheck.verify.ExtraFactorKind;
import org.ticketwindow.idcheck.verify.FieldComparison;

import java.io.File;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The verification workspace's controls: case buttons (F3 F4 F7 F8 F9 F10), then reader and slots | the card, the
 * entry form or the proof scanner | records, comparison, extra factor, name decision and the decision buttons. Every
 * text and decision comes from {@link WorkspaceViewModel} and {@link EntryFormViewModel}.
 */
final class WorkspaceView {
    private final WorkspaceViewModel vm;
    private final EntryFormViewModel entry;
    private final Messages messages;
    private final Optional<TrainingMode> training;
    private final Consumer<String> notice;
    private final Runnable syncNow;
    private final Clock clock;
    private final TextField scanner = new TextField();
    private final TextField mrzField = new TextField();
    /** The extra factor's value: once a factor there matches, the focus leaves it for the record button. */
    private final TextField factorValue = new TextField();
    private final Map<CaseKind, Button> caseButtons = new EnumMap<>(CaseKind.class);
    /** The width the card column offers its cards (they wrap below each other when narrower). */
    private final javafx.beans.property.DoubleProperty cardsWidth = new javafx.beans.property.SimpleDoubleProperty(400);
    /** The decision: heading, verdict and the sentence for the passenger; below the comparison, or in the card column. */
    private final VBox decision = new VBox(6);
    /** The decision's place below the comparison. */
    private final TallAsContent decisionBelowComparison = new TallAsContent();
    /** The card column's documents, or its placeholder, or (no card shown) the decision. */
    private final VBox cardArea = new VBox(10);
    /** The comparison's least height, in lines of its text (about three lines of rows): it gives way to the decision down to this. */
    static final double COMPARISON_FLOOR_EM = 4.5;
    /**
     * The comparison column's width, in em of the text (383 px at the normal size, 574 at the largest): its decision in
     * few lines, and its two buttons side by side in either language where the screen has the width.
     */
    static final double RECORDS_EM = 22.5;
    /** The card column's least width (more where what it shows needs it). */
    private static final double CARDS_LEAST = 440;
    /** The card column's width when the screen has it: two cards side by side with their photos at the normal text size. */
    private static final double CARDS_WIDTH = 580;
    /** The columns' row: its padding left and right and the two gaps between the three columns (Views.topColumnsMessage). */
    private static final double COLUMNS_AROUND = 2 * Views.COLUMNS_MARGIN + 2 * Views.COLUMNS_GAP;
    /**
     * What this view listens to on its view model, ended by {@link #dispose()}: the view model outlives the view (the
     * language and the text size build the view again over it), and every view built kept its listeners, and with them
     * its whole tree, until the clerk logged out.
     */
    private final List<javafx.util.Subscription> onVm = new java.util.ArrayList<>();
    /** The card column's scroll pane: back to its top when the decision is placed there. */
    private ScrollPane cardScroll;
    private final Label noCard = new Label();

    WorkspaceView(WorkspaceViewModel vm, EntryFormViewModel entry, Messages messages, Optional<TrainingMode> training,
                  Consumer<String> notice, Runnable syncNow, Clock clock) {
        this.vm = vm;
        this.entry = entry;
        this.messages = messages;
        this.training = training;
        this.notice = notice;
        this.syncNow = syncNow;
        this.clock = clock;
    }

    /** Stops listening to the view model: this view is left for another built over it, or for the login screen. */
    void dispose() {
        onVm.forEach(javafx.util.Subscription::unsubscribe);
        onVm.clear();
    }

    /** The case buttons, the three columns and the "recorded" line. */
    VBox build() {
        onVm.add(vm.screensCleared().subscribe((was, now) -> { // the previous passenger's form and scan are gone too (PD3)
            entry.clear();
            scanner.clear();
        }));
        javafx.scene.layout.FlowPane cases = new javafx.scene.layout.FlowPane(8, 8); // a second row rather than a cut key
        for (CaseKind k : CaseKind.values()) {
            Button b = Views.button(KeyMap.of(k).button(messages, "case." + k.name()), () -> select(k));
            b.setId("case-" + k.name());
            vm.notHandledHere(k).ifPresent(why -> { // greyed out before it is chosen, the reason on the button
                b.setText(b.getText() + "\n" + messages.get("case.stationOnly"));
                b.setTooltip(new javafx.scene.control.Tooltip(why));
                b.setAccessibleHelp(why);
                b.setDisable(true);
            });
            onVm.add(vm.caseKind().subscribe(now -> b.getStyleClass().setAll(now == k ? List.of("button", "case", "case-selected") : List.of("button", "case"))));
            caseButtons.put(k, b);
            cases.getChildren().add(b);
        }
        cases.setPadding(new Insets(12, 16, 0, 16));
        // the card column and the comparison column share the width a larger screen adds (two cards side by side)
        Region reader = (Region) readerPanel(), centre = (Region) centrePanel(), records = (Region) recordsPanel();
        VBox body = Views.topColumnsMessage(cases, List.of(reader, centre, records), List.of(1, 2),
                vm.recordedMessage(), "recorded");
        // the comparison column asks for RECORDS_EM of the text, so that its decision and its two buttons read in few
        // lines at the largest text too (at 1.5× on a 1366 px screen it had 384 px: the decision in ten lines, a scroll);
        // where the screen is short of width the card column gives way first, down to its least (its cards go below
        // each other, the photo above the fields), then both shrink alike
        records.prefWidthProperty().bind(noCard.fontProperty().map(f -> f.getSize() * RECORDS_EM));
        // the entry form and the proof scanner ask for their least width only: the comparison column, with the decision
        // and its notes (P3, L2), takes the rest
        centre.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> cardArea.isVisible()
                        ? Math.clamp(body.getWidth() - COLUMNS_AROUND - Math.max(reader.minWidth(-1), reader.prefWidth(-1)) - records.getPrefWidth(),
                                CARDS_LEAST, CARDS_WIDTH)
                        : 0, // below its least width: the least width it is
                body.widthProperty(), records.prefWidthProperty(), cardArea.visibleProperty()));
        onVm.add(Views.fillNowAndOnChange(this::placeDecision, vm.shownDocuments(), vm.passengerSentence(), vm.comparison(), cardArea.visibleProperty()));
        return body;
    }

    /**
     * A refusal with nothing to compare (a card that cannot be read automatically, D3, on its own or as the second of
     * two; an expired or forged card, or one this case does not take, refused before any record is compared) is read at
     * the top of the card column, wide then, not squeezed below the comparison's "nothing to compare":
     * at the largest text on a 768-line screen its sentence for the passenger needed a scroll there (decision 0017). A
     * document read before it stays shown below it. A decision that asks for more (an extra factor) stays beside what it
     * asks for.
     */
    private void placeDecision() {
        boolean noDocument = vm.shownDocuments().isEmpty();
        boolean inCardColumn = cardArea.isVisible() && vm.comparison().isEmpty() && !vm.passengerSentence().get().isEmpty();
        noCard.setVisible(noDocument && !inCardColumn);
        noCard.setManaged(noCard.isVisible());
        if (inCardColumn == (decision.getParent() == cardArea)) return;
        decisionBelowComparison.setContent(null);
        cardArea.getChildren().remove(decision);
        if (inCardColumn) cardArea.getChildren().addFirst(decision); else decisionBelowComparison.setContent(decision);
        decisionBelowComparison.setVisible(!inCardColumn);
        // the clerk may have scrolled down through the first card: the decision comes into view at the top
        if (inCardColumn && cardScroll != null) cardScroll.setVvalue(0);
    }

    /** The workspace's keys, installed as a scene filter so they work whichever control has the focus. */
    boolean handleKey(KeyEvent e) {
        KeyMap key = KeyMap.of(e).orElse(null); // the keys are spelled in KeyMap
        if (key == null) return false;
        Optional<CaseKind> kind = key.caseKind();
        if (kind.isPresent()) {
            select(kind.get());
            return true;
        }
        if (key == KeyMap.RECORD) {
            Node focused = e.getTarget() instanceof Node n ? n.getScene().getFocusOwner() : null;
            Runnable field = Views.enterAction(focused);
            if (field != null) field.run();
            // a button the clerk moved the focus to does what it says (使用此证件, 取消, 放置): Enter did nothing on
            // "use this document" and recorded on 取消. The case buttons hold the focus between passengers: Enter records
            else if (focused instanceof javafx.scene.control.ButtonBase b && !caseButtons.containsValue(b) && !b.isDisabled()) b.fire();
            else vm.record();
            return true;
        }
        if (key == KeyMap.CANCEL) {
            vm.cancel();
            return true;
        }
        if (key == KeyMap.NAME_ACCEPT && vm.needsNameDecision().get()) {
            vm.decideName(ClerkNameDecision.ACCEPTED);
            return true;
        }
        if (key == KeyMap.NAME_REJECT && vm.needsNameDecision().get()) {
            vm.decideName(ClerkNameDecision.REJECTED);
            return true;
        }
        return false;
    }

    /** Chooses a case; a finished decision not yet recorded is dropped only after the clerk confirms (F3–F10). */
    void select(CaseKind k) {
        Optional<String> notHere = vm.notHandledHere(k);
        if (notHere.isPresent()) { // its key at an agency: why, instead of a form that is refused once filled
            notice.accept(notHere.get());
            return;
        }
        if (vm.wouldDropDecision(k)) {
            new Confirmation("case-switch", messages.get("case.switchTitle"), messages.get("case.switchText"),
                    messages.get("case.switchYes", messages.get("case." + k.name())), messages.get("case.switchNo"))
                    .ask(scanner, () -> switchTo(k));
            return;
        }
        switchTo(k);
    }

    private void switchTo(CaseKind k) {
        vm.selectCase(k);
        entry.clear();
        scanner.clear();
        Platform.runLater(this::focusCase);
    }

    /**
     * The focus where the open case starts: the scanners type into their fields (the proof's, the passport's
     * machine-readable zone: F8 so that a scanner's two lines are never lost); otherwise the focus ring marks the
     * chosen case (also when the view is built again over it: it sat on On-site (F3) while Proxy (F4) was open).
     */
    void focusCase() {
        CaseKind k = vm.caseKind().get();
        if (k == CaseKind.TICKET_SERVICE) scanner.requestFocus();
        else if (k == CaseKind.PRE_VERIFICATION) mrzField.requestFocus();
        else caseButtons.get(k).requestFocus();
    }

    // ---- left: reader, slots, training tray ----

    private Node readerPanel() {
        Label state = Views.styled("", "reader-state");
        state.setId("reader-state");
        state.textProperty().bind(vm.readerState().map(s -> messages.get(s.key())));
        onVm.add(state.textProperty()::unbind); // the mapping holds this view: it leaves the view model with it
        Label next = Views.styled("", "reader-next");
        next.setId("reader-next");
        next.textProperty().bind(vm.readerMessage());
        Label step = Views.styled("", "step");
        step.setId("step");
        step.textProperty().bind(vm.step());
        step.visibleProperty().bind(vm.step().isNotEmpty());
        step.managedProperty().bind(step.visibleProperty());
        VBox slots = new VBox(4);
        slots.setId("slots");
        onVm.add(Views.fillNowAndOnChange(() -> slots.getChildren().setAll(vm.slots().stream().map(this::slotLabel).toList()), vm.slots()));
        slots.getChildren().setAll(vm.slots().stream().map(this::slotLabel).toList());
        slots.visibleProperty().bind(vm.step().isNotEmpty());
        slots.managedProperty().bind(slots.visibleProperty());
        javafx.scene.control.ToggleButton showDetails = new javafx.scene.control.ToggleButton(messages.get("details.toggle"));
        showDetails.setId("details-toggle");
        showDetails.visibleProperty().bind(vm.details().isNotEmpty());
        showDetails.managedProperty().bind(showDetails.visibleProperty());
        Label details = Views.styled("", "details");
        details.setId("details");
        details.textProperty().bind(vm.details());
        details.visibleProperty().bind(showDetails.selectedProperty().and(vm.details().isNotEmpty()));
        details.managedProperty().bind(details.visibleProperty());
        // the step and the documents read (✔/✘) right under the state, the explanation after them: in training the
        // status area is 14 lines tall, and a long explanation pushed the ✘ line below its fold at every screen size
        VBox status = new VBox(10, Views.heading(messages, "reader.heading"), state, step, slots, next, showDetails, details);
        VBox box = new VBox(10, status);
        box.getStyleClass().add("panel");
        box.setPrefWidth(260);
        // no least width of its own: at the largest text the scroll bar took 24 of the column's 270 px, the content kept
        // its 260 and the column scrolled sideways once the tray's list had the focus (its left margin gone, its top cut)
        ScrollPane column = new ScrollPane(box);
        column.setFitToWidth(true);
        column.setMinWidth(270);
        column.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        column.getStyleClass().add("plain");
        training.ifPresent(t -> {
            // the reader's status in an area of fixed height, so that a step line or a detail appearing never moves the
            // training controls below it: 14 lines of text (it scrolls when longer), and never taller than the column
            // shows (at the largest text on a 768-line screen it was: two scroll bars inside each other, its lower
            // lines out of reach)
            ScrollPane statusArea = new ScrollPane(status);
            statusArea.setFitToWidth(true);
            statusArea.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            statusArea.getStyleClass().add("plain");
            // on the viewport's height as a number: the scroll pane sets a new bounds object at every layout pass, and a
            // height bound to that object asked for another pass each time, a layout at every pulse for as long as the
            // workspace was open (idle CPU 1.6 % → 6.8 % of a core, docs/benchmarks.md)
            javafx.beans.property.DoubleProperty shown = new javafx.beans.property.SimpleDoubleProperty();
            column.viewportBoundsProperty().subscribe(b -> shown.set(b.getHeight())); // set only tells of a new number
            var height = javafx.beans.binding.Bindings.createDoubleBinding(() -> Math.min(next.getFont().getSize() * 14,
                            Math.max(next.getFont().getSize() * 6, shown.get() - box.getInsets().getTop() - box.getInsets().getBottom())),
                    next.fontProperty(), shown, box.insetsProperty());
            statusArea.minHeightProperty().bind(height);
            statusArea.prefHeightProperty().bind(height);
            statusArea.maxHeightProperty().bind(height);
            box.getChildren().setAll(statusArea, new TrainingTrayView(t, vm, entry, messages, notice, syncNow, clock).build());
            // the documents read (✔/✘) come into view in it as they change: at the largest text a long step line and
            // the first document's line pushed the ✘ line below the area's fold. On the heights of what stands above
            // them and their own, laid out (the step line changes after the slots do); not on the details below, which
            // the clerk may be reading
            Runnable showSlots = () -> Platform.runLater(() -> {
                if (slots.isVisible()) Views.scrollIntoView(statusArea, slots);
                else statusArea.setVvalue(0); // the case is over: its top again, not a state line cut in half
            });
            for (Region above : List.of(state, step, slots)) above.heightProperty().subscribe(h -> showSlots.run());
        });
        return column;
    }

    private Label slotLabel(WorkspaceViewModel.Slot s) {
        // a card that could not be read fills its slot as a refusal: ✘ in red, not the ✔ of a card read
        // "代办人证件：…" / "proxy's document: …" (the full-width colon read oddly in English)
        Label l = Views.styled((s.unreadable() ? "✘ " : s.filled() ? "✔ " : s.next() ? "➜ " : "   ")
                        + (s.filled() ? messages.get("slot.filled", s.label(), s.filledWith()) : s.label()),
                s.next() ? "slot-next" : s.unreadable() ? "slot-refused" : s.filled() ? "slot-filled" : "slot");
        l.setAccessibleText(s.label() + (s.filled() ? " " + s.filledWith() : ""));
        return l;
    }

    // ---- centre: card, entry form or proof scanner ----

    private Node centrePanel() {
        noCard.setText(messages.get("card.none"));
        // cards side by side when the column is wide enough, one below the other when not: never cut off
        javafx.scene.layout.FlowPane cardsRow = new javafx.scene.layout.FlowPane(16, 16);
        cardsRow.setRowValignment(javafx.geometry.VPos.TOP);
        VBox card = cardArea;
        card.setId("card-area");
        card.getChildren().setAll(noCard, cardsRow);
        onVm.add(Views.fillNowAndOnChange(() -> fillCards(cardsRow, vm.shownDocuments()), vm.shownDocuments()));
        Node form = entryForm();
        Node proof = proofScanner();
        StackPane body = new StackPane(card, form, proof);
        // a hidden one neither takes room nor widens the column (the entry form is wide at large text)
        for (Node n : List.of(card, form, proof)) n.managedProperty().bind(n.visibleProperty());
        onVm.add(vm.caseKind().subscribe(k -> {
            form.setVisible(k == CaseKind.PRE_VERIFICATION);
            proof.setVisible(k == CaseKind.TICKET_SERVICE && vm.card().get() == null);
            card.setVisible(!form.isVisible() && !proof.isVisible());
        }));
        onVm.add(vm.card().subscribe(c -> {
            proof.setVisible(vm.caseKind().get() == CaseKind.TICKET_SERVICE && c == null);
            card.setVisible(!form.isVisible() && !proof.isVisible());
        }));
        ScrollPane scroll = new ScrollPane(body); // large text or two long addresses scroll, never cut off
        cardScroll = scroll;
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // the cards' width leaves the vertical scroll bar's room, whether it shows or not (a card as wide as the pane
        // had its last digit under the bar); the bar is wider at larger text (16 px at the normal size, 24 at 1.5×)
        cardsWidth.bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> scroll.getWidth() - scrollBarWidth(scroll),
                scroll.widthProperty(), noCard.fontProperty()));
        cardsRow.prefWrapLengthProperty().bind(cardsWidth);
        scroll.getStyleClass().add("plain");
        // at least 440 px, and as wide as the least width of what it shows: its widest card (a label beside a number
        // that never breaks), the entry form, the proof scanner. The comparison column gives way to that (the preferred
        // widths are set in build). At the largest text a card read moves the column's edge (64 px in English): a floor
        // wide enough for it left the proxy case's decision 29–53 px short beside the comparison
        VBox box = new VBox(10, Views.heading(messages, "card.heading"), scroll) {
            @Override protected double computeMinWidth(double height) {
                double shown = card.isVisible() ? cardsRow.getChildren().stream().mapToDouble(n -> n.minWidth(-1)).max().orElse(0)
                        : form.isVisible() ? form.minWidth(-1) : proof.minWidth(-1);
                return Math.max(CARDS_LEAST, shown + scrollBarWidth(scroll) + snappedLeftInset() + snappedRightInset());
            }
        };
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        box.getStyleClass().add("panel");
        return box;
    }

    /** The width of {@code pane}'s vertical scroll bar (shown or not), or about one em before its skin is made. */
    private double scrollBarWidth(ScrollPane pane) {
        for (Node n : pane.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.VERTICAL) return b.prefWidth(-1);
        }
        return noCard.getFont().getSize();
    }

    /** One panel per card read, side by side in the two-document cases, each with its role, photo and every field. */
    private void fillCards(javafx.scene.layout.FlowPane row, List<WorkspaceViewModel.ShownDocument> shown) {
        row.getChildren().clear();
        boolean two = vm.caseKind().get().documentRoles().size() > 1;
        for (WorkspaceViewModel.ShownDocument d : shown) row.getChildren().add(documentPanel(d, two));
    }

    private Node documentPanel(WorkspaceViewModel.ShownDocument d, boolean withRole) {
        CardData c = d.card();
        // one card: a label column beside the values when they fit there, else each label above its value; two cards
        // side by side: each label above its value, so that both fit beside each other in either language
        CardFieldRows g = new CardFieldRows(withRole);
        for (CardFields.Field f : CardFields.of(c, messages)) {
            Label value = f.key().equals("card.name") ? nameLabel(c) : Views.styled(f.value(), f.style());
            value.setWrapText(true);
            value.setMinHeight(Region.USE_PREF_SIZE);
            if (WRAPPING_FIELDS.contains(f.key())) {
                // a name wraps between words, an address anywhere; the card keeps its shape at every text size (em)
                value.maxWidthProperty().bind(value.fontProperty().map(font -> font.getSize() * (withRole ? 12 : 14)));
                // never narrower than its widest word, as JavaFX breaks lines: "WORTHINGTON-SMYTHE" broke to
                // "WORTHINGTON-S" / "MYTHE" at the largest text; the rows put the label above it instead
                value.minWidthProperty().bind(value.fontProperty().map(font -> Unbroken.widestWord(value.getText(), font)));
            } else {
                value.setMinWidth(Region.USE_PREF_SIZE); // a number or a date is never broken across lines
            }
            Label label = new Label(messages.get(f.key()));
            label.setMinWidth(Region.USE_PREF_SIZE);
            if (withRole) label.getStyleClass().add("card-label-above");
            g.add(label, value);
        }
        Label checks = Views.styled("", "checks");
        checks.setWrapText(true);
        checks.setMinHeight(Region.USE_PREF_SIZE);
        List<CardDefect> defects = CardChecks.check(c, LocalDate.now(clock.withZone(RailwayTime.ZONE)));
        checks.getStyleClass().setAll("label", defects.isEmpty() ? "checks-ok" : "checks-bad");
        checks.setText(defects.isEmpty() ? messages.get("card.checksOk")
                : messages.get("card.checksBad") + String.join("；", defects.stream().map(x -> messages.of(x)).toList()));
        VBox panel = new CardPanel();
        if (withRole) { // two cards side by side: the role, the photo, then the fields
            // the checks' result right under the role, in view without scrolling; the fields below the photo
            panel.getChildren().addAll(Views.styled(messages.of(d.role()), "slot-heading"), checks, photo(d.photo()), g);
            // as wide as the card's photo and fields, never wider: at 12 em it read "Validity and number / checks: passed"
            // beside a wider card; asking for no width of its own, it takes the panel's and wraps only where that ends
            checks.setPrefWidth(0);
            checks.setMaxWidth(Double.MAX_VALUE);
        } else { // one card: its fields beside the photo when they fit, below it when not
            panel.getChildren().addAll(new PhotoBesideFields(photo(d.photo()), g), checks);
            panel.maxWidthProperty().bind(cardsWidth); // the row gives a card its preferred width: at most the column's
        }
        panel.setId("document-" + d.role().name());
        return panel;
    }

    /** The card fields whose values wrap (every other value is a number, a date or a word, never broken). */
    private static final java.util.Set<String> WRAPPING_FIELDS = java.util.Set.of("card.name", "card.englishName",
            "card.chineseName", "card.address", "card.appended", "card.authority", "card.nationality", "card.type", "card.validity",
            "card.ethnicity");

    /** The chip photo at twice its size, pixels kept sharp; or why it is not shown; or that it is being decoded. */
    private Node photo(org.ticketwindow.idcheck.photo.PhotoResult result) {
        double w = org.ticketwindow.idcheck.photo.Photo.WIDTH * 2, h = org.ticketwindow.idcheck.photo.Photo.HEIGHT * 2;
        if (result instanceof org.ticketwindow.idcheck.photo.PhotoResult.Decoded decoded) {
            int width = org.ticketwindow.idcheck.photo.Photo.WIDTH, height = org.ticketwindow.idcheck.photo.Photo.HEIGHT;
            javafx.scene.image.WritableImage img = new javafx.scene.image.WritableImage(width, height);
            byte[] pixels = decoded.photo().rgb();
            img.getPixelWriter().setPixels(0, 0, width, height, javafx.scene.image.PixelFormat.getByteRgbInstance(),
                    pixels, 0, org.ticketwindow.idcheck.photo.Photo.ROW_BYTES);
            java.util.Arrays.fill(pixels, (byte) 0); // the image holds them now; no second copy waits for the collector (PD3)
            javafx.scene.image.ImageView view = new javafx.scene.image.ImageView(img);
            view.setFitWidth(w);
            view.setFitHeight(h);
            view.setSmooth(false); // a face is compared pixel by pixel: no blur
            view.setId("photo");
            view.setAccessibleText(messages.get("card.photoShown"));
            return view;
        }
        String text = result instanceof org.ticketwindow.idcheck.photo.PhotoResult.NotDecoded n
                ? messages.of(n.problem()) : messages.get("card.photoDecoding");
        Label reason = Views.styled(text, "photo");
        reason.setId("photo-reason");
        reason.setWrapText(true);
        reason.setMinSize(w, h);
        reason.setPrefSize(w, h);
        reason.setMaxSize(w, h);
        return reason;
    }

    /**
     * The name as the card holds it. A character the fonts may not draw (outside the BMP, private use, not in GBK: the
     * rare characters of N1) is also given by its code point, with a warning, so a missing glyph is never taken for a
     * match.
     */
    private Label nameLabel(CardData c) {
        String name = c.name().value();
        List<String> rare = CardFields.rareCodePoints(name);
        Label l = Views.styled(rare.isEmpty() ? name : name + "  (" + String.join(" ", rare) + ")", "card-name");
        if (!rare.isEmpty()) {
            l.getStyleClass().add("card-name-rare");
            l.setTooltip(new javafx.scene.control.Tooltip(messages.get("card.rareWarning")));
            l.setText(l.getText() + "\n⚠ " + messages.get("card.rareWarning"));
        }
        return l;
    }

    private String date(CardDate d) { return d.isLongTerm() ? messages.get("card.longTerm") : d.iso(); }

    private Node entryForm() {
        ComboBox<DocumentType> type = new ComboBox<>();
        type.setId("entry-type");
        type.getItems().addAll(EntryFormViewModel.TYPES);
        type.valueProperty().bindBidirectional(entry.type());
        type.setConverter(named(t -> messages.of(t)));
        TextField number = field(entry.number(), "entry.number");
        TextField name = field(entry.name(), "entry.name");
        name.setPromptText(messages.get("entry.namePrompt"));
        TextField nationality = field(entry.nationality(), "entry.nationality");
        nationality.setPromptText(messages.get("entry.nationalityPrompt"));
        TextField birth = field(entry.birthDate(), "entry.birthDate");
        birth.setPromptText(messages.get("entry.datePrompt"));
        TextField until = field(entry.validUntil(), "entry.validUntil");
        until.setPromptText(messages.get("entry.datePrompt"));
        TextField mrz = mrzField;
        mrz.setId("entry-mrz");
        mrz.setAccessibleText(messages.get("entry.mrz"));
        mrz.setAccessibleHelp(messages.get("entry.mrzPrompt"));
        StringBuilder lines = new StringBuilder();
        Views.onEnter(mrz, () -> { // the scanner types line 1, Enter, line 2, Enter
            if (mrz.getText().isBlank() && lines.isEmpty()) { // the clerk's Enter, not a scanner's line: as everywhere
                if (vm.canRecord().get()) vm.record();
                return;
            }
            lines.append(mrz.getText().strip()).append('\n');
            mrz.clear();
            if (lines.toString().lines().count() >= 2 || lines.length() > 80) {
                entry.scanMrz(lines.toString());
                lines.setLength(0);
            }
        });
        GridPane g = new GridPane(10, 8);
        int row = 0;
        g.addRow(row++, new Label(messages.get("entry.mrz")), mrz);
        // what to do, whole: as the field's prompt it was cut at the largest text ("Scan the passport's machine-re")
        g.add(wrapped(messages.get("entry.mrzPrompt"), "hint"), 0, row++, 2, 1);
        // as wide as the chosen type's name ("passp…" at the largest text), not as the longest of the list
        type.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> Views.textWidth(
                type.getConverter().toString(type.getValue()), noCard.getFont()) + 3 * noCard.getFont().getSize(),
                type.valueProperty(), noCard.fontProperty()));
        g.addRow(row++, new Label(messages.get("entry.type")), type);
        g.addRow(row++, new Label(messages.get("entry.number")), number);
        g.addRow(row++, new Label(messages.get("entry.name")), name);
        g.addRow(row++, new Label(messages.get("entry.nationality")), nationality);
        g.addRow(row++, new Label(messages.get("entry.birthDate")), birth);
        g.addRow(row, new Label(messages.get("entry.validUntil")), until);
        for (Node n : g.getChildren()) if (n instanceof Label l && !l.isWrapText()) l.setMinWidth(Region.USE_PREF_SIZE);
        Label mrzMessage = Views.styled("", "hint");
        mrzMessage.textProperty().bind(entry.mrzMessage());
        Label problems = Views.styled("", "problems");
        problems.setId("entry-problems");
        // the form outlives this view (F2, text size): a listener of its own would hold the view after it is left
        onVm.add(Views.fillNowAndOnChange(() -> problems.setText(String.join("\n", entry.problems())), entry.problems()));
        Button use = Views.button(messages.get("entry.use"), () -> entry.document().ifPresent(vm::presentEntered));
        use.setId("entry-use");
        use.disableProperty().bind(entry.complete().not());
        // Enter in the last field uses the document; once it is used (decided), Enter records as everywhere else
        Views.onEnter(until, () -> {
            if (vm.canRecord().get()) vm.record(); else use.fire();
        });
        VBox v = new VBox(10, g, mrzMessage, problems, use);
        v.setVisible(false);
        return v;
    }

    private TextField field(javafx.beans.property.StringProperty p, String key) {
        TextField f = new TextField();
        f.setId(key.replace('.', '-'));
        f.textProperty().bindBidirectional(p);
        f.setAccessibleText(messages.get(key));
        f.setPrefColumnCount(16);
        f.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> promptWidth(f), f.fontProperty(), f.promptTextProperty()));
        return f;
    }

    /** At least as wide as its prompt ("yyyy-mm-dd, e.g. 2030-01-31" was cut to "yyyy-mm-dd,"), with the field's padding. */
    private static double promptWidth(TextField f) {
        return Views.textWidth(f.getPromptText() == null ? "" : f.getPromptText(), f.getFont()) + 1.5 * f.getFont().getSize();
    }


    private Node proofScanner() {
        scanner.setId("proof-scanner");
        scanner.setAccessibleText(messages.get("proof.scanner"));
        scanner.setAccessibleHelp(messages.get("proof.prompt"));
        Views.onEnter(scanner, () -> {
            vm.scanProof(scanner.getText());
            scanner.clear();
        });
        Button image = Views.button(messages.get("proof.image"), this::proofFromImage);
        image.setId("proof-image");
        Label message = wrapped("", "proof-message");
        message.setId("proof-message");
        message.textProperty().bind(vm.proofMessage());
        // what to ask for, and what the proof is for, whole: the first was the field's prompt, cut at the largest text
        VBox v = new VBox(10, new Label(messages.get("proof.scanner")), wrapped(messages.get("proof.prompt"), "hint"), scanner,
                image, message, wrapped(messages.get("proof.help"), "hint"));
        v.setVisible(false);
        return v;
    }

    private void proofFromImage() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("proof.image"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG / JPEG", "*.png", "*.jpg", "*.jpeg"));
        File f = chooser.showOpenDialog(scanner.getScene().getWindow());
        if (f != null) vm.scanProofImage(f.toPath());
    }

    // ---- right: records, comparison, extra factor, name decision, decision ----

    private Node recordsPanel() {
        Label note = new Label();
        note.setId("records-note");
        note.textProperty().bind(vm.recordsNote());
        ComparisonTable table = new ComparisonTable(t -> fillComparison(t, vm.comparison()));
        table.setId("comparison");
        table.getStyleClass().add("comparison");
        onVm.add(Views.fillNowAndOnChange(() -> fillComparison(table, vm.comparison()), vm.comparison()));
        // the placeholder says whether it is decided (a change listener: the rows do not always read the verdict)
        onVm.add(vm.verdict().subscribe((was, now) -> fillComparison(table, vm.comparison())));
        Label verdict = Views.styled("", "verdict");
        verdict.setId("verdict");
        verdict.textProperty().bind(vm.verdict());
        Views.shownWhenNotEmpty(verdict);
        Label passenger = Views.styled("", "passenger");
        passenger.setId("passenger");
        passenger.textProperty().bind(vm.passengerSentence().map(p -> p.isEmpty() ? "" : messages.get("decision.passenger", p)));
        onVm.add(passenger.textProperty()::unbind);
        Views.shownWhenNotEmpty(passenger); // a decision with nothing to tell the passenger has no empty line under it
        Button record = Views.button(KeyMap.RECORD.button(messages, "decision.record"), vm::record);
        record.setId("record");
        record.disableProperty().bind(vm.canRecord().not());
        record.getStyleClass().add("primary");
        Button cancel = Views.button(KeyMap.CANCEL.button(messages, "decision.cancel"), vm::cancel);
        cancel.setId("cancel");
        VBox content = new VBox(10, Views.heading(messages, "records.heading"), note, table, factorInput(), nameDecision());
        ScrollPane scroll = new ScrollPane(content); // long notes (P3, L2) scroll; the decision buttons stay in view
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("plain");
        // it asks for little and takes what the decision leaves: when the column is short the comparison scrolls first,
        // down to about three lines (less, at the largest text on a 768-line screen, showed its heading alone); with
        // nothing to compare (a refusal, a record verified already) the decision takes that room too
        scroll.setPrefViewportHeight(60);
        scroll.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> vm.comparison().isEmpty() ? 0 : note.getFont().getSize() * COMPARISON_FLOOR_EM, vm.comparison(), note.fontProperty()));
        Views.followFocus(scroll); // the extra factor's field, given the focus, is in view
        // the focus ring shows what Enter does: a decision ready to record takes it (from the extra factor's emptied
        // field too, not from a field the clerk types in); once recorded or dropped it goes back to the chosen case,
        // not to 取消 (the next enabled button) as if cancelling were the next step
        onVm.add(vm.canRecord().subscribe(can -> {
            Node focused = record.getScene() == null ? null : record.getScene().getFocusOwner();
            boolean typing = focused != factorValue && Views.typingIn(focused);
            if (can && !typing) {
                Platform.runLater(record::requestFocus);
            } else if (!can && (focused == record || focused == cancel)) {
                Button chosen = caseButtons.get(vm.caseKind().get());
                if (chosen != null && !chosen.isDisabled()) Platform.runLater(chosen::requestFocus);
            }
        }));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // the decision and its buttons stay in view whatever the comparison's length; the comparison scrolls above them
        decision.getChildren().setAll(Views.heading(messages, "decision.heading"), verdict, passenger);
        decision.getStyleClass().add("decision");
        // the decision is read at a glance, whole (the comparison above gives way first); at large text on a low screen
        // it scrolls too, rather than pushing the buttons off the window
        decisionBelowComparison.setContent(decision);
        decisionBelowComparison.managedProperty().bind(decisionBelowComparison.visibleProperty());
        // an answer that records nothing (V4, a ticket-service answer, the wrong case) says so where the greyed record
        // button is: a valid electronic proof left the clerk waiting on a button that never came alive
        Label nothingToRecord = wrapped("", "hint");
        nothingToRecord.setId("nothing-to-record");
        nothingToRecord.textProperty().bind(vm.decision().map(d -> !d.recordable() && d.missing().isEmpty()
                ? messages.get("decision.nothingToRecord", KeyMap.CANCEL.spelled()) : "").orElse(""));
        onVm.add(nothingToRecord.textProperty()::unbind);
        Views.shownWhenNotEmpty(nothingToRecord);
        VBox buttons = new VBox(6, new javafx.scene.layout.FlowPane(12, 8, record, cancel), nothingToRecord);
        // at least as wide as the record button (the buttons' row asks for its widest button: "Confirm and record
        // (Enter)", as it read then, ran past the panel's edge at the largest text), and never below 320
        VBox box = new VBox(10, scroll, decisionBelowComparison, buttons) {
            @Override protected double computeMinWidth(double height) { return Math.max(320, super.computeMinWidth(height)); }

            /**
             * The comparison gives way first, down to its floor, then the decision: a VBox shrinks every child alike, and
             * an electronic proof's decision kept a scroll while the empty comparison above it kept 20 px.
             */
            @Override protected void layoutChildren() {
                if (!decisionBelowComparison.isVisible()) {
                    super.layoutChildren();
                    return;
                }
                double x = snappedLeftInset(), w = getWidth() - x - snappedRightInset();
                double gap = snapSpaceY(getSpacing());
                double top = snappedTopInset(), room = getHeight() - top - snappedBottomInset() - 2 * gap;
                double buttonsHeight = snapSizeY(buttons.prefHeight(w));
                double comparisonFloor = scroll.minHeight(w);
                double decisionHeight = snapSizeY(Math.max(0, Math.min(decisionBelowComparison.prefHeight(w), room - buttonsHeight - comparisonFloor)));
                double comparisonHeight = Math.max(0, room - buttonsHeight - decisionHeight);
                scroll.resizeRelocate(x, top, w, comparisonHeight);
                decisionBelowComparison.resizeRelocate(x, top + comparisonHeight + gap, w, decisionHeight);
                buttons.resizeRelocate(x, top + comparisonHeight + decisionHeight + 2 * gap, w, buttonsHeight);
            }
        };
        box.getStyleClass().add("panel");
        return box;
    }

    /**
     * The comparison, field by field: whose document and which field with the result, then both values one below the
     * other (证件上 / 网上登记), each beside its header or, where an ID number would not fit there, below it (never
     * broken: {@link ComparisonTable}), then why it differs, whole.
     */
    private void fillComparison(ComparisonTable g, List<WorkspaceViewModel.Row> rows) {
        g.getChildren().clear();
        g.getColumnConstraints().setAll(column(false), column(true));
        if (rows.isEmpty()) {
            // not decided yet (no card, or the first of two): where the comparison will appear; decided without one
            // (already verified, a refusal): that there is none
            boolean before = vm.verdict().get().isEmpty();
            g.add(wrapped(messages.get(before ? "compare.empty" : "compare.none"), "hint"), 0, 0, 2, 1);
            return;
        }
        int r = 0;
        for (WorkspaceViewModel.Row row : rows) {
            String tone = switch (row.kind()) {
                case EQUAL, EQUIVALENT -> "compare-same";
                case DIFFERENT -> "compare-different";
                case CLERK -> "compare-clerk";
            };
            Label field = Views.styled(row.field(), "compare-field");
            Label result = Views.styled(row.result(), tone);
            field.setMinWidth(Region.USE_PREF_SIZE);
            result.setMinWidth(Region.USE_PREF_SIZE);
            javafx.scene.layout.FlowPane head = new javafx.scene.layout.FlowPane(12, 2, field, result); // the result wraps below when narrow
            if (r > 0) head.setPadding(new Insets(6, 0, 0, 0));
            g.add(head, 0, r++, 2, 1);
            for (String[] side : List.of(new String[]{"compare.onDocument", row.onDocument()}, new String[]{"compare.onRecord", row.onRecord()})) {
                if (g.below()) { // a number too wide to sit beside its header: below it, whole
                    g.add(header(side[0]), 0, r++, 2, 1);
                    g.add(wrapped(side[1], ComparisonTable.VALUE), 0, r++, 2, 1);
                } else {
                    g.add(header(side[0]), 0, r);
                    g.add(wrapped(side[1], ComparisonTable.VALUE), 1, r++);
                }
            }
            String why = (row.rules().isEmpty() ? "" : row.rules() + " ") + row.hint();
            if (!why.isBlank()) g.add(wrapped(why, row.kind() == FieldComparison.Result.DIFFERENT ? "compare-why-different" : "compare-why"), 0, r++, 2, 1);
        }
    }

    private static javafx.scene.layout.ColumnConstraints column(boolean value) {
        javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
        c.setHgrow(value ? Priority.ALWAYS : Priority.NEVER);
        c.setFillWidth(true);
        c.setMinWidth(value ? 60 : Region.USE_PREF_SIZE);
        return c;
    }

    private Label header(String key) {
        Label l = Views.styled(messages.get(key), ComparisonTable.HEADER);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label wrapped(String text, String style) {
        Label l = Views.styled(text, style);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinWidth(0); // the column decides the width; the text wraps to it
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** The extra factor (X3/L2): which one (one choice per line, wrapping: never a cut list), the value, 核对. */
    private Node factorInput() {
        javafx.scene.control.ToggleGroup kinds = new javafx.scene.control.ToggleGroup();
        VBox choices = new VBox(4);
        Runnable fillChoices = () -> {
            choices.getChildren().clear();
            kinds.getToggles().clear();
            for (ExtraFactorKind k : vm.factorKinds()) {
                javafx.scene.control.RadioButton r = new javafx.scene.control.RadioButton(messages.of(k));
                r.setUserData(k);
                r.setToggleGroup(kinds);
                r.setWrapText(true);
                r.setMinHeight(Region.USE_PREF_SIZE);
                r.setId("factor-" + k.name());
                choices.getChildren().add(r);
            }
            if (!kinds.getToggles().isEmpty()) kinds.selectToggle(kinds.getToggles().getFirst());
        };
        onVm.add(Views.fillNowAndOnChange(fillChoices, vm.factorKinds()));
        TextField value = factorValue;
        value.setId("factor-value");
        value.setAccessibleText(messages.get("factor.value"));
        value.setPrefColumnCount(10);
        Runnable give = () -> {
            var chosen = kinds.getSelectedToggle();
            vm.giveExtraFactor(chosen == null ? null : (ExtraFactorKind) chosen.getUserData(), value.getText());
            value.clear();
        };
        Views.onEnter(value, give);
        Button check = Views.button(messages.get("factor.check"), give);
        check.setId("factor-check");
        Label outcome = Views.styled("", "factor-message");
        outcome.setId("factor-message");
        outcome.textProperty().bind(vm.factorMessage());
        outcome.visibleProperty().bind(vm.factorMessage().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());
        Label heading = Views.styled(messages.get("factor.heading"), "label");
        VBox row = new VBox(6, heading, choices, new javafx.scene.layout.FlowPane(8, 6, value, check));
        training.ifPresent(t -> row.getChildren().add(Views.styled(messages.get("factor.training"), "hint"))); // trainees see the values
        row.getStyleClass().add("ask");
        row.getChildren().add(2, outcome);
        row.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.factorKinds()).or(vm.factorMessage().isNotEmpty()));
        row.managedProperty().bind(row.visibleProperty());
        onVm.add(vm.factorKinds().subscribe(() -> {
            if (!vm.factorKinds().isEmpty()) Platform.runLater(value::requestFocus);
        }));
        return row;
    }

    private Node nameDecision() {
        Button accept = Views.button(KeyMap.NAME_ACCEPT.button(messages, "name.accept"), () -> vm.decideName(ClerkNameDecision.ACCEPTED));
        accept.setId("name-accept");
        Button reject = Views.button(KeyMap.NAME_REJECT.button(messages, "name.reject"), () -> vm.decideName(ClerkNameDecision.REJECTED));
        reject.setId("name-reject");
        Label heading = Views.styled(messages.get("name.heading"), "label");
        heading.setWrapText(true);
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(8, 6, heading, accept, reject);
        row.getStyleClass().add("ask");
        row.visibleProperty().bind(vm.needsNameDecision());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    static <T> StringConverter<T> named(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : name.apply(t); }
            @Override public T fromString(String s) { return null; }
        };
    }
}
