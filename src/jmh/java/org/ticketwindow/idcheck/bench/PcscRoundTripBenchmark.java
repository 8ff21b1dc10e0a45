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
import org.ticketwindow.idcheck.reader.pcsc.PcscCardReader;
import org.ticketwindow.idcheck.reader.pcsc.PcscService;
import org.ticketwindow.idcheck.reader.sam.SamResponse;
import org.ticketwindow.idcheck.reader.sam.SamSession;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;
import org.ticketwindow.idcheck.reader.sim.VirtualPcscCard;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/** PC/SC through pcscd and vpcd with the project's virtual card: one APDU round trip, and a full chunked read. Needs pcscd. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PcscRoundTripBenchmark {
    private VirtualPcscCard card;
    private PcscCardReader reader;
    private SamSession session;

    @Setup(Level.Trial) public void setup() throws Exception {
        SimulatedSam sam = new SimulatedSam(FaultPlan.none());
        sam.place(CardFixture.builtIn("ordinary"));
        card = VirtualPcscCard.insert(sam, "127.0.0.1", VirtualPcscCard.DEFAULT_PORT, HexFormat.of().parseHex("0123456789ABCDEF"));
        HardwareProfile p = HardwareProfiles.loadFile(Path.of(System.getProperty("idcheck.project.dir", "."),
                "hardware-profiles", "routon-ccid-pcsc.yaml"));
        reader = PcscCardReader.open(new PcscService(), "Virtual PCD 00 00", p, Clock.systemDefaultZone());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        ReadOutcome o;
        while (!((o = reader.read()) instanceof ReadOutcome.Read)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("no card in Virtual PCD 00 00: " + o);
            Thread.sleep(50);
        }
        session = reader.session().orElseThrow();
    }

    /** {@code FF 98 11 FF 00} → 11-byte status frame. */
    @Benchmark public SamResponse statusApdu() throws Exception {
        return session.status();
    }

    /** find, select, 30 01 in six chunks, 30 03. */
    @Benchmark public ReadOutcome fullRead() {
        return reader.read();
    }

    @TearDown(Level.Trial) public void tearDown() {
        reader.close();
        card.close();
    }
}
