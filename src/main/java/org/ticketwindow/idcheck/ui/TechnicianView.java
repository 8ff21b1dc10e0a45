package org.ticketwindow.idcheck.ui;

import javafx.collections.FXCollections;
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
import javafx.scene.layout.VBox;
import javafx.util.converter.NumberStringConverter;
import org.ticketwindow.idcheck.reader.Calibration;

import java.util.List;
import java.util.Map;

/** The technician screen's controls (role technician): every value and action comes from {@link TechnicianViewModel}. */
final class TechnicianView {
    private final TechnicianViewModel vm;
    private final Messages messages;

    TechnicianView(TechnicianViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
    }

    VBox build() {
        HBox top = new HBox(8, Views.styled(messages.get("tech.heading"), "heading"));
        top.setPadding(new Insets(12, 16, 0, 16));
        VBox body = Views.topColumnsMessage(top, List.of(devicePanel(), calibrationPanel(), logPanel()), 1, vm.message(), "tech-message");
        body.setId("technician");
        return body;
    }

    private Node devicePanel() {
        ListView<String> readers = new ListView<>(vm.readers());
        readers.setPrefHeight(90);
        readers.setFocusTraversable(false);
        Label profile = Views.styled("", "hint");
        profile.textProperty().bind(vm.profile());
        Label sam = Views.styled("", "reader-next");
        sam.setId("tech-sam");
        sam.textProperty().bind(vm.sam());
        Label photo = Views.styled("", "hint");
        photo.setId("tech-photo");
        photo.setWrapText(true);
        photo.textProperty().bind(vm.photoDecoder());
        Button check = Views.button(messages.get("tech.samCheck"), vm::checkSam);
        check.disableProperty().bind(vm.calibrating());
        GridPane tuning = new GridPane(8, 6);
        int row = 0;
        tuning.addRow(row++, new Label(messages.get("tech.bauds")), field(vm.bauds(), "tech.bauds"));
        tuning.addRow(row++, new Label(messages.get("tech.findMs")), field(vm.findMs(), "tech.findMs"));
        tuning.addRow(row++, new Label(messages.get("tech.selectMs")), field(vm.selectMs(), "tech.selectMs"));
        tuning.addRow(row++, new Label(messages.get("tech.readMs")), field(vm.readMs(), "tech.readMs"));
        tuning.addRow(row++, new Label(messages.get("tech.pollMs")), field(vm.pollMs(), "tech.pollMs"));
        tuning.addRow(row, new Label(messages.get("tech.rfFrame")), field(vm.rfFrameSize(), "tech.rfFrame"));
        Button save = Views.button(messages.get("tech.save"), vm::saveTuning);
        save.setId("tech-save");
        save.disableProperty().bind(vm.calibrating());
        VBox box = new VBox(8, Views.heading(messages, "tech.readers"), readers, Views.heading(messages, "tech.profileHeading"), profile,
                sam, check, photo, Views.heading(messages, "tech.tuning"), tuning, save);
        box.getStyleClass().add("panel");
        box.setPrefWidth(330);
        box.setMinWidth(330);
        return box;
    }

    private TextField field(javafx.beans.property.StringProperty p, String key) {
        TextField f = new TextField();
        f.setId(key.replace('.', '-'));
        f.setAccessibleText(messages.get(key));
        f.setPrefColumnCount(8);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private Node calibrationPanel() {
        TextField reads = new TextField();
        reads.setId("tech-reads");
        reads.setPrefColumnCount(5);
        reads.setAccessibleText(messages.get("tech.reads"));
        reads.textProperty().bindBidirectional(vm.reads(), new NumberStringConverter("#"));
        Button run = Views.button(messages.get("tech.calibrate"), vm::calibrate);
        run.setId("tech-calibrate");
        run.disableProperty().bind(vm.calibrating());
        Button stop = Views.button(messages.get("tech.stop"), vm::stopCalibration);
        stop.setId("tech-stop");
        stop.disableProperty().bind(vm.calibrating().not().or(vm.stopping()));
        Views.onEnter(reads, run::fire);
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.progress());
        progress.setPrefWidth(120);
        Label summary = Views.styled("", "verdict");
        summary.setId("tech-summary");
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
        vm.report().subscribe(r -> {
            histogram.getData().clear();
            stages.getData().clear();
            if (r == null) {
                summary.setText(messages.get("tech.noRun"));
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
            summary.setText(messages.get("tech.summary", r.reads(), String.format("%.1f", r.successRate() * 100),
                    String.format("%.0f", r.p50Ms()), String.format("%.0f", r.p95Ms()), r.elapsed().toMillis() / 1000.0)
                    + (r.stopped() ? "　" + messages.get("tech.summaryStopped", r.reads(), r.requested()) : ""));
            StringBuilder c = new StringBuilder(messages.get("tech.outcomes"));
            r.outcomes().entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.comparingByKey())
                    .forEach(e -> c.append("  ").append(messages.of(e.getKey())).append(' ').append(e.getValue()));
            if (!r.errorCodes().isEmpty()) {
                c.append('\n').append(messages.get("tech.codes"));
                r.errorCodes().forEach((k, v) -> c.append("  ").append(k).append('=').append(v));
            }
            codes.setText(c.toString());
        });
        Label readsLabel = new Label(messages.get("tech.reads"));
        readsLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the bar gives way, never the label
        progress.setMinWidth(60);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox controls = new HBox(8, readsLabel, reads, run, stop, progress);
        controls.setStyle("-fx-alignment: center-left;");
        VBox box = new VBox(8, Views.heading(messages, "tech.calibration"), Views.styled(messages.get("tech.calibrationHelp"), "hint"),
                controls, summary, histogram, stages, codes);
        box.getStyleClass().add("panel");
        return box;
    }

    private List<String> stageNames() {
        return List.of(messages.get("tech.stage.find"), messages.get("tech.stage.select"), messages.get("tech.stage.read"),
                messages.get("tech.stage.extras"));
    }

    private Node logPanel() {
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
        vm.log().subscribe(() -> log.scrollTo(vm.log().size() - 1));
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
        VBox box = new VBox(8, Views.heading(messages, "tech.log"), log, levelRow, export);
        box.getStyleClass().add("panel");
        box.setPrefWidth(340);
        box.setMinWidth(300);
        return box;
    }
}
