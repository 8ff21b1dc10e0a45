package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.reader.ReadOutcome;

/** Exit codes of the reader commands (docs/architecture.md): 0 read, 2 usage, 3 no card, 4 unreadable/refused, 5 device fault. */
public final class ExitCodes {
    public static final int READ = 0;
    public static final int USAGE = 2;
    public static final int NO_CARD = 3;
    public static final int REFUSED = 4;
    public static final int DEVICE_FAULT = 5;

    private ExitCodes() {}

    public static int of(ReadOutcome outcome) {
        return switch (outcome) {
            case ReadOutcome.Read r -> READ;
            case ReadOutcome.NoCard n -> NO_CARD;
            case ReadOutcome.Unreadable u -> REFUSED;
            case ReadOutcome.Refused r -> REFUSED;
            case ReadOutcome.DeviceFault f -> DEVICE_FAULT;
        };
    }
}
