package org.ticketwindow.idcheck.reader;

import java.time.Duration;

/** Where the time of one read went (for calibration and benchmarks): find, select, read and extra commands. */
public record StageTimings(Duration find, Duration select, Duration read, Duration extras, int attempts) {
    public static final StageTimings NONE = new StageTimings(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);

    public Duration total() { return find.plus(select).plus(read).plus(extras); }
}
