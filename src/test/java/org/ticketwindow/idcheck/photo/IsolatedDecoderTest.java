package org.ticketwindow.idcheck.photo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketwindow.idcheck.testing.StandInWltLibrary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real mechanism: the stand-in vendor library (compiled with gcc) called through the foreign function API in
 * the real helper process ({@code idcheck photo-helper} on this JVM's class path).
 */
class IsolatedDecoderTest {
    private static StandInWltLibrary standIn;

    @TempDir Path tmp;

    @BeforeAll
    static void compile() throws Exception {
        standIn = StandInWltLibrary.get();
    }

    private IsolatedDecoder decoder(DecoderInterface iface, OptionalInt vendorCode, Duration timeout) {
        return new IsolatedDecoder(new DecoderSettings(standIn.library().toString(), iface, vendorCode, timeout),
                HelperLauncher.sameRuntime(), tmp);
    }

    private static Photo decoded(PhotoResult r) {
        assertThat(r).as("result %s", r).isInstanceOf(PhotoResult.Decoded.class);
        return ((PhotoResult.Decoded) r).photo();
    }

    @ParameterizedTest(name = "{0}: upright, true colours, rows unpadded")
    @EnumSource(DecoderInterface.class)
    @DisplayName("each interface's output becomes an upright RGB photo (the library's printf on stdout does not disturb the protocol)")
    void orientationAndColours(DecoderInterface iface) {
        try (IsolatedDecoder d = decoder(iface, OptionalInt.empty(), Duration.ofSeconds(5))) {
            Photo p = decoded(d.decode(StandInWltLibrary.photo(null, 0x5A)));
            // the stand-in draws R = 2x, G = 2y (y = 0 the top row), B = byte 100 of the photo
            assertThat(p.rgbAt(0, 0)).isEqualTo(0x00005A);
            assertThat(p.rgbAt(101, 0)).isEqualTo(0xCA005A);
            assertThat(p.rgbAt(0, 125)).isEqualTo(0x00FA5A);
            assertThat(p.rgbAt(50, 60)).isEqualTo(0x64785A);
            Photo other = decoded(d.decode(StandInWltLibrary.photo(null, 0x11)));
            assertThat(other.rgbAt(3, 4) & 0xFF).as("the output follows the input").isEqualTo(0x11);
        }
    }

    @Test
    @DisplayName("garbage is refused without calling the library (nor starting the helper)")
    void garbageNeverReachesTheLibrary() throws Exception {
        try (IsolatedDecoder d = decoder(DecoderInterface.UNPACK, OptionalInt.empty(), Duration.ofSeconds(5))) {
            long before = standIn.calls();
            byte[] notWlt = StandInWltLibrary.photo(null, 1);
            notWlt[0] = 0x00;
            for (byte[] garbage : List.of(notWlt, new byte[0], new byte[1023], new byte[1024])) {
                PhotoResult r = d.decode(garbage);
                assertThat(r).isInstanceOfSatisfying(PhotoResult.NotDecoded.class,
                        n -> assertThat(n.problem()).isEqualTo(PhotoProblem.NOT_A_WLT_PHOTO));
            }
            assertThat(standIn.calls()).isEqualTo(before);
            assertThat(d.helperPid()).isEmpty();
        }
    }

    @Test
    @DisplayName("a crash in the library is CRASHED for that card; the next card decodes in a new helper")
    void crashThenRestart() {
        try (IsolatedDecoder d = decoder(DecoderInterface.UNPACK, OptionalInt.empty(), Duration.ofSeconds(5))) {
            decoded(d.decode(StandInWltLibrary.photo(null, 1)));
            long first = d.helperPid().orElseThrow();
            PhotoResult crash = d.decode(StandInWltLibrary.photo("CR", 1));
            assertThat(crash).isInstanceOfSatisfying(PhotoResult.NotDecoded.class, n -> {
                assertThat(n.problem()).isEqualTo(PhotoProblem.CRASHED);
                assertThat(n.technician()).contains("exit code").contains("SIGSEGV").contains("libwlt-standin.so");
            });
            assertThat(d.helperPid()).isEmpty();
            decoded(d.decode(StandInWltLibrary.photo(null, 2)));
            assertThat(d.helperPid().orElseThrow()).isNotEqualTo(first);
        }
        assertThat(tmp).as("nothing left behind: no crash report, no core, no directory (PD1)").isEmptyDirectory();
    }

    @Test
    @DisplayName("a hang is TIMED_OUT within the bound; the helper is killed and the next card decodes")
    void hangTimesOut() {
        Duration timeout = Duration.ofMillis(500);
        try (IsolatedDecoder d = decoder(DecoderInterface.WLT2BMP, OptionalInt.empty(), timeout)) {
            assertThat(d.prepare()).isEmpty();
            long pid = d.helperPid().orElseThrow();
            long start = System.nanoTime();
            PhotoResult r = d.decode(StandInWltLibrary.photo("HG", 1));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(r).isInstanceOfSatisfying(PhotoResult.NotDecoded.class, n -> assertThat(n.problem()).isEqualTo(PhotoProblem.TIMED_OUT));
            assertThat(ms).isBetween(500L, 500L + 3000L);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the hung helper is gone").isFalse();
            decoded(d.decode(StandInWltLibrary.photo(null, 3)));
        }
    }

    @Test
    @DisplayName("zp.bmp and other side-effect files never outlive the card; the working directory is private and wiped (PD1)")
    void sideEffectFilesWiped() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        try (IsolatedDecoder d = decoder(DecoderInterface.UNPACK, OptionalInt.of(602), Duration.ofSeconds(5))) {
            decoded(d.decode(StandInWltLibrary.photo(null, 9)));
            Path dir = d.workingDirectory().orElseThrow();
            assertThat(standIn.sideEffectFiles()).as("the library did write zp.bmp, into the private directory")
                    .last().isEqualTo(dir.toRealPath().resolve("zp.bmp"));
            assertThat(dir.getParent()).isEqualTo(tmp);
            assertThat(Files.getPosixFilePermissions(dir)).extracting(Object::toString)
                    .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE", "OWNER_EXECUTE");
            assertThat(dir).as("wiped after the card").isEmptyDirectory();
            decoded(d.decode(StandInWltLibrary.photo(null, 10)));
            assertThat(dir).isEmptyDirectory();
        }
        assertThat(tmp).as("the directory goes with the helper").isEmptyDirectory();
        assertThat(cwd.resolve("zp.bmp")).doesNotExist();
        try (Stream<Path> s = Files.walk(tmp)) {
            assertThat(s.filter(p -> p.getFileName().toString().equals("zp.bmp"))).isEmpty();
        }
    }

    @Test
    @DisplayName("the library's own answers: not licensed (-5), and a library or function that cannot be loaded")
    void libraryAnswers() {
        try (IsolatedDecoder d = decoder(DecoderInterface.DEWLTBUF, OptionalInt.empty(), Duration.ofSeconds(5))) {
            assertThat(d.decode(StandInWltLibrary.photo("LI", 1))).isInstanceOfSatisfying(PhotoResult.NotDecoded.class,
                    n -> assertThat(n.problem()).isEqualTo(PhotoProblem.NOT_LICENSED));
            decoded(d.decode(StandInWltLibrary.photo(null, 1)));
        }
        try (IsolatedDecoder d = new IsolatedDecoder(new DecoderSettings(tmp.resolve("libnothere.so").toString(), DecoderInterface.UNPACK,
                OptionalInt.empty(), Duration.ofSeconds(5)), HelperLauncher.sameRuntime(), tmp)) {
            assertThat(d.prepare()).hasValueSatisfying(n -> {
                assertThat(n.problem()).isEqualTo(PhotoProblem.LIBRARY_MISSING);
                assertThat(n.technician()).contains("libnothere.so");
            });
            assertThat(d.decode(StandInWltLibrary.photo(null, 1))).isInstanceOfSatisfying(PhotoResult.NotDecoded.class,
                    n -> assertThat(n.problem()).isEqualTo(PhotoProblem.LIBRARY_MISSING));
        }
        Path libc = Path.of("/lib/x86_64-linux-gnu/libz.so.1");
        if (Files.exists(libc)) {
            try (IsolatedDecoder d = new IsolatedDecoder(new DecoderSettings(libc.toString(), DecoderInterface.UNPACK, OptionalInt.empty(),
                    Duration.ofSeconds(5)), HelperLauncher.sameRuntime(), tmp)) {
                assertThat(d.prepare()).hasValueSatisfying(n -> assertThat(n.technician()).contains("has no function unpack"));
            }
        }
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    @DisplayName("the async service always completes with a result, in order (what the screen will use)")
    void service() throws Exception {
        try (PhotoService s = new PhotoService(TrainingPortraits.decoder(decoder(DecoderInterface.UNPACK, OptionalInt.empty(), Duration.ofSeconds(5))))) {
            s.warmUp().get();
            var real = s.decode(StandInWltLibrary.photo(null, 7));
            var training = s.decode(TrainingPortraits.photoBytes("110101199003070012", false));
            var garbage = s.decode(null);
            assertThat(real.get()).isInstanceOf(PhotoResult.Decoded.class);
            assertThat(training.get()).isInstanceOf(PhotoResult.Decoded.class);
            assertThat(garbage.get()).isInstanceOfSatisfying(PhotoResult.NotDecoded.class,
                    n -> assertThat(n.problem()).isEqualTo(PhotoProblem.NOT_A_WLT_PHOTO));
        }
    }
}
