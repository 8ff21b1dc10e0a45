package org.ticketwindow.idcheck.ui;

import javafx.collections.FXCollections;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.converter.NumberStringConverter;
import org.ticketwindow.idcheck.app.TrainingMode;
import org.ticketwindow.idcheck.reader.Calibration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The technician screen's controls (role technician): every value and action comes from {@link TechnicianViewModel}. */
final class TechnicianView {
    private final TechnicianViewModel vm;
    private final Messages messages;
    /** Training mode: the simulated reader's tray (its cards and faults) on this screen too. */
    private final Optional<TrainingMode> training;
    private final Runnable syncNow;
    /** The calibration's start: what Enter does on this screen (see {@link #handleKey}). */
    private Button run;
    private Button stop;

    /** What this view listens to on its view model (which outlives it: the text size builds it again), ended by {@link #dispose()}. */
    private final java.util.List<javafx.util.Subscription> onVm = new java.util.ArrayList<>();

    /** Stops listening to the view model: this view is left for another built over it, or for another screen. */
    void dispose() {
        onVm.forEach(javafx.util.Subscription::unsubscribe);
        onVm.clear();
    }

    TechnicianView(TechnicianViewModel vm, Messages messages, Optional<TrainingMode> training, Runnable syncNow) {
        this.vm = vm;
        this.messages = messages;
        this.training = training;
        this.syncNow = syncNow;
    }

    /**
     * Below this width, in units of the screen's text size (17 px at the normal size: 1309 px), the log goes under the
     * calibration: 1280 px screens, and large text on 1366 and 1920 px screens.
     */
    private static final double THREE_COLUMNS_EM = 77;

    /** Widths below are in px at the normal text size (17 px), scaled with the text so the panels keep their shape. */
    private static javafx.beans.value.ObservableValue<Double> scaled(Label em, double px) {
        return em.fontProperty().map(f -> f.getSize() * px / 17);
    }

    /**
     * The screen's keys, called by the window's key filter as the workspace's are: Enter starts the calibration, as its
     * button says, wherever the focus is but in a field or a list of its own (it once opened the bottom bar's first
     * button, the queue, which had the focus after login; the focus now starts on 开始校准, decision 0020).
     */
    boolean handleKey(javafx.scene.input.KeyEvent e) {
        if (KeyMap.of(e).orElse(null) != KeyMap.RECORD || run == null || run.isDisabled() || Views.typingIn(e.getTarget())) {
            return false;
        }
        run.fire();
        return true;
    }

    VBox build() {
        HBox top = new HBox(8, Views.styled(messages.get("tech.heading"), "heading"));
        top.setPadding(new Insets(12, 16, 0, 16));
        Label line = Views.styled("", "recorded"); // at the screen's text size: the measure of the widths
        line.setId("tech-message");
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        line.textProperty().bind(vm.message());
        // red when something went wrong or was not measured, green when done
        onVm.add(vm.messageIsProblem().subscribe(p -> {
            if (p) line.getStyleClass().add("problem"); else line.getStyleClass().remove("problem");
        }));
        line.setPadding(new Insets(0, 16, 8, 16));
        Region device = devicePanel(line);
        Region calibration = calibrationPanel(line);
        Region log = logPanel(line);
        // three columns where the screen has the width; else the log under the calibration. Either way the columns
        // scroll up and down when the text is large, and never sideways.
        VBox right = new VBox(16);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox row = new HBox(16);
        row.setPadding(new Insets(12, 16, 8, 16));
        HBox.setHgrow(calibration, Priority.ALWAYS);
        javafx.scene.control.ScrollPane scroll = Views.scrollingDown(row);
        Runnable arrange = () -> {
            double em = line.getFont().getSize();
            boolean three = scroll.getWidth() <= 0 || scroll.getWidth() >= THREE_COLUMNS_EM * em;
            if (three && !row.getChildren().contains(log)) {
                right.getChildren().clear();
                log.minHeightProperty().unbind();
                log.setMinHeight(Region.USE_COMPUTED_SIZE);
                row.getChildren().setAll(device, calibration, log);
            } else if (!three && !right.getChildren().contains(log)) {
                row.getChildren().setAll(device, right);
                right.getChildren().setAll(calibration, log);
                log.minHeightProperty().bind(scaled(line, 300)); // below the charts, still a readable log
            }
        };
        arrange.run();
        scroll.widthProperty().subscribe(w -> arrange.run());
        line.fontProperty().subscribe(f -> arrange.run());
        // 开始校准 is disabled while a calibration runs, and 停止 once it ends: the scene would pass the focus on to the
        // events list at the bottom and scroll there, the result out of view. The focus goes to 停止, then back to
        // 开始校准, in view (unless the technician is typing in a field, which keeps it).
        onVm.add(vm.calibrating().subscribe((was, on) -> Platform.runLater(() -> { // not when the screen opens
            if (scroll.getScene() == null || Views.typingIn(scroll.getScene().getFocusOwner())) return;
            Button next = on ? stop : run;
            if (next.isDisabled()) return;
            next.requestFocus();
            Views.scrollIntoView(scroll, next);
        })));
        VBox body = new VBox(top, scroll, line);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        body.setId("technician");
        return body;
    }

    private Region devicePanel(Label em) {
        // every reader and port whole, one below the other: a technician reads them without scrolling sideways
        VBox readers = new VBox(4);
        readers.setId("tech-readers");
        readers.getStyleClass().add("tech-readers");
        onVm.add(Views.fillNowAndOnChange(() -> readers.getChildren().setAll(vm.readers().stream().map(r -> {
            Label l = Views.styled(r, "details");
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            return l;
        }).toList()), vm.readers()));
        Label profile = Views.styled("", "hint");
        profile.setWrapText(true);
        profile.setMinHeight(Region.USE_PREF_SIZE);
        profile.setId("tech-profile");
        profile.textProperty().bind(vm.profile());
        Label sam = Views.styled("", "reader-next");
        sam.setId("tech-sam");
        sam.setWrapText(true);
        sam.setMinHeight(Region.USE_PREF_SIZE);
        sam.textProperty().bind(vm.sam());
        Views.readsPlain(sam); // the id's hair spaces (where it may break) are marks a screen reader need not read
        Label photo = Views.styled("", "hint");
        photo.setId("tech-photo");
        photo.setWrapText(true);
        photo.setMinHeight(Region.USE_PREF_SIZE); // what to do when none is configured is three lines at large text
        photo.textProperty().bind(vm.photoDecoder());
        Button check = Views.button(messages.get("tech.samCheck"), vm::checkSam);
        check.setId("tech-sam-check");
        check.disableProperty().bind(vm.calibrating());
        GridPane tuning = new GridPane(8, 6);
        int row = 0;
        tuning.addRow(row++, label("tech.bauds"), field(vm.bauds(), "tech.bauds"));
        tuning.addRow(row++, label("tech.findMs"), field(vm.findMs(), "tech.findMs"));
        tuning.addRow(row++, label("tech.selectMs"), field(vm.selectMs(), "tech.selectMs"));
        tuning.addRow(row++, label("tech.readMs"), field(vm.readMs(), "tech.readMs"));
        tuning.addRow(row++, label("tech.pollMs"), field(vm.pollMs(), "tech.pollMs"));
        tuning.addRow(row, label("tech.rfFrame"), field(vm.rfFrameSize(), "tech.rfFrame"));
        Button save = Views.button(messages.get("tech.save"), vm::saveTuning);
        save.setId("tech-save");
        save.disableProperty().bind(vm.calibrating());
        VBox box = new VBox(8, Views.heading(messages, "tech.readers"), readers, Views.heading(messages, "tech.profileHeading"), profile,
                sam, check, photo, Views.heading(messages, "tech.tuning"), tuning, save);
        // training: the cards for the simulated reader (F5 / F6 from anywhere on the screen), below what the technician
        // reads first; at the top, at large text on a 768-line screen, it pushed the readers out of the window
        training.ifPresent(t -> box.getChildren().add(TrainingTrayView.readerTray(t, messages, syncNow)));
        box.getStyleClass().add("panel");
        // 330 px at the normal text size, scaled with the text so that its labels and buttons fit at every size
        box.minWidthProperty().bind(scaled(em, 330));
        box.prefWidthProperty().bind(box.minWidthProperty());
        box.maxWidthProperty().bind(box.minWidthProperty());
        return box;
    }

    /** A tuning field's label: whole, never "找卡超…". */
    private Label label(String key) {
        Label l = new Label(messages.get(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private TextField field(javafx.beans.property.StringProperty p, String key) {
        TextField f = new TextField();
        f.setId(key.replace('.', '-'));
        f.setAccessibleText(messages.get(key));
        f.setPrefColumnCount(7);
        f.setMinWidth(Region.USE_PREF_SIZE);
        f.textProperty().bindBidirectional(p);
        f.setOnAction(e -> { }); // Enter after typing a value stays in the field: it never starts a calibration
        return f;
    }

    private Region calibrationPanel(Label em) {
        TextField reads = new TextField();
        reads.setId("tech-reads");
        reads.setPrefColumnCount(5);
        reads.setMinWidth(Region.USE_PREF_SIZE);
        reads.setAccessibleText(messages.get("tech.reads"));
        reads.textProperty().bindBidirectional(vm.reads(), new NumberStringConverter("#"));
        run = Views.button(messages.get("tech.calibrate"), vm::calibrate);
        run.setId("tech-calibrate");
        run.disableProperty().bind(vm.calibrating());
        stop = Views.button(messages.get("tech.stop"), vm::stopCalibration);
        stop.setId("tech-stop");
        stop.disableProperty().bind(vm.calibrating().not().or(vm.stopping()));
        reads.setOnAction(e -> run.fire()); // Enter in the number of reads starts it
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.progress());
        progress.setPrefWidth(120);
        Label summary = Views.styled("", "verdict");
        summary.setId("tech-summary");
        Views.readsPlain(summary);
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        CategoryAxis bx = new CategoryAxis(FXCollections.observableArrayList(Calibration.Report.bucketLabels()));
        bx.setLabel(messages.get("tech.latencyAxis"));
        NumberAxis by = new NumberAxis();
        by.setLabel(messages.get("tech.countAxis"));
        BarChart<String, Number> histogram = new BarChart<>(bx, by);
        histogram.setTitle(messages.get("tech.histogram"));
        histogram.setLegendVisible(false);
        histogram.setAnimated(false);
        histogram.setPrefHeight(230);
        CategoryAxis sx = new CategoryAxis(FXCollections.observableArrayList(stageNames()));
        NumberAxis sy = new NumberAxis();
        sy.setLabel("ms");
        BarChart<String, Number> stages = new BarChart<>(sx, sy);
        stages.setTitle(messages.get("tech.stages"));
        stages.setLegendVisible(false);
        stages.setAnimated(false);
        stages.setPrefHeight(200);
        Label codes = Views.styled("", "details");
        codes.setId("tech-codes");
        codes.setWrapText(true);
        codes.setMinHeight(Region.USE_PREF_SIZE);
        onVm.add(vm.report().subscribe(r -> {
            histogram.getData().clear();
            stages.getData().clear();
            if (r == null) {
                summary.setText(messages.get("tech.noRun"));
                codes.setText("");
                return;
            }
            if (r.noTestCard()) { // nothing was measured: no charts of zeros, no "0.0 %" beside "not counted"
                summary.setText(messages.get("tech.summaryNoTestCard"));
                codes.setText("");
                return;
            }
            XYChart.Series<String, Number> h = new XYChart.Series<>();
            List<String> labels = Calibration.Report.bucketLabels();
            for (int i = 0; i < labels.size(); i++) h.getData().add(new XYChart.Data<>(labels.get(i), r.histogram().get(i)));
            histogram.getData().add(h);
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            List<String> names = stageNames();
            int i = 0;
            for (double v : r.stageMeansMs().values()) s.getData().add(new XYChart.Data<>(names.get(i++), v));
            stages.getData().add(s);
            // a point whatever the PC's locale; the time with one decimal always (it read "1.036 秒" and "6.4 秒")
            java.util.Locale point = java.util.Locale.ROOT;
            // each figure whole where the summary wraps (large text: "用" / "时 1.6 秒")
            summary.setText(Unbroken.pieces(messages.get("tech.summary", r.reads(), String.format(point, "%.1f", r.successRate() * 100),
                    String.format(point, "%.0f", r.p50Ms()), String.format(point, "%.0f", r.p95Ms()),
                    String.format(point, "%.1f", r.elapsed().toMillis() / 1000.0)), messages.get("status.gap"), messages.locale())
                    + (r.stopped() ? "　" + messages.get("tech.summaryStopped", r.reads(), r.requested()) : ""));
            StringBuilder c = new StringBuilder(messages.get("tech.outcomes"));
            r.outcomes().entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.comparingByKey())
                    .forEach(e -> c.append("  ").append(messages.of(e.getKey())).append(' ').append(e.getValue()));
            if (!r.errorCodes().isEmpty()) {
                c.append('\n').append(messages.get("tech.codes"));
                r.errorCodes().forEach((k, v) -> c.append("  ").append(k).append('=').append(v));
            }
            codes.setText(c.toString());
        }));
        Label readsLabel = new Label(messages.get("tech.reads"));
        readsLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the bar gives way, never the label
        progress.setMinWidth(60);
        // the controls wrap onto a second line rather than run past the panel (large text)
        javafx.scene.layout.FlowPane controls = new javafx.scene.layout.FlowPane(8, 6, readsLabel, reads, run, stop, progress);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label help = Views.styled(messages.get("tech.calibrationHelp"), "hint");
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        // the charts are as tall as their text needs: an axis' name is never "…"
        histogram.minHeightProperty().bind(scaled(em, 190));
        histogram.prefHeightProperty().bind(scaled(em, 230));
        stages.minHeightProperty().bind(scaled(em, 170));
        stages.prefHeightProperty().bind(scaled(em, 200));
        histogram.setMinWidth(0);
        stages.setMinWidth(0);
        VBox box = new VBox(8, Views.heading(messages, "tech.calibration"), help, controls, summary, histogram, stages, codes);
        box.getStyleClass().add("panel");
        box.setMinWidth(0);
        return box;
    }

    private List<String> stageNames() {
        return List.of(messages.get("tech.stage.find"), messages.get("tech.stage.select"), messages.get("tech.stage.read"),
                messages.get("tech.stage.extras"));
    }

    private Region logPanel(Label em) {
        ListView<String> log = new ListView<>(vm.log());
        log.setId("tech-log");
        log.getStyleClass().add("details");
        log.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            { setWrapText(true); prefWidthProperty().bind(l.widthProperty().subtract(24)); }
            @Override protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        VBox.setVgrow(log, Priority.ALWAYS);
        onVm.add(vm.log().subscribe(() -> log.scrollTo(vm.log().size() - 1)));
        Button export = Views.button(messages.get("tech.export"), vm::exportDiagnostics);
        export.setId("tech-export");
        var level = new javafx.scene.control.ComboBox<String>(javafx.collections.FXCollections.observableArrayList(
                org.ticketwindow.idcheck.app.logging.LogLevels.CHOICES));
        level.setValue(vm.logLevel().get());
        level.setOnAction(e -> vm.setLogLevel(level.getValue()));
        level.setAccessibleText(messages.get("tech.logLevel"));
        level.setId("tech-log-level");
        var levelRow = new javafx.scene.layout.HBox(8, new Label(messages.get("tech.logLevel")), level);
        levelRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        ((Label) levelRow.getChildren().getFirst()).setMinWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(8, Views.heading(messages, "tech.log"), log, levelRow, export);
        box.getStyleClass().add("panel");
        box.prefWidthProperty().bind(scaled(em, 340));
        box.minWidthProperty().bind(scaled(em, 300));
        return box;
    }
}
