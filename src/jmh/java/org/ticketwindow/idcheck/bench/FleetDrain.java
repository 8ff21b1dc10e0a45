package org.ticketwindow.idcheck.bench;

import org.ticketwindow.idcheck.app.AppHome;
import org.ticketwindow.idcheck.app.CounterRuntime;
import org.ticketwindow.idcheck.sync.SyncReport;
import org.ticketwindow.idcheck.sync.SyncWorker;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * fleet.sh's counters: each home is a counter installation (its own store, certificate and configuration), drained by
 * the real {@link SyncWorker} ({@code sync --once}), all released at the same moment. One JVM for all of them: on
 * this 2-core machine fifty JVMs starting and compiling at once measure the machine, not the central (their TLS
 * handshakes timed out). Prints first how long opening the counters took (wall and this JVM's CPU: what the drain's
 * CPU figures include that is not the drain), then one line per counter: home, sent, synced, parked, requeued, error.
 * usage: FleetDrain LIMIT_SECONDS BATCH HOME…
 */
public final class FleetDrain {
    public static void main(String[] args) throws Exception {
        long limit = Long.parseLong(args[0]);
        int batch = Integer.parseInt(args[1]);
        long started = System.nanoTime();
        List<CounterRuntime> counters = new ArrayList<>();
        for (int i = 2; i < args.length; i++) counters.add(CounterRuntime.open(new AppHome(Path.of(args[i])), Clock.systemUTC()));
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("# opened %d counters in %.1f s, CPU %.1f s%n", counters.size(), (System.nanoTime() - started) / 1e9,
                os.getProcessCpuTime() / 1e9);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<SyncReport>> reports = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(counters.size());
        long[] deadlineAt = new long[1];
        for (CounterRuntime rt : counters) {
            SyncWorker worker = new SyncWorker(rt.store().results(), rt.central(null), rt.syncSettings().withBatchSize(batch));
            reports.add(threads.submit(() -> {
                go.await();
                // as a counter's own worker does: a pass that failed (an answer that did not come in time) is followed
                // by another, until the queue is empty; results the central had applied come back DUPLICATE, settled
                int sent = 0, synced = 0, parked = 0, requeued = 0, passes = 0;
                String error = null;
                while (System.nanoTime() < deadlineAt[0]) {
                    SyncReport r = worker.runOnce();
                    passes++;
                    sent += r.sent();
                    synced += r.synced();
                    parked += r.parked();
                    requeued += r.requeued();
                    error = r.error();
                    var left = rt.store().results().status();
                    if (r.ok() && left.queued() == 0 && left.sending() == 0) break;
                }
                return new SyncReport(sent, synced, parked, requeued, passes == 1 ? error : (error == null ? "" : error + "; ") + passes + " passes");
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limit);
        deadlineAt[0] = deadline;
        go.countDown();
        for (int i = 0; i < counters.size(); i++) {
            String home = counters.get(i).home().state().getFileName().toString();
            try {
                SyncReport r = reports.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                System.out.printf("%s sent=%d synced=%d parked=%d requeued=%d error=%s%n", home, r.sent(), r.synced(), r.parked(),
                        r.requeued(), r.error());
            } catch (java.util.concurrent.TimeoutException e) {
                System.out.printf("%s sent=0 synced=0 parked=0 requeued=0 error=not done within %d s%n", home, limit);
            }
        }
        threads.shutdownNow();
        for (CounterRuntime rt : counters) rt.close();
        System.exit(0);
    }
}
