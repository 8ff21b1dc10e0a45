package org.ticketwindow.idcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.sim.SerialReaderEmulator;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;
import org.ticketwindow.idcheck.testing.SocatPair;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code idcheck calibrate} in its own JVM on the serial emulator through socat, stopped as a technician's Ctrl+C does. */
class CalibrateStopTest {
    @TempDir Path dir;

    @Test
    @DisplayName("D3 calibrate: Ctrl+C stops the run after the read in progress and still prints the report, N of 300, with no failed read")
    void stoppedRunReportsWhatItDid() throws Exception {
        try (SocatPair pair = new SocatPair(dir)) {
            SimulatedSam sam = new SimulatedSam(FaultPlan.none());
            sam.place(CardFixture.builtIn("ordinary"));
            try (SerialReaderEmulator emulator = SerialReaderEmulator.start(pair.device(), sam, 115200)) {
                Path java = Path.of(System.getProperty("java.home"), "bin", "java");
                List<String> command = new ArrayList<>(defaultSigint());
                command.addAll(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                        "org.ticketwindow.idcheck.cli.Main", "calibrate", "--profile", "ga467-serial", "--port", pair.host(), "--reads", "300"));
                Process p = new ProcessBuilder(command).start();
                CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
                CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
                await().atMost(Duration.ofSeconds(30)).until(() -> sam.journal().stream().filter(x -> x.command() == 0x3001 || x.command() == 0x3010).count() >= 5);
                // Ctrl+C: SIGINT to the JVM (Process.destroy would close our end of its output first)
                assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor()).isZero();
                assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
                JsonNode report = Json.MAPPER.readTree(out.get(5, TimeUnit.SECONDS));
                assertThat(report.get("stopped").asBoolean()).isTrue();
                assertThat(report.get("requested").asInt()).isEqualTo(300);
                int reads = report.get("reads").asInt();
                assertThat(reads).isBetween(4, 299);
                assertThat(report.get("outcomes").get("READ").asInt()).as(report.toString()).isEqualTo(reads);
                assertThat(err.get(5, TimeUnit.SECONDS)).contains("(stopped: " + reads + " of 300)");
            }
        }
    }

    /**
     * A build started in the background by a non-interactive shell (`.ci/run &`, some CI runners) ignores SIGINT, and
     * a child inherits that: the JVM would then never see the technician's Ctrl+C. {@code env --default-signal=INT}
     * (coreutils ≥ 8.31) gives the calibration process a terminal's default, as a technician's shell does.
     */
    private static List<String> defaultSigint() throws Exception {
        Process probe = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        if (probe.waitFor() == 0) return List.of("env", "--default-signal=INT");
        System.out.println("CalibrateStopTest: env --default-signal is not available; SIGINT may be ignored if the build was started in the background");
        return List.of();
    }

    private static String drain(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
