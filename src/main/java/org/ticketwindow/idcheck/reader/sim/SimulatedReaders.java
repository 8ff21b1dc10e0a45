package org.ticketwindow.idcheck.reader.sim;

import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.sam.SamCardReader;

import java.time.Clock;

/** The in-process simulated reader of training mode. */
public final class SimulatedReaders {
    private SimulatedReaders() {}

    public static SamCardReader open(SimulatedSam sam, HardwareProfile profile, Clock clock) {
        return new SamCardReader("simulator", profile, () -> new SimulatedSamChannel(sam), clock);
    }

    /** The same, each exchange taking its wire time at {@code paceBaud} (training mode, benchmarks). */
    public static SamCardReader openPaced(SimulatedSam sam, HardwareProfile profile, Clock clock, int paceBaud) {
        return new SamCardReader("simulator", profile, () -> new SimulatedSamChannel(sam, paceBaud), clock);
    }
}
