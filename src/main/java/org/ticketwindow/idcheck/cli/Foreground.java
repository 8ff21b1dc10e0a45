package org.ticketwindow.idcheck.cli;

import java.util.concurrent.CountDownLatch;

/** Long-running commands ({@code sync}, {@code central}): run until Ctrl+C or SIGTERM, then shut down cleanly. */
final class Foreground {
    private Foreground() {}

    /** Blocks until the JVM is asked to stop; {@code onStop} runs on the shutdown hook before this returns. */
    static void untilStopped(Runnable onStop) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            onStop.run();
            stop.countDown();
        }));
        stop.await();
    }
}
