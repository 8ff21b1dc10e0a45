package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.reader.Calibration;
import org.ticketwindow.idcheck.reader.ReaderOwnership;
import org.ticketwindow.idcheck.reader.ReaderUse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code idcheck calibrate}: the technician screen's calibration run from a terminal. A table on stderr, the report as
 * JSON on stdout (no personal data: outcomes, times and codes). Exit 0 when every read succeeded, 5 when the reader
 * cannot be opened or every read was a device fault, 4 otherwise. Ctrl+C stops the run after the read in progress and
 * still prints the report, which says how many of the reads were done.
 */
@Command(name = "calibrate", description = "Read the test card N times: success rate, latency histogram, stage timings, error codes.")
final class CalibrateCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin ReaderTarget target;

    @Option(names = "--reads", defaultValue = "50", description = "Number of reads, 1 to 10000 (default: ${DEFAULT-VALUE}).")
    int reads;

    @Override public Integer call() throws Exception {
        if (reads < 1 || reads > 10_000) throw new CommandLine.ParameterException(spec.commandLine(), "--reads: 1 to 10000");
        var opened = target.open(spec);
        if (opened.reader().isEmpty()) {
            spec.commandLine().getErr().println("读卡器无法打开 / the reader cannot be opened: " + opened.fault().orElseThrow().detail());
            return ExitCodes.of(opened.fault().get());
        }
        AtomicBoolean stop = new AtomicBoolean();
        // Ctrl+C stops the run after its current read and the report below is still printed. A signal handler, not a
        // shutdown hook: once the JVM begins to exit, jSerialComm closes its ports and the read in progress would fail.
        sun.misc.Signal interrupt = new sun.misc.Signal("INT");
        sun.misc.SignalHandler previous = null;
        try {
            previous = sun.misc.Signal.handle(interrupt, s -> stop.set(true));
        } catch (IllegalArgumentException unavailable) {
            // the JVM keeps SIGINT to itself (-Xrs): Ctrl+C then ends the run as it always did
        }
        try {
            return report(opened.reader().get(), stop);
        } finally {
            if (previous != null) sun.misc.Signal.handle(interrupt, previous);
        }
    }

    private int report(ReaderOwnership owner, AtomicBoolean stop) throws Exception {
        Calibration.Report r;
        try (owner; ReaderOwnership.Lease lease = owner.acquire(ReaderUse.COMMAND, Duration.ZERO)) {
            r = Calibration.run(lease.reader(), reads, p -> { }, stop::get);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf("%s on %s: %d reads%s, %.1f%% success, p50 %.0f ms, p95 %.0f ms, %.1f s%n", r.profileId(), r.reader(), r.reads(),
                r.stopped() ? " (stopped: " + r.reads() + " of " + r.requested() + ")" : "",
                r.successRate() * 100, r.p50Ms(), r.p95Ms(), r.elapsed().toMillis() / 1000.0);
        List<String> labels = Calibration.Report.bucketLabels();
        for (int i = 0; i < labels.size(); i++) err.printf("  %-7s ms %5d %s%n", labels.get(i), r.histogram().get(i), "#".repeat(Math.min(60, r.histogram().get(i))));
        err.printf("  stages (ms): %s%n  outcomes: %s%n  codes: %s%n", r.stageMeansMs(), r.outcomes(), r.errorCodes());
        err.flush();
        Json.print(spec.commandLine().getOut(), org.ticketwindow.idcheck.wire.WireJson.mapper().valueToTree(r));
        if (r.successRate() == 1.0) return ExitCodes.READ;
        return r.outcomes().get(Calibration.Result.DEVICE_FAULT) == r.reads() ? ExitCodes.DEVICE_FAULT : ExitCodes.REFUSED;
    }
}
