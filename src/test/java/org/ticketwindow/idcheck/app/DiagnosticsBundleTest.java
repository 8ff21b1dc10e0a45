package org.ticketwindow.idcheck.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.reader.Calibration;
import org.ticketwindow.idcheck.reader.CardReader;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.sim.SimulatedReaders;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;
import org.ticketwindow.idcheck.store.QueueStatus;
import org.ticketwindow.idcheck.testing.TestProfiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticsBundleTest {
    @Test @org.junit.jupiter.api.DisplayName("PD1 the diagnostics bundle holds what support needs and no unmasked personal data") void theBundleHoldsWhatSupportNeedsAndNoPersonalData(@TempDir Path dir) throws Exception {
        AppHome home = new AppHome(dir);
        Files.createDirectories(home.logs());
        Files.writeString(home.logs().resolve("idcheck.log"), "INFO read Read[ResidentCard[1101**********1233, name=张*]]\n");
        var profile = TestProfiles.shipped("simulator");
        SimulatedSam sam = new SimulatedSam(FaultPlan.none());
        var card = CardFixture.builtIn("ordinary");
        sam.place(card);
        Path zip = dir.resolve("out/diag.zip");
        Files.createDirectories(zip.getParent());
        String logDir = System.getProperty("idcheck.log.dir");
        System.setProperty("idcheck.log.dir", home.logs().toString()); // the bundle collects the logs where logback writes
        try (CardReader r = SimulatedReaders.open(sam, profile, Clock.systemUTC())) {
            Calibration.Report report = Calibration.run(r, 5, p -> { });
            DiagnosticsBundle.write(new DiagnosticsBundle.Contents(home, "T001", "STATION_WINDOW", true, "test", List.of("WenQuanYi Micro Hei"),
                    Optional.of(profile), Optional.of(r.health()), Optional.of(report),
                    Optional.of(new QueueStatus(1, 0, 0, 2, 10, null, null)), List.of("simulator")), zip);
        } finally {
            if (logDir == null) System.clearProperty("idcheck.log.dir"); else System.setProperty("idcheck.log.dir", logDir);
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(zip)))
                .as("PD2 the bundle is owner-only whatever the umask (issue 15)").isEqualTo("rw-------");
        Map<String, String> entries = new HashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().forEach(e -> {
                try {
                    entries.put(e.getName(), new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
        }
        assertThat(entries).containsKeys("environment.txt", "readers.txt", "profile/simulator.yaml", "sam.txt", "calibration.json",
                "queue.txt", "logs/idcheck.log");
        assertThat(entries.get("sam.txt")).contains("healthy=true", "samId=");
        assertThat(entries.get("calibration.json")).contains("\"reads\" : 5");
        assertThat(entries.get("environment.txt")).contains("counter=T001", "chineseFonts=WenQuanYi Micro Hei");
        String all = String.join("\n", entries.values());
        assertThat(all).doesNotContain(card.card().idNumber().value()).doesNotContain(card.card().name().value());
        assertThat(Files.list(zip.getParent())).as("no half-written file left").containsExactly(zip);
    }
}
