package org.ticketwindow.idcheck.ui;

import org.ticketwindow.idcheck.reader.Calibration;
import org.ticketwindow.idcheck.text.Text;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the technician screen keeps for the session while it is left or built again (F2, text size): the screen's view
 * model is made anew each time, this is not. A new one at log-out: the next person does not see a calibration's result
 * hours old. Used on the JavaFX thread only.
 */
final class TechnicianMemory {
    /** The live log's length; older lines drop off. */
    static final int LOG_LINES = 300;

    /** One live-log line: when, and what in no language yet (F2 shows the lines logged before it in the new language). */
    record LogLine(LocalTime at, Text text) { }

    private Calibration.Report lastCalibration;
    private int reads = TechnicianViewModel.DEFAULT_READS;
    private final List<LogLine> liveLog = new ArrayList<>();

    Optional<Calibration.Report> lastCalibration() { return Optional.ofNullable(lastCalibration); }

    void calibrated(Calibration.Report report) { lastCalibration = report; }

    /** The number of reads the technician last chose. */
    int reads() { return reads; }

    void readsChosen(int n) { reads = n; }

    List<LogLine> liveLog() { return List.copyOf(liveLog); }

    /** Logs one line; returns how many of the oldest dropped off (0 or 1). */
    int log(LogLine line) {
        liveLog.add(line);
        if (liveLog.size() <= LOG_LINES) return 0;
        liveLog.removeFirst();
        return 1;
    }
}
