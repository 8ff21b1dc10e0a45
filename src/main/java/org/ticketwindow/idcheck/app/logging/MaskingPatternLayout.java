package org.ticketwindow.idcheck.app.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.ticketwindow.idcheck.identity.Masking;

/**
 * Logback layout that runs every formatted line (message, arguments and stack traces) through
 * {@link Masking#scrub(String)}, so an ID number or name that slips into a log line is masked (rule PD1).
 */
public final class MaskingPatternLayout extends PatternLayout {
    @Override public String doLayout(ILoggingEvent event) {
        return Masking.scrub(super.doLayout(event));
    }
}
