package org.ticketwindow.idcheck.central;

import org.ticketwindow.idcheck.app.AppHome;
import org.ticketwindow.idcheck.app.CounterRuntime;
import org.ticketwindow.idcheck.store.OutgoingResult;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The central's batch apply alone, in one JVM that stays warm (issue 19): a counter's queued results (read once, in
 * batches, as its sync worker claims them) are applied with {@link CentralService#submit}, pass after pass, each pass
 * on a fresh copy of the central's database (RESET_COMMAND, a shell command, makes it). No TLS, HTTP or counter in the
 * measure, so two builds compare more steadily than through drain.sh, whose warm figure still includes the JIT's work.
 * Prints one line per pass (transactions' ms, results/s, how many decisions worked out ahead were used) and the
 * median of the second half of the passes.
 * usage: CentralApplyTiming COUNTER_HOME DB_URL RESET_COMMAND PASSES BATCH
 */
public final class CentralApplyTiming {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String url = args[1];
        String reset = args[2];
        int passes = Integer.parseInt(args[3]);
        int size = Integer.parseInt(args[4]);
        List<List<IncomingResult>> batches = new ArrayList<>();
        String counter = null;
        try (CounterRuntime rt = CounterRuntime.open(new AppHome(home), Clock.systemUTC())) {
            for (List<OutgoingResult> claimed; !(claimed = rt.store().results().claim(size)).isEmpty(); ) {
                counter = claimed.getFirst().counterId();
                batches.add(claimed.stream().map(o -> new IncomingResult(o.id(), o.body())).toList());
            }
        }
        int results = batches.stream().mapToInt(List::size).sum();
        double[] perSecond = new double[passes];
        for (int pass = 0; pass < passes; pass++) {
            Process p = new ProcessBuilder("sh", "-c", reset).inheritIO().start();
            if (p.waitFor() != 0) throw new IllegalStateException("the reset command failed: " + reset);
            long ns = 0;
            long ahead;
            try (CentralService central = CentralService.open(url, Clock.systemUTC())) {
                for (List<IncomingResult> b : batches) {
                    long t0 = System.nanoTime();
                    central.submit(b, counter);
                    ns += System.nanoTime() - t0;
                }
                ahead = central.decidedAhead();
            }
            perSecond[pass] = results * 1e9 / ns;
            System.out.printf("pass %d: %d results in %d batches, %d ms of transactions = %.0f /s (%d decided ahead)%n",
                    pass + 1, results, batches.size(), ns / 1_000_000, perSecond[pass], ahead);
        }
        double[] late = Arrays.copyOfRange(perSecond, passes / 2, passes);
        Arrays.sort(late);
        System.out.printf("central apply, passes %d–%d: median %.0f /s%n", passes / 2 + 1, passes, late[late.length / 2]);
    }
}
