package org.ticketwindow.idcheck.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.HardwareProfiles;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.sam.SamCardReader;
import org.ticketwindow.idcheck.reader.serial.SerialReaders;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.sim.SerialReaderEmulator;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A full serial read cycle (find, select, 30 01) through jSerialComm and a socat pty pair, against the emulator
 * pacing both directions at 115200 baud 8N1. Wire time of the cycle: requests 3 × 10 B + answers 15 + 19 + 1295 B =
 * 1359 B = 117.97 ms. Target: cycle ≤ 1.10 × wire time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SerialReadCycleBenchmark {
    public static final int CYCLE_BYTES = 3 * 10 + 15 + 19 + 1295;

    private Process socat;
    private SerialReaderEmulator emulator;
    private SamCardReader reader;

    @Setup(Level.Trial) public void setup() throws Exception {
        Path dir = Files.createTempDirectory("idcheck-bench");
        String host = dir.resolve("ttyHost").toString();
        String device = dir.resolve("ttyReader").toString();
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        while (!Files.exists(Path.of(host)) || !Files.exists(Path.of(device))) Thread.sleep(10);
        SimulatedSam sam = new SimulatedSam(FaultPlan.none());
        sam.place(CardFixture.builtIn("ordinary"));
        emulator = SerialReaderEmulator.start(device, sam, 115200);
        HardwareProfile p = HardwareProfiles.loadFile(Path.of(System.getProperty("idcheck.project.dir", "."),
                "hardware-profiles", "ga467-serial.yaml"));
        HardwareProfile cycle = p.withBauds(List.of(115200)).withRead(HardwareProfile.ReadCommand.TEXT_PHOTO, false);
        reader = SerialReaders.open(host, cycle, Clock.systemDefaultZone());
        if (!(reader.read() instanceof ReadOutcome.Read)) throw new IllegalStateException("no read through the emulator");
        System.out.printf("%nwire time of one cycle at 115200 8N1: %d bytes = %.2f ms%n", CYCLE_BYTES,
                SerialReaderEmulator.wireTime(CYCLE_BYTES, 115200).toNanos() / 1e6);
    }

    @Benchmark public ReadOutcome readCycle() {
        return reader.read();
    }

    @TearDown(Level.Trial) public void tearDown() {
        reader.close();
        emulator.close();
        socat.destroy();
    }
}
