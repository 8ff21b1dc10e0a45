package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.app.AppHome;
import org.ticketwindow.idcheck.app.CounterRuntime;
import org.ticketwindow.idcheck.identity.RailwayTime;
import org.ticketwindow.idcheck.reader.sim.FictionalPeople;
import org.ticketwindow.idcheck.store.QueuedResult;
import org.ticketwindow.idcheck.sync.Recorder;
import org.ticketwindow.idcheck.verify.CaseKind;
import org.ticketwindow.idcheck.verify.Decision;
import org.ticketwindow.idcheck.verify.DocumentRole;
import org.ticketwindow.idcheck.verify.Presented;
import org.ticketwindow.idcheck.verify.VerificationCase;
import org.ticketwindow.idcheck.verify.VerificationRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code idcheck simulate --results N}: the load generator. Person i's fictional card is read (offline), decided by the
 * rules and recorded through the real store path; each result id is printed on its own line as soon as its commit
 * returned, i.e. once it is durable (S1). The crash tests and the benchmarks use it.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Record N fictional results through the real store path; print each id once durable.")
public final class SimulateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--results", required = true, paramLabel = "N", description = "How many results to record.")
    int results;

    @Option(names = "--counter", paramLabel = "ID", description = "Counter id (default: the configuration's).")
    String counter;

    @Option(names = "--first", paramLabel = "I", description = "Index of the first fictional person (default 0).")
    int first;

    @Option(names = "--clerk", paramLabel = "ID", description = "Clerk id recorded with the results (default sim).")
    String clerk = "sim";

    @Option(names = "--latency", description = "Print record latency percentiles (microseconds) to stderr at the end.")
    boolean latency;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CounterRuntime rt = CounterRuntime.open(AppHome.resolve(), Clock.systemUTC())) {
            Recorder recorder = rt.recorder(counter != null ? counter : rt.settings().counterId());
            VerificationRules rules = new VerificationRules();
            LocalDate today = LocalDate.now(RailwayTime.ZONE);
            long[] micros = new long[results];
            for (int i = 0; i < results; i++) {
                VerificationCase c = VerificationCase.builder(rt.settings().counterKind(), CaseKind.ON_SITE, today)
                        .document(DocumentRole.HOLDER, new Presented.Chip(FictionalPeople.card(first + i))).build();
                Decision d = rules.decide(c);
                long t0 = System.nanoTime();
                QueuedResult q = recorder.record(clerk, c, d, List.of());
                micros[i] = (System.nanoTime() - t0) / 1000;
                out.println(q.id());
                out.flush(); // printed only after the commit returned, and at once: the crash test relies on both
            }
            if (latency && results > 0) {
                java.util.Arrays.sort(micros);
                spec.commandLine().getErr().printf("record latency µs: p50 %d, p90 %d, p99 %d, max %d (n=%d)%n",
                        micros[results / 2], micros[(int) (results * 0.9)], micros[(int) (results * 0.99)], micros[results - 1], results);
                spec.commandLine().getErr().flush();
            }
            return 0;
        }
    }
}
