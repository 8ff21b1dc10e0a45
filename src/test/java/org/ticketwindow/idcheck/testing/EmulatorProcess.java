package org.ticketwindow.idcheck.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code idcheck emulate-reader} in a child JVM, so a test can kill it with SIGKILL mid-read. */
public final class EmulatorProcess implements AutoCloseable {
    private final Process process;

    private EmulatorProcess(Process process) {
        this.process = process;
    }

    public static EmulatorProcess start(String port, String card, int paceBaud) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "org.ticketwindow.idcheck.cli.Main",
                "emulate-reader", "--port", port, "--card", card, "--pace-baud", String.valueOf(paceBaud)));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String line;
        while ((line = out.readLine()) != null) {
            if (line.contains("emulating")) return new EmulatorProcess(p);
            if (System.nanoTime() > deadline) break;
        }
        p.destroyForcibly();
        throw new IOException("emulator did not start");
    }

    /** SIGKILL, like pulling the power of the reader. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    @Override public void close() throws InterruptedException { kill(); }
}
