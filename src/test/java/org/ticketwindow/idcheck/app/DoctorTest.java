package org.ticketwindow.idcheck.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.testing.CentralFixture;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** idcheck doctor against a real TLS central, real certificates and a real store; only the OS's answers are given. */
class DoctorTest {
    @TempDir Path dir;

    record FakeHost(List<String> chineseFonts, List<String> groups, boolean pcscdRunning, boolean pcscdInstalled) implements Doctor.Host {
        @Override public boolean linux() { return true; }
    }

    static final FakeHost HEALTHY = new FakeHost(List.of("WenQuanYi Micro Hei"), List.of("clerk", "dialout"), true, true);

    private Doctor.Check check(List<Doctor.Check> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no check " + name + " in " + checks));
    }

    @Test
    @DisplayName("A training counter with no Chinese font, no pcscd and no dialout: each problem says what to do")
    void trainingCounterProblems() {
        var checks = new Doctor(new AppHome(dir), new FakeHost(List.of(), List.of("clerk"), false, false), Clock.systemUTC()).run();
        assertThat(check(checks, "Java").status()).isEqualTo(Doctor.Status.OK);
        assertThat(check(checks, "Chinese fonts")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(Doctor.Status.FAIL);
            assertThat(c.fix()).contains("apt install fonts-wqy-microhei");
        });
        assertThat(check(checks, "PC/SC (pcscd)").fix()).contains("apt install pcscd");
        assertThat(check(checks, "Serial permissions").fix()).contains("usermod -aG dialout");
        assertThat(check(checks, "Central").status()).isEqualTo(Doctor.Status.SKIP);
        assertThat(check(checks, "Local store").status()).isEqualTo(Doctor.Status.OK);
    }

    @Test
    @DisplayName("An installed counter: central reachable over TLS, clock compared, a certificate that ends in 10 days is a warning")
    void installedCounter() throws Exception {
        try (CentralFixture central = CentralFixture.start(dir.resolve("central"), 0)) {
            var cert = central.pki.counter("BJ-W-07", Duration.ofDays(10));
            Path config = dir.resolve("home/config");
            Files.createDirectories(config);
            Files.copy(cert.keyStore(), config.resolve("counter.p12"));
            Files.copy(cert.passwordFile(), config.resolve("counter.password"));
            Files.copy(central.pki.dir().resolve("ca.pem"), config.resolve("ca.pem"));
            Files.writeString(config.resolve("counter.properties"), "counter.id=BJ-W-07\ncentral.url=" + central.url()
                    + "\ncentral.keystore=counter.p12\ncentral.keystore-password-file=counter.password\ncentral.ca=ca.pem\n"
                    + "reader.profile=ga467-serial\nreader.port=" + dir.resolve("no-such-tty") + "\n");
            var checks = new Doctor(new AppHome(dir.resolve("home")), HEALTHY, Clock.systemUTC()).run();
            assertThat(check(checks, "Central").status()).as(checks.toString()).isEqualTo(Doctor.Status.OK);
            assertThat(check(checks, "Central").detail()).contains("BJ-W-07");
            assertThat(check(checks, "Clock").status()).isEqualTo(Doctor.Status.OK);
            assertThat(check(checks, "Counter certificate")).satisfies(c -> {
                assertThat(c.status()).isEqualTo(Doctor.Status.WARN);
                assertThat(c.detail()).contains("expires in 9 days");
            });
            // the test CA itself only lives 30 days: just inside the warning window
            assertThat(check(checks, "Central's CA").detail()).contains("expires in 29 days");
            assertThat(check(checks, "Reader profile").status()).isEqualTo(Doctor.Status.OK);
            assertThat(check(checks, "Serial port")).satisfies(c -> {
                assertThat(c.status()).isEqualTo(Doctor.Status.FAIL);
                assertThat(c.fix()).contains("idcheck probe");
            });

            // a clock 2 minutes fast: the clock check fails and says how to fix it
            var skewed = new Doctor(new AppHome(dir.resolve("home")), HEALTHY,
                    Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2))).run();
            assertThat(check(skewed, "Clock").status()).isEqualTo(Doctor.Status.FAIL);
            assertThat(check(skewed, "Clock").fix()).contains("timedatectl set-ntp true");
        }
    }

    @Test
    @DisplayName("An unreachable central and a broken installation file fail with what to do, and nothing is changed")
    void unreachableAndBroken() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) { closed = s.getLocalPort(); }
        Path config = dir.resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve("counter.properties"), "counter.id=BJ-W-07\ncentral.url=http://127.0.0.1:" + closed + "\n");
        var checks = new Doctor(new AppHome(dir), HEALTHY, Clock.systemUTC()).run();
        assertThat(check(checks, "Central")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(Doctor.Status.FAIL);
            assertThat(c.fix()).contains("nothing is lost");
        });
        assertThat(check(checks, "Reader profile").status()).isEqualTo(Doctor.Status.WARN);

        Files.writeString(config.resolve("counter.properties"), "counter.kind=KIOSK\n");
        var broken = new Doctor(new AppHome(dir), HEALTHY, Clock.systemUTC()).run();
        assertThat(check(broken, "Installation file")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(Doctor.Status.FAIL);
            assertThat(c.detail()).contains(config.resolve("counter.properties") + ": counter.kind: must be STATION_WINDOW or AGENCY");
        });
        assertThat(Files.readString(config.resolve("counter.properties"))).isEqualTo("counter.kind=KIOSK\n");
    }

    @Test
    @DisplayName("The doctor only looks: a result a running console is sending stays 'sending' (no resend from the doctor, S2), and the store's status is reported")
    void doctorLeavesTheQueueAlone() throws Exception {
        AppHome home = new AppHome(dir);
        try (CounterRuntime rt = CounterRuntime.open(home, Clock.systemUTC())) {
            org.ticketwindow.idcheck.testing.Counters.record(rt.store(), "BJ-W-07", 0, 2);
            assertThat(rt.store().results().claim(1)).hasSize(1); // a console's sync worker has it on the wire
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) { closed = socket.getLocalPort(); }
        Files.createDirectories(home.config());
        Files.writeString(home.counterSettings(), "counter.id=BJ-W-07\ncentral.url=http://127.0.0.1:" + closed + "\n"); // the central check too
        var checks = new Doctor(home, HEALTHY, Clock.systemUTC()).run();
        assertThat(check(checks, "Central").status()).isEqualTo(Doctor.Status.FAIL);
        assertThat(check(checks, "Local store").detail()).contains("queued 1", "audit chain intact");
        try (var store = org.ticketwindow.idcheck.store.LocalStore.inspect(home.data(),
                new org.ticketwindow.idcheck.store.KeyFile(home.keyFile()), Clock.systemUTC())) {
            assertThat(store.results().status().sending()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("Photo decoder: says which library is configured and whether it loads in the helper process (issue 17)")
    void photoDecoder() throws Exception {
        var lib = org.ticketwindow.idcheck.testing.StandInWltLibrary.get();
        Doctor doctor = new Doctor(new AppHome(dir), HEALTHY, Clock.systemUTC());
        Path file = dir.resolve("vendor-serial.yaml");
        String head = "id: vendor-serial\ndisplayName: Vendor\ntransport: serial\nmatch: {portPattern: \"^/dev/ttyUSB0$\"}\n";
        Files.writeString(file, head + "photoDecoder: {library: " + lib.library() + ", interface: unpack, vendorCode: 602}\n");
        assertThat(doctor.photoDecoder(org.ticketwindow.idcheck.reader.HardwareProfiles.loadFile(file), false)).satisfies(c -> {
            assertThat(c.status()).isEqualTo(Doctor.Status.OK);
            assertThat(c.detail()).contains(lib.library().toString()).contains("unpack").contains("602").contains("loads");
        });
        Files.writeString(file, head + "photoDecoder: {library: " + dir.resolve("libgone.so") + ", interface: wlt2bmp}\n");
        assertThat(doctor.photoDecoder(org.ticketwindow.idcheck.reader.HardwareProfiles.loadFile(file), false)).satisfies(c -> {
            assertThat(c.status()).isEqualTo(Doctor.Status.FAIL);
            assertThat(c.detail()).contains("libgone.so").contains("missing");
            assertThat(c.fix()).contains("install the vendor's library");
        });
        Files.writeString(file, head + "photoDecoder: none\n");
        assertThat(doctor.photoDecoder(org.ticketwindow.idcheck.reader.HardwareProfiles.loadFile(file), false).status()).isEqualTo(Doctor.Status.WARN);
        assertThat(doctor.photoDecoder(null, true).detail()).contains("training");
    }
}
