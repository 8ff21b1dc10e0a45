package org.ticketwindow.idcheck.reader.serial;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.reader.DeviceFaultKind;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.Presence;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.sam.SamCardReader;
import org.ticketwindow.idcheck.reader.SamStatus;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.sim.SerialReaderEmulator;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;
import org.ticketwindow.idcheck.testing.EmulatorProcess;
import org.ticketwindow.idcheck.testing.SocatPair;
import org.ticketwindow.idcheck.testing.TestProfiles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real jSerialComm transport against the emulator over a socat pseudo-terminal pair. */
class SerialSocatTest {
    /** The shipped profile with one baud (a pty ignores it; probing five would only cost time). */
    private static final HardwareProfile PROFILE = TestProfiles.shipped("ga467-serial").withBauds(java.util.List.of(115200));

    @TempDir Path dir;
    private SocatPair pair;

    @BeforeEach void pty() throws Exception { pair = new SocatPair(dir); }

    @AfterEach void stop() throws Exception { pair.close(); }

    private SimulatedSam samWith(String card) throws Exception {
        SimulatedSam sam = new SimulatedSam(FaultPlan.none());
        if (card != null) sam.place(CardFixture.builtIn(card));
        return sam;
    }

    @Test
    @DisplayName("D3 serial: read OK, card removed, no card, unreadable card, SAM fault — on one open port")
    void outcomes() throws Exception {
        SimulatedSam sam = samWith("ordinary-female");
        try (SerialReaderEmulator emulator = SerialReaderEmulator.start(pair.device(), sam, 0);
             SamCardReader reader = SerialReaders.open(pair.host(), PROFILE, TestProfiles.TODAY)) {
            ReadOutcome ok = reader.read();
            assertThat(ok).isInstanceOfSatisfying(ReadOutcome.Read.class, r -> {
                assertThat(r.card().idNumber().value()).isEqualTo("110101199208151245");
                assertThat(r.card().appendedAddresses()).hasSize(1);
            });
            assertThat(reader.presence()).isEqualTo(Presence.PRESENT);
            assertThat(reader.health().samId()).isPresent();
            sam.remove();
            assertThat(reader.presence()).isEqualTo(Presence.ABSENT);
            assertThat(reader.read()).isEqualTo(new ReadOutcome.NoCard(false));
            sam.place(CardFixture.builtIn("unreadable"));
            assertThat(reader.read()).isInstanceOfSatisfying(ReadOutcome.Unreadable.class,
                    u -> assertThat(u.lastStatus()).contains(SamStatus.READ_FAILED));
            sam.condition(SimulatedSam.Condition.SELF_TEST_FAILED);
            assertThat(reader.read()).isInstanceOfSatisfying(ReadOutcome.DeviceFault.class,
                    f -> assertThat(f.kind()).isEqualTo(DeviceFaultKind.SAM_SELF_TEST_FAILED));
            sam.condition(SimulatedSam.Condition.OK);
            sam.place(CardFixture.builtIn("foreign-2017"));
            assertThat(reader.read()).isInstanceOf(ReadOutcome.Read.class);
        }
    }

    @Test
    @DisplayName("serial: junk and garbled answers on the line are survived; a baud change is answered at the old speed")
    void lineNoiseAndBaud() throws Exception {
        SimulatedSam sam = samWith("ordinary");
        sam.faults().junkPrefixes(1.0);
        try (SerialReaderEmulator emulator = SerialReaderEmulator.start(pair.device(), sam, 0);
             SamCardReader reader = SerialReaders.open(pair.host(), PROFILE, TestProfiles.TODAY)) {
            assertThat(reader.read()).isInstanceOf(ReadOutcome.Read.class);
            sam.faults().clear();
            assertThat(reader.session().orElseThrow().managementNumber()).hasSize(28); // after the read, card still selected
            reader.session().orElseThrow().changeBaud(57600);
            assertThat(reader.read()).isInstanceOf(ReadOutcome.Read.class);
        }
    }

    @Test
    @DisplayName("D3 serial: emulator killed mid-read is a device fault; the same reader recovers when it is back")
    void emulatorKilledMidRead() throws Exception {
        HardwareProfile slow = TestProfiles.fast(PROFILE, Duration.ofMillis(1500));
        try (SamCardReader reader = SerialReaders.open(pair.host(), slow, TestProfiles.TODAY)) {
            EmulatorProcess emulator = EmulatorProcess.start(pair.device(), "ordinary", 9600); // read answer takes ~1.35 s
            CompletableFuture<ReadOutcome> read = CompletableFuture.supplyAsync(reader::read);
            Thread.sleep(500); // find and select done, the read answer is streaming
            emulator.kill();
            ReadOutcome outcome = read.get(10, TimeUnit.SECONDS);
            assertThat(outcome).isInstanceOfSatisfying(ReadOutcome.DeviceFault.class,
                    f -> assertThat(f.kind()).isIn(DeviceFaultKind.TIMEOUT, DeviceFaultKind.PROTOCOL));
            try (EmulatorProcess back = EmulatorProcess.start(pair.device(), "ordinary", 0)) {
                assertThat(reader.read()).isInstanceOf(ReadOutcome.Read.class);
            }
        }
    }

    @Test
    @DisplayName("D3 serial: the port vanishing (unplug) is a device fault; replugging recovers without a restart")
    void unplugAndReplug() throws Exception {
        SimulatedSam sam = samWith("ordinary");
        try (SamCardReader reader = SerialReaders.open(pair.host(), PROFILE, TestProfiles.TODAY)) {
            try (SerialReaderEmulator emulator = SerialReaderEmulator.start(pair.device(), sam, 0)) {
                assertThat(reader.read()).isInstanceOf(ReadOutcome.Read.class);
                pair.kill();
                assertThat(reader.read()).isInstanceOfSatisfying(ReadOutcome.DeviceFault.class,
                        f -> assertThat(f.kind()).isIn(DeviceFaultKind.PORT_GONE, DeviceFaultKind.OPEN_FAILED, DeviceFaultKind.TIMEOUT));
                assertThat(reader.read()).isInstanceOfSatisfying(ReadOutcome.DeviceFault.class,
                        f -> assertThat(f.kind()).isEqualTo(DeviceFaultKind.OPEN_FAILED));
            }
            pair.start();
            try (SerialReaderEmulator emulator = SerialReaderEmulator.start(pair.device(), sam, 0)) {
                assertThat(reader.read()).isInstanceOf(ReadOutcome.Read.class);
            }
        }
    }

    @Test
    @DisplayName("serial: with wire pacing at 115200 a full read takes at least its wire time")
    void pacing() throws Exception {
        SimulatedSam sam = samWith("ordinary-female");
        try (SerialReaderEmulator emulator = SerialReaderEmulator.start(pair.device(), sam, 115200);
             SamCardReader reader = SerialReaders.open(pair.host(), PROFILE, TestProfiles.TODAY)) {
            ReadOutcome.Read r = (ReadOutcome.Read) reader.read();
            // 30 01: 10-byte request + 1295-byte answer = 1305 bytes at 11,520 B/s
            assertThat(r.timings().read()).isGreaterThanOrEqualTo(SerialReaderEmulator.wireTime(1305, 115200));
        }
    }
}
