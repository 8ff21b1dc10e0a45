package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.app.AppHome;
import org.ticketwindow.idcheck.app.CounterRuntime;
import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.sync.SyncReport;
import org.ticketwindow.idcheck.sync.SyncWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * {@code idcheck sync [--once] [--central URL]}: forward the local queue. With {@code --once}, one drain and a JSON
 * report (exit 0 when it reached the central, 1 when not); without, the background worker until interrupted.
 */
@Command(name = "sync", mixinStandardHelpOptions = true, description = "Forward the local queue to the central service.")
public final class SyncCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--once", description = "Drain the queue once and exit.")
    boolean once;

    @Option(names = "--central", paramLabel = "URL", description = "The central's URL (overrides the configuration).")
    String central;

    @Option(names = "--batch", paramLabel = "N", description = "Results per request (default: the configuration's, 500).")
    Integer batch;

    @Override public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (CounterRuntime rt = CounterRuntime.open(AppHome.resolve(), Clock.systemUTC())) {
            CentralClient client = rt.central(central);
            var settings = batch == null ? rt.syncSettings() : rt.syncSettings().withBatchSize(batch);
            SyncWorker worker = new SyncWorker(rt.store().results(), client, settings);
            if (once) {
                long t0 = System.nanoTime();
                SyncReport r = worker.runOnce();
                var n = Json.object();
                n.put("sent", r.sent());
                n.put("synced", r.synced());
                n.put("parked", r.parked());
                n.put("requeued", r.requeued());
                n.put("error", r.error());
                n.put("seconds", (System.nanoTime() - t0) / 1e9);
                Json.print(out, n);
                return r.ok() ? 0 : 1;
            }
            out.println("syncing to " + client.base() + " (Ctrl+C to stop)");
            out.flush();
            worker.start();
            Foreground.untilStopped(worker::close);
            return 0;
        }
    }
}
