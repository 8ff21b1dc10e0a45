package org.ticketwindow.idcheck.reader;

import org.ticketwindow.idcheck.reader.pcsc.PcscCardReader;
import org.ticketwindow.idcheck.reader.pcsc.PcscService;
import org.ticketwindow.idcheck.reader.serial.SerialReaders;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Opens the real reader a profile describes: the serial port or PC/SC reader given, or else the first one the profile's
 * match rules select. Never throws for the device: a reader that cannot be found or opened is a device fault, reported
 * like any other (the console shows it, {@code idcheck read} exits 5). Used by the console (installation file's
 * {@code reader.profile} and {@code reader.port}) and by {@code read} / {@code calibrate}. The reader comes as its
 * {@link ReaderOwnership}: whoever uses it takes a lease first, so two uses never mix their exchanges.
 */
public record ReaderConnection(HardwareProfile profile, Optional<ReaderOwnership> reader, Optional<ReadOutcome.DeviceFault> fault) {

    public static ReaderConnection open(HardwareProfile profile, Optional<String> port, Clock clock) {
        return switch (profile.transport()) {
            case SIMULATOR -> fault(profile, "profile " + profile.id() + " is the training simulator: it has no device to open");
            case SERIAL -> {
                String path = port.orElseGet(() -> SerialReaders.listPorts().stream().filter(profile.match()::matchesPort)
                        .map(SerialReaders.PortInfo::path).findFirst().orElse(null));
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

    public static ReaderConnection opened(HardwareProfile p, CardReader r) {
        return new ReaderConnection(p, Optional.of(ReaderOwnership.of(r)), Optional.empty());
    }

    public static ReaderConnection fault(HardwareProfile p, String detail) {
        return new ReaderConnection(p, Optional.empty(), Optional.of(new ReadOutcome.DeviceFault(DeviceFaultKind.OPEN_FAILED, Optional.empty(), detail)));
    }
}
