package org.ticketwindow.idcheck.app.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import org.ticketwindow.idcheck.app.AppHome;

/**
 * Tells logback.xml where the log files go: {@code -Didcheck.log.dir} when given (the build's tests write to
 * {@code target/}), else the logs directory of {@link AppHome} (per OS, docs/decisions/0010-installation-layout.md).
 */
public final class LogDirectory extends PropertyDefinerBase {
    @Override public String getPropertyValue() {
        String dir = System.getProperty("idcheck.log.dir");
        return dir != null && !dir.isBlank() ? dir : AppHome.resolve().logs().toString();
    }
}
