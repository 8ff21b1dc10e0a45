package org.ticketwindow.idcheck.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.app.logging.AuditLogRetention;
import org.ticketwindow.idcheck.app.logging.LogLevels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where an installation keeps things (decision 0010) and the installation file's keys of issue 6. */
class InstallationLayoutTest {
    @TempDir Path dir;

    @Test
    @DisplayName("IDCHECK_HOME puts configuration, store, logs and preferences in one directory, whatever the layout")
    void oneDirectory() {
        AppHome h = AppHome.resolve(Map.of("IDCHECK_HOME", "/srv/trainer"), null, "installed", "Linux", "/home/clerk");
        assertThat(h.counterSettings()).isEqualTo(Path.of("/srv/trainer/config/counter.properties"));
        assertThat(h.data()).isEqualTo(Path.of("/srv/trainer/data"));
        assertThat(h.logs()).isEqualTo(Path.of("/srv/trainer/logs"));
        assertThat(h.uiPreferences()).isEqualTo(Path.of("/srv/trainer/config/ui.properties"));
    }

    @Test
    @DisplayName("Installed on Linux: machine-wide /etc/idcheck, the account's XDG data, state (logs) and config (preferences)")
    void installedLinux() {
        AppHome h = AppHome.resolve(Map.of(), null, "installed", "Linux", "/home/clerk");
        assertThat(h.counterSettings()).isEqualTo(Path.of("/etc/idcheck/counter.properties"));
        assertThat(h.profileOverrides()).isEqualTo(Path.of("/etc/idcheck/hardware-profiles.override.yaml"));
        assertThat(h.data()).isEqualTo(Path.of("/home/clerk/.local/share/idcheck/data"));
        assertThat(h.keyFile()).isEqualTo(Path.of("/home/clerk/.local/share/idcheck/keys/installation.key"));
        assertThat(h.logs()).isEqualTo(Path.of("/home/clerk/.local/state/idcheck/logs"));
        assertThat(h.uiPreferences()).isEqualTo(Path.of("/home/clerk/.config/idcheck/ui.properties"));
        AppHome xdg = AppHome.resolve(Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_STATE_HOME", "/st", "XDG_DATA_HOME", "/d"), null,
                "installed", "Linux", "/home/clerk");
        assertThat(xdg.uiPreferences()).isEqualTo(Path.of("/cfg/idcheck/ui.properties"));
        assertThat(xdg.logs()).isEqualTo(Path.of("/st/idcheck/logs"));
        assertThat(xdg.data()).isEqualTo(Path.of("/d/idcheck/data"));
    }

    @Test
    @DisplayName("Installed on Windows: %ProgramData% configuration, %LOCALAPPDATA% store and logs, %APPDATA% preferences")
    void installedWindows() {
        AppHome h = AppHome.resolve(Map.of("ProgramData", "C:/ProgramData", "LOCALAPPDATA", "C:/Users/clerk/AppData/Local",
                "APPDATA", "C:/Users/clerk/AppData/Roaming"), null, "installed", "Windows 11", "C:/Users/clerk");
        assertThat(h.counterSettings()).isEqualTo(Path.of("C:/ProgramData/idcheck/config/counter.properties"));
        assertThat(h.data()).isEqualTo(Path.of("C:/Users/clerk/AppData/Local/idcheck/data"));
        assertThat(h.logs()).isEqualTo(Path.of("C:/Users/clerk/AppData/Local/idcheck/logs"));
        assertThat(h.uiPreferences()).isEqualTo(Path.of("C:/Users/clerk/AppData/Roaming/idcheck/ui.properties"));
    }

    @Test
    @DisplayName("A checkout (no installed layout) keeps everything under the account's data directory, as before")
    void checkout() {
        AppHome h = AppHome.resolve(Map.of(), null, null, "Linux", "/home/dev");
        assertThat(h.counterSettings()).isEqualTo(Path.of("/home/dev/.local/share/idcheck/config/counter.properties"));
        assertThat(h.logs()).isEqualTo(Path.of("/home/dev/.local/share/idcheck/logs"));
    }

    @Test
    @DisplayName("Installation file: reader.profile and reader.port are read; a port without a profile, a bad profile id and an "
            + "audit log kept under six months are refused with file, key and reason")
    void readerAndAuditKeys() throws Exception {
        Path f = dir.resolve("counter.properties");
        Files.writeString(f, "counter.id=BJ-W-07\nreader.profile=ga467-serial\nreader.port=/dev/ttyUSB0\nlog.audit-retention-days=365\n");
        CounterSettings s = CounterSettings.load(f);
        assertThat(s.readerProfile()).isEqualTo("ga467-serial");
        assertThat(s.readerPort()).isEqualTo("/dev/ttyUSB0");
        assertThat(s.auditLogDays()).isEqualTo(365);
        assertThat(CounterSettings.TRAINING.auditLogDays()).isEqualTo(190);

        Files.writeString(f, "reader.port=COM3\nlog.audit-retention-days=90\nreader.colour=red\n");
        assertThatThrownBy(() -> CounterSettings.load(f)).isInstanceOf(CounterSettings.SettingsException.class)
                .hasMessageContaining(f + ": reader.port: needs reader.profile")
                .hasMessageContaining(f + ": log.audit-retention-days: must be a whole number from 183 to 3650")
                .hasMessageContaining(f + ": reader.colour: unknown key");
        Files.writeString(f, "reader.profile=../../etc/passwd\n");
        assertThatThrownBy(() -> CounterSettings.load(f)).hasMessageContaining(f + ": reader.profile: a profile id");
    }

    @Test
    @DisplayName("The audit log's retention for logback comes from the installation file, and a broken file gives the default")
    void auditRetentionForLogback() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        String before = System.getProperty("idcheck.home");
        System.setProperty("idcheck.home", dir.toString());
        try {
            Files.writeString(dir.resolve("config/counter.properties"), "log.audit-retention-days=400\n");
            assertThat(new AuditLogRetention().getPropertyValue()).isEqualTo(System.getenv("IDCHECK_HOME") == null ? "400" : "190");
            Files.writeString(dir.resolve("config/counter.properties"), "log.audit-retention-days=many\n");
            assertThat(new AuditLogRetention().getPropertyValue()).isEqualTo("190");
        } finally {
            if (before == null) System.clearProperty("idcheck.home"); else System.setProperty("idcheck.home", before);
        }
    }

    @Test
    @DisplayName("PD1 the technician's log-level switch changes our loggers at run time (DEBUG traces reader exchanges without card data) and refuses anything but WARN, INFO, DEBUG")
    void logLevelSwitch() throws Exception {
        String before = LogLevels.current();
        try {
            LogLevels.set("DEBUG");
            assertThat(LogLevels.current()).isEqualTo("DEBUG");
            assertThat(org.slf4j.LoggerFactory.getLogger("org.ticketwindow.idcheck.reader.ReaderLoop").isDebugEnabled()).isTrue();
            assertThat(org.slf4j.LoggerFactory.getLogger("org.eclipse.other").isDebugEnabled()).isFalse();
            // at DEBUG the application log traces each reader exchange: command, status, length, time; no card data
            var sam = new org.ticketwindow.idcheck.reader.sim.SimulatedSam(org.ticketwindow.idcheck.reader.sim.FaultPlan.none());
            var card = org.ticketwindow.idcheck.reader.sim.CardFixture.builtIn("ordinary");
            sam.place(card);
            try (var r = org.ticketwindow.idcheck.reader.sim.SimulatedReaders.open(sam,
                    org.ticketwindow.idcheck.testing.TestProfiles.shipped("simulator"), java.time.Clock.systemUTC())) {
                assertThat(r.read()).isInstanceOf(org.ticketwindow.idcheck.reader.ReadOutcome.Read.class);
            }
            String log = Files.readString(org.ticketwindow.idcheck.app.logging.LogDirectory.path().resolve("idcheck.log"));
            assertThat(log).contains("find card -> SamResponse[sw=00 00 9F, data=4 B]").containsPattern("read text\\+photo -> SamResponse\\[sw=00 00 90, data=\\d+ B\\] in \\d+ ms")
                    .doesNotContain(card.card().idNumber().value()).doesNotContain(card.card().name().value());
            LogLevels.set("WARN");
            assertThat(org.slf4j.LoggerFactory.getLogger("org.ticketwindow.idcheck.reader.ReaderLoop").isInfoEnabled()).isFalse();
            assertThatThrownBy(() -> LogLevels.set("TRACE")).isInstanceOf(IllegalArgumentException.class);
        } finally {
            LogLevels.set(before);
        }
    }
}
