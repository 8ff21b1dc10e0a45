package org.ticketwindow.idcheck.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The stand-in vendor photo library ({@code src/test/native/wlt-standin.c}) compiled with gcc into a temporary
 * directory, once per test JVM; skips (or fails in CI) when gcc is missing. {@link #calls()} counts the library's
 * calls (it appends to a file), which is how tests see that garbage never reached it.
 */
public final class StandInWltLibrary {
    private static StandInWltLibrary compiled;

    private final Path library;
    private final Path countFile;

    private StandInWltLibrary(Path library, Path countFile) {
        this.library = library;
        this.countFile = countFile;
    }

    public static synchronized StandInWltLibrary get() throws IOException, InterruptedException {
        Tools.assume(Tools.onPath("gcc"), "gcc not installed: the photo decoder tests compile a stand-in vendor library");
        if (compiled != null) return compiled;
        Path dir = Files.createTempDirectory("idcheck-wlt-standin-");
        Path source = Path.of("src/test/native/wlt-standin.c").toAbsolutePath();
        Path lib = dir.resolve("libwlt-standin.so");
        Path count = dir.resolve("calls");
        Process p = new ProcessBuilder("gcc", "-shared", "-fPIC", "-O1", "-DCOUNT_FILE=\"" + count + "\"", "-o", lib.toString(), source.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("gcc failed: " + out);
        dir.toFile().deleteOnExit();
        lib.toFile().deleteOnExit();
        count.toFile().deleteOnExit();
        dir.resolve("calls.where").toFile().deleteOnExit();
        compiled = new StandInWltLibrary(lib, count);
        return compiled;
    }

    public Path library() { return library; }

    /** How many times any of the library's functions was called so far (across helpers). */
    public long calls() throws IOException { return Files.exists(countFile) ? Files.size(countFile) : 0; }

    /** Every zp.bmp the library wrote (its absolute path, one a line, oldest first). */
    public java.util.List<Path> sideEffectFiles() throws IOException {
        Path where = countFile.resolveSibling(countFile.getFileName() + ".where");
        return Files.exists(where) ? Files.readAllLines(where).stream().map(Path::of).toList() : java.util.List.of();
    }

    /** A 1024-byte photo with the WLT header; {@code behaviour} in bytes 6-7 ("CR" crash, "HG" hang, "LI" not licensed, else normal), {@code tint} at byte 100. */
    public static byte[] photo(String behaviour, int tint) {
        byte[] b = new byte[1024];
        byte[] head = {0x57, 0x4C, 0x66, 0x00, 0x7E, 0x00, 0x32, 0x00};
        System.arraycopy(head, 0, b, 0, head.length);
        if (behaviour != null) {
            b[6] = (byte) behaviour.charAt(0);
            b[7] = (byte) behaviour.charAt(1);
        }
        b[100] = (byte) tint;
        return b;
    }
}
