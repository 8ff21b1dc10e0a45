package org.ticketwindow.idcheck.sync;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.central.CentralServer;
import org.ticketwindow.idcheck.central.CentralService;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.testing.Counters;
import org.ticketwindow.idcheck.testing.FaultProxy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** S4 backoff: full jitter under an exponential ceiling, counted from the central's last answer (issue 15). */
class BackoffTest {
    @TempDir Path dir;

    @Test
    @DisplayName("S4 full jitter: each wait is uniform in [0, min(cap, base·2^(n-1))] for the n-th failure in a row")
    void fullJitter() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(1));
        for (int n = 1; n <= 8; n++) {
            Duration ceiling = b.ceiling(n);
            assertThat(b.next()).isBetween(Duration.ZERO, ceiling);
            assertThat(b.failures()).isEqualTo(n);
        }
        assertThat(b.ceiling(8)).isEqualTo(Duration.ofSeconds(2));
        // uniform, not "half the ceiling plus jitter": waits near 0 and near the ceiling both occur
        long[] waits = IntStream.range(0, 2_000).mapToLong(i -> b.delay(5).toMillis()).toArray();
        assertThat(IntStream.range(0, waits.length).filter(i -> waits[i] < 160).count()).isBetween(100L, 300L);
        assertThat(IntStream.range(0, waits.length).filter(i -> waits[i] > 1_440).count()).isBetween(100L, 300L);
    }

    @Test
    @DisplayName("S4 an answer from the central resets the backoff: the next failure waits at most the base again")
    void resetOnAnswer() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMinutes(5), new Random(2));
        for (int i = 0; i < 12; i++) b.next();
        assertThat(b.ceiling(b.failures())).isEqualTo(Duration.ofMillis(100L << 11));
        b.reset();
        assertThat(b.failures()).isZero();
        assertThat(b.next()).isLessThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    @DisplayName("S4 on a link where a third of the connections fail, the worker keeps syncing instead of waiting ever longer; S3 each result applied once")
    void flakyLinkKeepsFlowing() throws Exception {
        int n = 300;
        try (CentralService service = CentralService.open("jdbc:sqlite:" + dir.resolve("central.db"), Clock.systemUTC());
             CentralServer central = CentralServer.start(service, new InetSocketAddress("127.0.0.1", 0), null, Clock.systemUTC());
             FaultProxy proxy = new FaultProxy(central.address().getPort(), true, 20261130L);
             LocalStore store = Counters.store(dir.resolve("counter"))) {
            Counters.record(store, "C1", 0, n);
            proxy.faulty = true;
            CentralClient client = new CentralClient(URI.create("http://127.0.0.1:" + proxy.port()), null,
                    Duration.ofSeconds(2), Duration.ofSeconds(5));
            // a cap of a minute: without the reset, a dozen failures in the run would mean waits of up to a minute
            SyncSettings settings = SyncSettings.DEFAULT.withBatchSize(10).withBackoff(Duration.ofMillis(200), Duration.ofMinutes(1));
            long t0 = System.nanoTime();
            try (SyncWorker worker = new SyncWorker(store.results(), client, settings)) {
                worker.start();
                await().atMost(Duration.ofSeconds(45)).until(() -> store.results().status().synced() == n);
            }
            System.out.printf("MEASURED flaky link: %d results in batches of 10 synced in %d ms with %d injected faults%n", n,
                    (System.nanoTime() - t0) / 1_000_000, proxy.injectedTotal());
            assertThat(proxy.injectedTotal()).as("faults injected").isGreaterThanOrEqualTo(8);
            // S3: batches resent after a drop (on a new connection when the kept one was gone) are applied once
            assertThat(service.stats()).as("applied once each").containsEntry("applied", (long) n);
        }
    }
}
