package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.sim.SerialReaderEmulator;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code idcheck emulate-reader}: a GA 467 reader with a fictional card on a serial port (training and tests). */
@Command(name = "emulate-reader", description = "Serve a card over a serial port as a GA 467 reader would (simulator; fictional cards).")
final class EmulateReaderCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", required = true, description = "Serial port path (e.g. one end of a socat pty pair).")
    String port;

    @Option(names = "--card", required = true, description = "Tray card id or card fixture file; 'none' for an empty reader.")
    String card;

    @Option(names = "--pace-baud", defaultValue = "0", description = "Keep real wire time at this baud rate (0: no pacing).")
    int paceBaud;

    @Option(names = "--sam", defaultValue = "OK", description = "SAM condition: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SimulatedSam.Condition condition;

    @Override public Integer call() throws Exception {
        SimulatedSam sam = new SimulatedSam(FaultPlan.none());
        sam.condition(condition);
        if (!card.equals("none")) {
            try {
                sam.place(CardFixture.resolve(card));
            } catch (CardFixture.FixtureException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        try (SerialReaderEmulator emulator = SerialReaderEmulator.start(port, sam, paceBaud)) {
            var ready = Json.object().put("emulating", port).put("card", card).put("paceBaud", paceBaud).put("sam", condition.name());
            spec.commandLine().getOut().println(Json.MAPPER.writer().writeValueAsString(ready));
            spec.commandLine().getOut().flush();
            emulator.awaitStop();
            spec.commandLine().getErr().println("idcheck emulate-reader: " + emulator.failure());
            return ExitCodes.DEVICE_FAULT;
        }
    }
}
