package org.ticketwindow.idcheck.reader;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.reader.sam.SamCommand;
import org.ticketwindow.idcheck.testing.TestProfiles;
import org.ticketwindow.idcheck.validation.Problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HardwareProfilesTest {

    @Test
    @DisplayName("every shipped profile loads and validates")
    void shipped() throws Exception {
        HardwareProfiles all = HardwareProfiles.load(TestProfiles.profilesDir(), null);
        assertThat(all.all()).extracting(HardwareProfile::id).contains("ga467-serial", "routon-ccid-pcsc", "simulator",
                "cvr100-serial", "fdx3s-serial", "synjones-serial");
        HardwareProfile serial = all.byId("ga467-serial").orElseThrow();
        assertThat(serial.bauds()).containsExactly(115200, 57600, 38400, 19200, 9600);
        assertThat(serial.timeout(TimeoutKey.READ)).isEqualTo(Duration.ofMillis(2000));
        assertThat(all.matchingPort("/dev/ttyUSB0")).extracting(HardwareProfile::id).contains("ga467-serial");
        assertThat(all.matchingReader("Virtual PCD 00 00")).extracting(HardwareProfile::id).containsExactly("routon-ccid-pcsc");
        assertThat(serial.match().matchesUsb(0x1a86, 0x7523)).isTrue();
        // every shipped profile has its name for the English screens (they showed the Chinese name)
        for (HardwareProfile p : all.all()) {
            assertThat(p.displayName(true)).as(p.id()).isNotEqualTo(p.displayName(false)).doesNotContainPattern("[\\u4e00-\\u9fff]");
        }
        assertThat(all.byId("simulator").orElseThrow().displayName(true)).isEqualTo("Simulated reader (training mode)");
        assertThat(all.byId("simulator").orElseThrow().displayName(false)).isEqualTo("模拟读卡器（实训模式）");
    }

    @Test
    @DisplayName("a broken profile reports every problem with file, key and reason")
    void broken(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), """
                id: bad
                displayName: 坏的
                transport: usb
                bauds: [115200, 12345]
                timeoutsMs: {read: 10, fnd: 300}
                retries: {read: 9}
                readCommand: "30 02"
                colour: red
                match: {portPattern: "([", usb: ["xyz"]}
                """);
        assertThatThrownBy(() -> HardwareProfiles.load(dir, null)).isInstanceOfSatisfying(ProfileException.class, e -> {
            assertThat(e.problems()).extracting(Problem::key).contains("transport", "bauds[1]",
                    "timeoutsMs.read", "timeoutsMs.fnd", "retries.read", "readCommand", "colour", "match.portPattern", "match.usb[0]");
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).endsWith("bad.yaml"));
            assertThat(e.getMessage()).contains("bad.yaml: transport: must be serial, pcsc or simulator, was 'usb'");
        });
    }

    @Test
    @DisplayName("invalid YAML names the line")
    void invalidYaml(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.yaml"), "id: x\n  bauds: [1\n");
        assertThatThrownBy(() -> HardwareProfiles.load(dir, null)).isInstanceOf(ProfileException.class)
                .hasMessageContaining("x.yaml: line").hasMessageContaining("not valid YAML");
    }

    @Test
    @DisplayName("the technician override applies allowed keys and refuses the others")
    void overrides(@TempDir Path dir) throws Exception {
        Path override = dir.resolve("override.yaml");
        Files.writeString(override, """
                ga467-serial:
                  bauds: [9600]
                  timeoutsMs: {read: 3000}
                """);
        HardwareProfiles all = HardwareProfiles.load(TestProfiles.profilesDir(), override);
        HardwareProfile p = all.byId("ga467-serial").orElseThrow();
        assertThat(p.bauds()).containsExactly(9600);
        assertThat(p.timeout(TimeoutKey.READ)).isEqualTo(Duration.ofMillis(3000));
        assertThat(p.timeout(TimeoutKey.FIND)).isEqualTo(Duration.ofMillis(300)); // untouched keys stay

        Files.writeString(override, """
                ga467-serial:
                  photoDecoder: "native:/tmp/evil.so"
                  match: {portPattern: ".*"}
                nosuch:
                  bauds: [9600]
                """);
        assertThatThrownBy(() -> HardwareProfiles.load(TestProfiles.profilesDir(), override)).isInstanceOfSatisfying(ProfileException.class,
                e -> assertThat(e.problems()).extracting(Problem::key)
                        .contains("ga467-serial.photoDecoder", "ga467-serial.match"));
    }

    @Test
    @DisplayName("the technician screen's tuning is validated before the override file is replaced")
    void savedTuning(@TempDir Path dir) throws Exception {
        Path override = dir.resolve("config/override.yaml");
        HardwareProfiles saved = HardwareProfiles.saveOverride(TestProfiles.profilesDir(), override, "simulator",
                java.util.Map.of("pollIntervalMs", 150, "timeoutsMs", java.util.Map.of("find", 250, "select", 250, "read", 1500)));
        assertThat(saved.byId("simulator").orElseThrow().pollInterval()).isEqualTo(java.time.Duration.ofMillis(150));
        assertThat(HardwareProfiles.load(TestProfiles.profilesDir(), override).byId("simulator").orElseThrow().pollInterval())
                .isEqualTo(java.time.Duration.ofMillis(150));
        String good = Files.readString(override);

        assertThatThrownBy(() -> HardwareProfiles.saveOverride(TestProfiles.profilesDir(), override, "simulator",
                java.util.Map.of("pollIntervalMs", -5))).isInstanceOf(ProfileException.class);
        assertThatThrownBy(() -> HardwareProfiles.saveOverride(TestProfiles.profilesDir(), override, "simulator",
                java.util.Map.of("photoDecoder", "native:x"))).isInstanceOf(ProfileException.class).hasMessageContaining("not overridable");
        assertThat(Files.readString(override)).as("a refused tuning leaves the last good file").isEqualTo(good);
        assertThat(Files.list(override.getParent())).hasSize(1);
    }

    @Test
    @DisplayName("photoDecoder: none, or a mapping of library, interface, vendorCode and timeoutMs, each problem named (issue 17)")
    void photoDecoder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vendor-serial.yaml");
        String head = "id: vendor-serial\ndisplayName: Vendor\ntransport: serial\nmatch: {portPattern: \"^/dev/ttyUSB0$\"}\n";
        Files.writeString(file, head + "photoDecoder: none\n");
        assertThat(HardwareProfiles.loadFile(file).photoDecoder()).isEmpty();

        Files.writeString(file, head + """
                photoDecoder:
                  library: /opt/vendor/lib/libwlt2bmp.so
                  interface: unpack
                  vendorCode: 602
                  timeoutMs: 1500
                """);
        var d = HardwareProfiles.loadFile(file).photoDecoder().orElseThrow();
        assertThat(d.library()).isEqualTo("/opt/vendor/lib/libwlt2bmp.so");
        assertThat(d.iface()).isEqualTo(org.ticketwindow.idcheck.photo.DecoderInterface.UNPACK);
        assertThat(d.thirdArgument()).isEqualTo(602);
        assertThat(d.timeout()).isEqualTo(Duration.ofMillis(1500));

        Files.writeString(file, head + "photoDecoder: {library: libdewlt.so, interface: dewltbuf}\n");
        assertThat(HardwareProfiles.loadFile(file).photoDecoder().orElseThrow().timeout()).isEqualTo(Duration.ofMillis(2000));

        Files.writeString(file, head + """
                photoDecoder:
                  library: lib/relative.so
                  interface: dewltbuf
                  vendorCode: 602
                  timeoutMs: 5
                  colour: yes
                """);
        assertThatThrownBy(() -> HardwareProfiles.loadFile(file)).isInstanceOfSatisfying(ProfileException.class,
                e -> assertThat(e.problems()).extracting(Problem::key).contains("photoDecoder.colour", "photoDecoder.timeoutMs"));
        Files.writeString(file, head + "photoDecoder: {library: lib/relative.so, interface: dewltbuf, vendorCode: 602}\n");
        assertThatThrownBy(() -> HardwareProfiles.loadFile(file)).isInstanceOfSatisfying(ProfileException.class,
                e -> assertThat(e.problems()).extracting(Problem::key).contains("photoDecoder.library", "photoDecoder.vendorCode"));
        Files.writeString(file, head + "photoDecoder: {library: /x.so, interface: GetBmp}\n");
        assertThatThrownBy(() -> HardwareProfiles.loadFile(file)).hasMessageContaining("photoDecoder.interface")
                .hasMessageContaining("unpack, wlt2bmp or dewltbuf");
        Files.writeString(file, head + "photoDecoder: \"native:/opt/x.so\"\n");
        assertThatThrownBy(() -> HardwareProfiles.loadFile(file)).hasMessageContaining("names no interface");
        Files.writeString(file, head + "photoDecoder: {interface: unpack}\n");
        assertThatThrownBy(() -> HardwareProfiles.loadFile(file)).hasMessageContaining("photoDecoder.library");
    }
}
