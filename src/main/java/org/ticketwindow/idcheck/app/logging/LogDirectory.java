package org.ticketwindow.idcheck.app.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import org.ticketwindow.idcheck.app.AppHome;

/**
 * Tells logback.xml where the log files go: {@code -Didcheck.log.dir} when given (the build's tests write to
 * {@code target/}), else the logs directory of {@link AppHome} (per OS, docs/decisions/0010-installation-layout.md).
 */
public final class LogDirectory extends PropertyDefinerBase {
    @Override public String getPropertyValue() { return path().toString(); }

    /** Where this process's log files are (the diagnostics bundle collects them from here). */
    public static java.nio.file.Path path() {
        String dir = System.getProperty("idcheck.log.dir");
        return dir != null && !dir.isBlank() ? java.nio.file.Path.of(dir) : AppHome.resolve().logs();
    }
}
