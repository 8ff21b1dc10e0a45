package org.ticketwindow.idcheck.store;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.testing.Counters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** S1: {@code idcheck simulate} in a child JVM, killed with SIGKILL at random moments; nothing it reported is lost. */
class CrashDurabilityTest {
    @TempDir Path home;

    @Test
    @DisplayName("S1 kill -9 at 20 random moments: every id printed as recorded is in the store, which opens cleanly")
    void killNine() throws Exception {
        Random random = new Random(20261121L);
        List<String> printed = new ArrayList<>();
        int kills = 0;
        for (int run = 0; run < 20; run++) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    "org.ticketwindow.idcheck.cli.Main", "simulate", "--results", "100000", "--counter", "C1",
                    "--first", String.valueOf(run * 100_000))
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("IDCHECK_HOME", home.toString());
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            int target = 1 + random.nextInt(120);  // kill after this many confirmed results, plus a random delay
            List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try {
                    String line;
                    while ((line = out.readLine()) != null) lines.add(line);
                } catch (java.io.IOException closed) {
                    // the stream closes when the process is killed
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines.size() < target && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(1);
            Thread.sleep(random.nextInt(15));
            p.destroyForcibly(); // SIGKILL on Linux
            p.waitFor(10, TimeUnit.SECONDS);
            reader.join(2000);
            synchronized (lines) {
                printed.addAll(lines);
            }
            kills++;
        }
        try (LocalStore store = Counters.store(home)) {
            assertThat(store.integrityCheck()).isEqualTo("ok");
            Set<String> stored = new HashSet<>(store.results().ids());
            assertThat(kills).isEqualTo(20);
            assertThat(printed).hasSizeGreaterThan(20).allSatisfy(id -> assertThat(stored).contains(id));
            assertThat(store.audit().verify()).isEmpty();
            System.out.println("S1: " + kills + " kills, " + printed.size() + " confirmed ids, " + stored.size() + " in the store");
        }
    }
}
