package org.ticketwindow.idcheck.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.photo.TrainingPortraits;
import org.ticketwindow.idcheck.testing.StandInWltLibrary;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code idcheck photo}: the technician's try of a vendor library, through the real helper and a gcc-built stand-in. */
class PhotoCommandTest {
    @TempDir Path dir;

    @Test
    @DisplayName("exit 0: a 102 x 126 PNG, upright and in true colours, for each interface")
    void decodes() throws Exception {
        StandInWltLibrary lib = StandInWltLibrary.get();
        Path wlt = dir.resolve("card.wlt");
        Files.write(wlt, StandInWltLibrary.photo(null, 0x33));
        for (String iface : new String[] {"unpack", "wlt2bmp", "dewltbuf"}) {
            Path png = dir.resolve(iface + ".png");
            String[] args = iface.equals("dewltbuf")
                    ? new String[] {"photo", "--wlt", wlt.toString(), "--library", lib.library().toString(), "--interface", iface, "--out", png.toString()}
                    : new String[] {"photo", "--wlt", wlt.toString(), "--library", lib.library().toString(), "--interface", iface,
                    "--vendor-code", "602", "--out", png.toString()};
            CliTest.Result r = CliTest.run(args);
            assertThat(r.code()).as(r.err()).isZero();
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img.getWidth()).isEqualTo(102);
            assertThat(img.getHeight()).isEqualTo(126);
            assertThat(img.getRGB(101, 0) & 0xFFFFFF).isEqualTo(0xCA0033); // R = 2x, G = 2y from the top, B = the input's
            assertThat(img.getRGB(0, 125) & 0xFFFFFF).isEqualTo(0x00FA33);
        }
        assertThat(Path.of("zp.bmp")).doesNotExist();
    }

    @Test
    @DisplayName("exit 4: data refused (not a WLT photo, a training portrait); exit 5: the decoder failed; the reason on stderr")
    void refusedAndFailed() throws Exception {
        StandInWltLibrary lib = StandInWltLibrary.get();
        Path training = dir.resolve("training.wlt");
        Files.write(training, TrainingPortraits.photoBytes("x", false));
        Path png = dir.resolve("out.png");
        long calls = lib.calls();
        CliTest.Result refused = CliTest.run("photo", "--wlt", training.toString(), "--library", lib.library().toString(),
                "--interface", "unpack", "--out", png.toString());
        assertThat(refused.code()).isEqualTo(4);
        assertThat(refused.err()).contains("NOT_A_WLT_PHOTO").contains("照片").contains("57 4C 66 00 7E 00");
        assertThat(lib.calls()).isEqualTo(calls);

        Path crash = dir.resolve("crash.wlt");
        Files.write(crash, StandInWltLibrary.photo("CR", 0));
        CliTest.Result crashed = CliTest.run("photo", "--wlt", crash.toString(), "--library", lib.library().toString(),
                "--interface", "wlt2bmp", "--out", png.toString());
        assertThat(crashed.code()).isEqualTo(5);
        assertThat(crashed.err()).contains("CRASHED").contains("exit code");

        CliTest.Result missing = CliTest.run("photo", "--wlt", crash.toString(), "--library", dir.resolve("libnone.so").toString(),
                "--interface", "unpack", "--out", png.toString());
        assertThat(missing.code()).isEqualTo(5);
        assertThat(missing.err()).contains("LIBRARY_MISSING").contains("libnone.so");
        assertThat(png).doesNotExist();

        assertThat(CliTest.run("photo", "--wlt", crash.toString(), "--library", "libx.so", "--interface", "GetBmp", "--out", png.toString()).code())
                .isEqualTo(2);
        assertThat(CliTest.run("photo", "--wlt", crash.toString(), "--library", "libx.so", "--interface", "dewltbuf", "--vendor-code", "602",
                "--out", png.toString()).err()).contains("dewltbuf takes no vendor code");
    }
}
