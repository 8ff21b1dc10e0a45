package org.ticketwindow.idcheck.reader.connect;

import org.ticketwindow.idcheck.reader.CardReader;
import org.ticketwindow.idcheck.reader.DeviceFaultKind;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.PortInfo;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.ReaderOwnership;
import org.ticketwindow.idcheck.reader.pcsc.PcscCardReader;
import org.ticketwindow.idcheck.reader.pcsc.PcscService;
import org.ticketwindow.idcheck.reader.serial.SerialReaders;
import org.ticketwindow.idcheck.reader.sim.SimulatedReaders;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Opens the reader a profile describes. This package is the one place that knows every transport (serial, PC/SC, the
 * simulator), so the reader port ({@code reader}) knows none of them. A real reader: : the serial port or PC/SC reader given, or else the first one the profile's
 * match rules select. Never throws for the device: a reader that cannot be found or opened is a device fault, reported
 * like any other (the console shows it, {@code idcheck read} exits 5). The simulator: {@link #simulator} with the
 * simulated SAM that holds the card (training mode, {@code read}/{@code calibrate} with the simulator profile). Used by the console (installation file's
 * {@code reader.profile} and {@code reader.port}) and by {@code read} / {@code calibrate}. The reader comes as its
 * {@link ReaderOwnership}: whoever uses it takes a lease first, so two uses never mix their exchanges.
 */
public record ReaderConnection(HardwareProfile profile, Optional<ReaderOwnership> reader, Optional<ReadOutcome.DeviceFault> fault) {

    public static ReaderConnection open(HardwareProfile profile, Optional<String> port, Clock clock) {
        return switch (profile.transport()) {
            case SIMULATOR -> fault(profile, "profile " + profile.id() + " is the training simulator: it has no device to open");
            case SERIAL -> {
                String path = port.orElseGet(() -> SerialReaders.listPorts().stream().filter(profile.match()::matchesPort)
                        .map(PortInfo::path).findFirst().orElse(null));
                yield path == null ? fault(profile, "no serial port matches profile " + profile.id() + ": set the port")
                        : opened(profile, SerialReaders.open(path, profile, clock));
            }
            case PCSC -> {
                profile.pcscLibrary().ifPresent(PcscService::useLibrary);
                PcscService service = new PcscService();
                String name = port.orElse(null);
                if (name == null) {
                    try {
                        List<String> names = service.readerNames();
                        name = names.stream().filter(profile.match()::matchesReaderName).findFirst().orElse(null);
                        if (name == null) yield fault(profile, "no PC/SC reader matches profile " + profile.id() + " (readers: " + names + ")");
                    } catch (PcscService.UnavailableException e) {
                        yield fault(profile, e.getMessage());
                    }
                }
                yield opened(profile, PcscCardReader.open(service, name, profile, clock));
            }
        };
    }

    /** The simulated reader over {@code sam}, answering at once ({@code read}, {@code calibrate}). */
    public static ReaderConnection simulator(HardwareProfile profile, SimulatedSam sam, Clock clock) {
        return opened(profile, SimulatedReaders.open(sam, profile, clock));
    }

    /**
     * The simulated reader over {@code sam}, paced like a serial line at the profile's first baud, so a read takes a
     * real reader's time (training mode; also what a tuned profile reopens to).
     */
    public static CardReader pacedSimulator(HardwareProfile profile, SimulatedSam sam, Clock clock) {
        return SimulatedReaders.openPaced(sam, profile, clock, profile.defaultBaud());
    }

    public static ReaderConnection opened(HardwareProfile p, CardReader r) {
        return new ReaderConnection(p, Optional.of(ReaderOwnership.of(r)), Optional.empty());
    }

    public static ReaderConnection fault(HardwareProfile p, String detail) {
        return new ReaderConnection(p, Optional.empty(), Optional.of(new ReadOutcome.DeviceFault(DeviceFaultKind.OPEN_FAILED, Optional.empty(), detail)));
    }
}
