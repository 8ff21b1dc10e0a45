package org.ticketwindow.idcheck.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The technician's runtime switch of the application log's level (technician screen, technician launcher): it sets our
 * own loggers ({@code org.ticketwindow.idcheck}), not the libraries', so DEBUG shows the reader exchanges without
 * flooding the file with JavaFX and HTTP internals. The audit log is not affected.
 */
public final class LogLevels {
    public static final List<String> CHOICES = List.of("WARN", "INFO", "DEBUG");
    private static final String OURS = "org.ticketwindow.idcheck";

    private LogLevels() {}

    public static String current() {
        Level l = ours().getEffectiveLevel();
        return l.toString();
    }

    public static void set(String level) {
        if (!CHOICES.contains(level)) throw new IllegalArgumentException("log level must be one of " + CHOICES + ": " + level);
        Level before = ours().getEffectiveLevel();
        ours().setLevel(Level.toLevel(level));
        LoggerFactory.getLogger(LogLevels.class).warn("log level changed from {} to {}", before, level);
    }

    private static Logger ours() {
        return (Logger) LoggerFactory.getLogger(OURS);
    }
}
