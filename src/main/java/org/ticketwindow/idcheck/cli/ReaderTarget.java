package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.connect.ReaderConnection;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.time.Clock;
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

    ReaderConnection open(CommandLine.Model.CommandSpec spec) {
        HardwareProfile profile = Profiles.one(spec, profileId);
        if (profile.transport() != HardwareProfile.Transport.SIMULATOR) {
            return ReaderConnection.open(profile, Optional.ofNullable(port), Clock.systemDefaultZone());
        }
        SimulatedSam sam = new SimulatedSam(FaultPlan.none());
        if (!card.equals("none")) {
            try {
                sam.place(CardFixture.resolve(card));
            } catch (CardFixture.FixtureException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        return ReaderConnection.simulator(profile, sam, Clock.systemDefaultZone());
    }
}
