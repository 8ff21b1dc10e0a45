package org.ticketwindow.idcheck.identity;

import java.time.ZoneId;

/**
 * The railway's time: Beijing time. A card's validity and a proof's issue time are dates and times there, and the
 * console shows every time in it, whatever zone the counter's PC is set to — the status line, the queue and the audit
 * trail once disagreed by eight hours on a PC left on UTC.
 */
public final class RailwayTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private RailwayTime() {
    }
}
