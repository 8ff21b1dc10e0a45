package org.ticketwindow.idcheck.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A linked pseudo-terminal pair from socat: {@link #host()} for the console, {@link #device()} for the emulator. */
public final class SocatPair implements AutoCloseable {
    private final Path dir;
    private Process process;

    public SocatPair(Path dir) throws IOException, InterruptedException {
        Tools.assume(Tools.onPath("socat"), "socat is not installed (apt-get install socat)");
        this.dir = dir;
        start();
    }

    public String host() { return dir.resolve("ttyHost").toString(); }

    public String device() { return dir.resolve("ttyReader").toString(); }

    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + host(), "pty,raw,echo=0,link=" + device())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(Path.of(host())) && Files.exists(Path.of(device())))) {
            if (System.nanoTime() > deadline || !process.isAlive()) throw new IOException("socat did not create the pty pair");
            Thread.sleep(20);
        }
    }

    /** Kills socat: both ptys disappear, as when a USB reader is unplugged. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Files.exists(Path.of(host())) && System.nanoTime() < deadline) Thread.sleep(20);
    }

    @Override public void close() throws InterruptedException { kill(); }
}
