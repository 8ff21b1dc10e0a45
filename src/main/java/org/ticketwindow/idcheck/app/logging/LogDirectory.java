package org.ticketwindow.idcheck.app.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import org.ticketwindow.idcheck.app.AppHome;

/**
 * Tells logback.xml where the log files go: {@code -Didcheck.log.dir} when given (the build's tests write to
 * {@code target/}), else the logs directory of {@link AppHome} (per OS, docs/decisions/0010-installation-layout.md).
 */
public final class LogDirectory extends PropertyDefinerBase {
    /**
     * Also makes the directory owner-only (700) before logback opens its files, whatever the umask: the application
     * log and the audit log are then readable by the account only; log files an older version left readable are narrowed.
     * A directory that cannot be made is left to logback, whose error {@link OneLineStatus} reports in one line.
     */
    @Override public String getPropertyValue() {
        java.nio.file.Path dir = path();
        try {
            org.ticketwindow.idcheck.store.AtomicFiles.ownerOnlyDirectory(dir);
            if (java.nio.file.Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                java.nio.file.Files.setPosixFilePermissions(dir, org.ticketwindow.idcheck.store.AtomicFiles.OWNER_ONLY_DIR);
                for (String f : new String[]{"idcheck.log", "audit.log"}) {
                    java.nio.file.Path file = dir.resolve(f);
                    if (java.nio.file.Files.exists(file)) {
                        java.nio.file.Files.setPosixFilePermissions(file, org.ticketwindow.idcheck.store.AtomicFiles.OWNER_ONLY);
                    }
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // reported by logback when it cannot open the files
        }
        return dir.toString();
    }

    /** Where this process's log files are (the diagnostics bundle collects them from here). */
    public static java.nio.file.Path path() {
        String dir = System.getProperty("idcheck.log.dir");
        return dir != null && !dir.isBlank() ? java.nio.file.Path.of(dir) : AppHome.resolve().logs();
    }
}
