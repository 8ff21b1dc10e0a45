package org.ticketwindow.idcheck.photo;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** The helper's command line: runs in its private directory, so nothing in it may be relative; no core dumps (PD1). */
class HelperLauncherTest {
    @Test
    @DisplayName("relative class path entries (java -cp target/classes:lib/*) become absolute")
    void absoluteClassPath() {
        String cwd = Path.of("").toAbsolutePath().toString();
        String cp = HelperLauncher.absolute("target/classes" + File.pathSeparator + "lib/*" + File.pathSeparator + "/opt/x.jar");
        assertThat(cp.split(File.pathSeparator)).containsExactly(cwd + "/target/classes", cwd + "/lib/*", "/opt/x.jar");
    }

    @Test
    @DisplayName("the helper's JVM writes no core dump and keeps its crash report in the private directory (PD1)")
    void command() {
        Path dir = Path.of("/tmp/idcheck-photo-x");
        var c = HelperLauncher.sameRuntime().command(new DecoderSettings("/opt/v/libwlt.so", DecoderInterface.WLT2BMP, OptionalInt.of(708),
                Duration.ofSeconds(2)), dir);
        assertThat(c).contains("-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + dir.resolve("hs_err.log"), "--enable-native-access=ALL-UNNAMED",
                "photo-helper", "--library", "/opt/v/libwlt.so", "--interface", "wlt2bmp", "--vendor-code", "708");
    }
}
