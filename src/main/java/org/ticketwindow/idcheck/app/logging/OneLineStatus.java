package org.ticketwindow.idcheck.app.logging;

import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Logback's own trouble (typically: the log directory cannot be written) as one warning line on stderr, once per
 * process. Without a listener logback prints its whole status history, stack traces included, to stdout, which broke
 * every command's JSON output (issue 15); and the audit log file would then go unwritten without a word.
 */
public final class OneLineStatus extends ContextAwareBase implements StatusListener {
    private final AtomicBoolean said = new AtomicBoolean();

    @Override public void addStatusEvent(Status status) {
        if (status.getLevel() < Status.ERROR || !said.compareAndSet(false, true)) return;
        Throwable cause = status.getThrowable();
        String why = cause != null && cause.getMessage() != null ? cause.getMessage() : status.getMessage();
        System.err.println("idcheck: warning: the log files cannot be written in " + LogDirectory.path() + " (" + why
                + "); the application log and the audit log file are NOT being written. 日志目录不可写，请联系技术人员 "
                + "(docs/technician-guide.md, Logs).");
    }

    @Override public boolean isResetResistant() { return true; }
}
