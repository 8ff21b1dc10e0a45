package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.reader.ReadOutcome;

/**
 * Exit codes (docs/cli.md): 0 read, 2 usage, 3 no card, 4 unreadable/refused, 5 device fault, 6 configuration,
 * 7 local store fault, 8 internal error (a bug: never reported as a device fault).
 */
public final class ExitCodes {
    public static final int READ = 0;
    public static final int USAGE = 2;
    public static final int NO_CARD = 3;
    public static final int REFUSED = 4;
    public static final int DEVICE_FAULT = 5;
    /** The installation settings cannot be used (file, key and reason in the message). */
    public static final int CONFIGURATION = 6;
    /** The local store cannot be used (disk full, read-only, damaged, restored, key missing): the message says which. */
    public static final int STORE_FAULT = 7;
    /** An unexpected failure: a bug to report with a diagnostics bundle. */
    public static final int INTERNAL = 8;

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
