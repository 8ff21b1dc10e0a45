package org.ticketwindow.idcheck.central;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.sync.SyncReport;
import org.ticketwindow.idcheck.sync.SyncSettings;
import org.ticketwindow.idcheck.sync.SyncWorker;
import org.ticketwindow.idcheck.testing.CentralFixture;
import org.ticketwindow.idcheck.testing.Counters;
import org.ticketwindow.idcheck.wire.Tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S4 under load (issue 15): 20 counters send a batch of 500 each at the same moment, with the counter's default time
 * limits. The central's store applies one batch at a time, so most counters wait for their answer; none may give up
 * because its TLS handshake waited behind other counters' store work. Prints what it measured (docs/benchmarks.md).
 */
class ManyCountersTest {
    @TempDir Path dir;

    @Test
    @DisplayName("S4 20 counters at once with the default limits: every batch is applied, no counter gives up")
    void twentyCountersAtOnce() throws Exception {
        int counters = 20;
        int each = 500;
        try (CentralFixture central = CentralFixture.start(dir, 0)) {
            List<LocalStore> stores = new ArrayList<>();
            List<CentralClient> clients = new ArrayList<>();
            SyncSettings defaults = SyncSettings.DEFAULT;
            try {
                for (int i = 0; i < counters; i++) {
                    String id = "C" + i;
                    LocalStore s = Counters.store(dir.resolve(id));
                    stores.add(s);
                    Counters.record(s, id, i * each, each);
                    TrainingPki.Issued cert = central.pki.counter(id, Duration.ofDays(30));
                    clients.add(new CentralClient(central.url(), Tls.context(cert.keyStore(), cert.passwordFile(),
                            central.pki.dir().resolve(TrainingPki.CA_PEM)), defaults.lookupTimeout(), defaults.submitTimeout()));
                }
                assertThat(clients.getFirst().health().status()).isEqualTo("ok"); // warm: class loading is not measured
                CountDownLatch go = new CountDownLatch(1);
                List<String> outcomes = new CopyOnWriteArrayList<>();
                List<Long> times = new CopyOnWriteArrayList<>();
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < counters; i++) {
                    LocalStore s = stores.get(i);
                    CentralClient c = clients.get(i);
                    threads.add(Thread.ofPlatform().start(() -> {
                        try {
                            go.await();
                            long t0 = System.nanoTime();
                            SyncReport r = new SyncWorker(s.results(), c, defaults.withBatchSize(each)).runOnce();
                            times.add((System.nanoTime() - t0) / 1_000_000);
                            outcomes.add(r.error() == null ? "synced " + r.synced() : r.error());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
                }
                long t0 = System.nanoTime();
                go.countDown();
                for (Thread t : threads) t.join();
                long wall = (System.nanoTime() - t0) / 1_000_000;
                long failed = outcomes.stream().filter(o -> !o.equals("synced " + each)).count();
                System.out.printf("MEASURED %d counters x %d results at once: %d gave up, wall %d ms, slowest counter %d ms, "
                        + "fastest %d ms; errors: %s%n", counters, each, failed, wall, times.stream().mapToLong(x -> x).max().orElse(0),
                        times.stream().mapToLong(x -> x).min().orElse(0), outcomes.stream().filter(o -> !o.startsWith("synced")).distinct().toList());
                assertThat(outcomes).allMatch(o -> o.equals("synced " + each));
                assertThat(central.service.stats()).containsEntry("received", (long) counters * each);
            } finally {
                for (LocalStore s : stores) s.close();
            }
        }
    }
}
