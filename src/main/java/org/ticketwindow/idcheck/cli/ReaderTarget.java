package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.reader.CardReader;
import org.ticketwindow.idcheck.reader.DeviceFaultKind;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.pcsc.PcscCardReader;
import org.ticketwindow.idcheck.reader.pcsc.PcscService;
import org.ticketwindow.idcheck.reader.serial.SerialReaders;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.sim.SimulatedReaders;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The reader a command drives ({@code read}, {@code calibrate}): a profile, and a port or PC/SC reader name, or the
 * simulator with a tray card. Opening never throws for the device: a reader that cannot be found or opened is a
 * device fault the command reports like any other.
 */
final class ReaderTarget {
    @Option(names = "--profile", required = true, description = "Hardware profile id (or a profile .yaml file).")
    String profileId;

    @Option(names = "--port", description = "Serial port path (serial profiles) or PC/SC reader name (pcsc profiles). "
            + "Default: the first port or reader the profile's match rules select.")
    String port;

    @Option(names = "--card", defaultValue = "ordinary",
            description = "Simulator only: the tray card id or a card fixture file (default: ${DEFAULT-VALUE}); 'none' for an empty reader.")
    String card;

    /** The opened reader, or why there is none. */
    record Opened(HardwareProfile profile, Optional<CardReader> reader, Optional<ReadOutcome.DeviceFault> fault) {}

    Opened open(CommandLine.Model.CommandSpec spec) {
        HardwareProfile profile = Profiles.one(spec, profileId);
        return switch (profile.transport()) {
            case SIMULATOR -> {
                SimulatedSam sam = new SimulatedSam(FaultPlan.none());
                if (!card.equals("none")) {
                    try {
                        sam.place(CardFixture.resolve(card));
                    } catch (CardFixture.FixtureException e) {
                        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                    }
                }
                yield opened(profile, SimulatedReaders.open(sam, profile, Clock.systemDefaultZone()));
            }
            case SERIAL -> {
                String path = port != null ? port : SerialReaders.listPorts().stream().filter(profile.match()::matchesPort)
                        .map(SerialReaders.PortInfo::path).findFirst().orElse(null);
                yield path == null ? fault(profile, "no serial port matches profile " + profile.id() + ": give --port PATH")
                        : opened(profile, SerialReaders.open(path, profile, Clock.systemDefaultZone()));
            }
            case PCSC -> {
                profile.pcscLibrary().ifPresent(PcscService::useLibrary);
                PcscService service = new PcscService();
                String name = port;
                if (name == null) {
                    try {
                        List<String> names = service.readerNames();
                        name = names.stream().filter(profile.match()::matchesReaderName).findFirst().orElse(null);
                        if (name == null) yield fault(profile, "no PC/SC reader matches profile " + profile.id() + " (readers: " + names + ")");
                    } catch (PcscService.UnavailableException e) {
                        yield fault(profile, e.getMessage());
                    }
                }
                yield opened(profile, PcscCardReader.open(service, name, profile, Clock.systemDefaultZone()));
            }
        };
    }

    private static Opened opened(HardwareProfile p, CardReader r) { return new Opened(p, Optional.of(r), Optional.empty()); }

    private static Opened fault(HardwareProfile p, String detail) {
        return new Opened(p, Optional.empty(), Optional.of(new ReadOutcome.DeviceFault(DeviceFaultKind.OPEN_FAILED, Optional.empty(), detail)));
    }
}
