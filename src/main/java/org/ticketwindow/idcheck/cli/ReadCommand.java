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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code idcheck read}: one classified read; JSON on stdout; exit 0 read, 3 no card, 4 refused, 5 device fault. */
@Command(name = "read", description = "Read one card and print it as JSON (personal data masked unless --show-pii).")
final class ReadCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", required = true, description = "Hardware profile id (or a profile .yaml file).")
    String profileId;

    @Option(names = "--port", description = "Serial port path (serial profiles) or PC/SC reader name (pcsc profiles). "
            + "Default: the first port or reader the profile's match rules select.")
    String port;

    @Option(names = "--card", defaultValue = "ordinary",
            description = "Simulator only: the tray card id or a card fixture file (default: ${DEFAULT-VALUE}); 'none' for an empty reader.")
    String card;

    @Option(names = "--wait", defaultValue = "0", description = "Seconds to keep polling while there is no card (default: ${DEFAULT-VALUE}).")
    double waitSeconds;

    @Option(names = "--show-pii", description = "Print personal data in clear (for the card holder's own check only).")
    boolean showPii;

    @Override public Integer call() throws Exception {
        HardwareProfile profile = Profiles.one(spec, profileId);
        PrintWriter out = spec.commandLine().getOut();
        Optional<ReadOutcome> early = Optional.empty();
        CardReader reader = null;
        switch (profile.transport()) {
            case SIMULATOR -> {
                SimulatedSam sam = new SimulatedSam(FaultPlan.none());
                if (!card.equals("none")) {
                    try {
                        sam.place(CardFixture.resolve(card));
                    } catch (CardFixture.FixtureException e) {
                        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                    }
                }
                reader = SimulatedReaders.open(sam, profile, Clock.systemDefaultZone());
            }
            case SERIAL -> {
                String path = port != null ? port : SerialReaders.listPorts().stream()
                        .filter(p -> profile.match().matchesPort(p.path())
                                || (p.vendorId() >= 0 && profile.match().matchesUsb(p.vendorId(), p.productId())))
                        .map(SerialReaders.PortInfo::path).findFirst().orElse(null);
                if (path == null) early = Optional.of(fault("no serial port matches profile " + profile.id() + ": give --port PATH"));
                else reader = SerialReaders.open(path, profile, Clock.systemDefaultZone());
            }
            case PCSC -> {
                profile.pcscLibrary().ifPresent(PcscService::useLibrary);
                PcscService service = new PcscService();
                String name = port;
                if (name == null) {
                    try {
                        List<String> names = service.readerNames();
                        name = names.stream().filter(profile.match()::matchesReaderName).findFirst().orElse(null);
                        if (name == null) early = Optional.of(fault("no PC/SC reader matches profile " + profile.id() + " (readers: " + names + ")"));
                    } catch (PcscService.UnavailableException e) {
                        early = Optional.of(fault(e.getMessage()));
                    }
                }
                if (name != null) reader = PcscCardReader.open(service, name, profile, Clock.systemDefaultZone());
            }
        }
        ReadOutcome outcome;
        if (early.isPresent()) {
            outcome = early.get();
        } else {
            try (CardReader r = reader) {
                long deadline = System.nanoTime() + (long) (waitSeconds * 1e9);
                outcome = r.read();
                while (outcome instanceof ReadOutcome.NoCard && System.nanoTime() < deadline) {
                    Thread.sleep(profile.pollInterval());
                    outcome = r.read();
                }
                var json = CardJson.outcome(outcome, showPii);
                json.put("reader", r.name());
                json.put("profile", profile.id());
                Json.print(out, json);
                return ExitCodes.of(outcome);
            }
        }
        var json = CardJson.outcome(outcome, showPii);
        json.put("profile", profile.id());
        Json.print(out, json);
        return ExitCodes.of(outcome);
    }

    private static ReadOutcome fault(String detail) {
        return new ReadOutcome.DeviceFault(DeviceFaultKind.OPEN_FAILED, Optional.empty(), detail);
    }
}
