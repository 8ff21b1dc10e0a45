package org.ticketwindow.idcheck.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.reader.DeviceFaultKind;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.sim.SerialReaderEmulator;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;
import org.ticketwindow.idcheck.testing.SocatPair;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** An installation's console drives the reader its installation file names (reader.profile, reader.port), and the photo decoder its profile names (training: the drawn portraits). */
class InstalledReaderTest {
    @TempDir Path dir;

    private AppHome installation(String readerLines) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) { closed = s.getLocalPort(); }
        AppHome home = new AppHome(dir.resolve("home"));
        Files.createDirectories(home.config());
        // a central on loopback that is down: the console is an installation (not training) and keeps results queued
        Files.writeString(home.counterSettings(), "counter.id=BJ-W-07\ncentral.url=http://127.0.0.1:" + closed + "\n" + readerLines);
        return home;
    }

    @Test
    @DisplayName("reader.profile and reader.port: the console reads a card through the serial emulator on a socat pty")
    void configuredSerialReader() throws Exception {
        try (SocatPair pair = new SocatPair(dir)) {
            AppHome home = installation("reader.profile=ga467-serial\nreader.port=" + pair.host() + "\n");
            SimulatedSam sam = new SimulatedSam(FaultPlan.none());
            sam.place(CardFixture.builtIn("ordinary"));
            try (SerialReaderEmulator emulator = SerialReaderEmulator.start(pair.device(), sam, 0);
                 ConsoleSession session = ConsoleSession.open(home, Clock.systemUTC())) {
                assertThat(session.training()).isEmpty();
                assertThat(session.readerFault()).isEmpty();
                assertThat(session.reader()).hasValueSatisfying(r -> assertThat(r.profile().id()).isEqualTo("ga467-serial"));
                try (var lease = session.reader().get().acquire(org.ticketwindow.idcheck.reader.ReaderUse.COMMAND, java.time.Duration.ZERO)) {
                    ReadOutcome read = lease.reader().read();
                    assertThat(read).isInstanceOf(ReadOutcome.Read.class);
                    // issue 17: an installation shows no training portrait; its profile configures no decoder
                    assertThat(session.photos().decode(((ReadOutcome.Read) read).card().photo()).get())
                            .isInstanceOfSatisfying(org.ticketwindow.idcheck.photo.PhotoResult.NotDecoded.class,
                                    n -> assertThat(n.problem()).isEqualTo(org.ticketwindow.idcheck.photo.PhotoProblem.NOT_CONFIGURED));
                }
            }
        }
    }

    @Test
    @DisplayName("training mode: the console's photo service shows the tray cards' drawn portraits (issue 17)")
    void trainingPortraits() throws Exception {
        AppHome home = new AppHome(dir.resolve("training"));
        try (ConsoleSession session = ConsoleSession.open(home, Clock.systemUTC())) {
            assertThat(session.training()).isPresent();
            assertThat(org.ticketwindow.idcheck.text.Texts.english().of(session.photos().describe())).contains("training only");
            session.training().get().sam().place(CardFixture.builtIn("ordinary"));
            try (var lease = session.reader().orElseThrow().acquire(org.ticketwindow.idcheck.reader.ReaderUse.COMMAND, java.time.Duration.ZERO)) {
                ReadOutcome read = lease.reader().read();
                assertThat(read).isInstanceOf(ReadOutcome.Read.class);
                assertThat(session.photos().decode(((ReadOutcome.Read) read).card().photo()).get())
                        .isInstanceOf(org.ticketwindow.idcheck.photo.PhotoResult.Decoded.class);
            }
        }
    }

    @Test
    @DisplayName("a configured reader that is not there is a device fault the console shows, not a failed start")
    void missingReader() throws Exception {
        AppHome home = installation("reader.profile=cvr100-serial\n"); // matches /dev/ttyUSB*, /dev/ttyACM*, COM*: none here
        try (ConsoleSession session = ConsoleSession.open(home, Clock.systemUTC())) {
            org.junit.jupiter.api.Assumptions.assumeTrue(session.reader().isEmpty(),
                    "a USB-serial adapter is plugged into this machine: the profile finds a port");
            assertThat(session.readerFault()).hasValueSatisfying(f -> {
                assertThat(f.kind()).isEqualTo(DeviceFaultKind.OPEN_FAILED);
                assertThat(f.detail()).contains("no serial port matches profile cvr100-serial");
            });
        }
    }
}
