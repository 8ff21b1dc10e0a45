package org.ticketwindow.idcheck.app.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import org.ticketwindow.idcheck.app.AppHome;
import org.ticketwindow.idcheck.app.CounterSettings;

/**
 * How many days of audit log files logback keeps: {@code log.audit-retention-days} of the installation file (at least
 * 183, six months; default {@link CounterSettings#DEFAULT_AUDIT_LOG_DAYS}). A file that does not load gives the default:
 * the command that reads it next reports the problem with file, key and reason; logging must not fail first.
 */
public final class AuditLogRetention extends PropertyDefinerBase {
    @Override public String getPropertyValue() {
        try {
            return Integer.toString(CounterSettings.load(AppHome.resolve().counterSettings()).auditLogDays());
        } catch (RuntimeException e) {
            return Integer.toString(CounterSettings.DEFAULT_AUDIT_LOG_DAYS);
        }
    }
}
