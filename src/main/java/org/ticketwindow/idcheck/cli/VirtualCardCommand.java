package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;
import org.ticketwindow.idcheck.reader.sim.VirtualPcscCard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.HexFormat;
import java.util.concurrent.Callable;

/** {@code idcheck virtual-card}: place a fictional card in the vsmartcard vpcd reader (PC/SC without hardware). */
@Command(name = "virtual-card", description = "Place a fictional card on the PC/SC virtual reader (vsmartcard vpcd) until stopped.")
final class VirtualCardCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--card", required = true, description = "Tray card id or card fixture file.") String card;
    @Option(names = "--vpcd-host", defaultValue = "127.0.0.1") String host;
    @Option(names = "--vpcd-port", defaultValue = "" + VirtualPcscCard.DEFAULT_PORT) int vpcdPort;
    @Option(names = "--chip-serial", defaultValue = "0123456789ABCDEF", description = "8-byte chip serial (hex).") String chipSerial;

    @Override public Integer call() throws Exception {
        SimulatedSam sam = new SimulatedSam(FaultPlan.none());
        try {
            sam.place(CardFixture.resolve(card));
        } catch (CardFixture.FixtureException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (VirtualPcscCard v = VirtualPcscCard.insert(sam, host, vpcdPort, HexFormat.of().parseHex(chipSerial))) {
            spec.commandLine().getOut().println(Json.MAPPER.writer().writeValueAsString(Json.object().put("inserted", card)));
            spec.commandLine().getOut().flush();
            Thread.currentThread().join();
        } catch (java.net.ConnectException e) {
            spec.commandLine().getErr().println("idcheck virtual-card: vpcd is not listening on " + host + ":" + vpcdPort
                    + " (install vsmartcard-vpcd and start pcscd)");
            return ExitCodes.DEVICE_FAULT;
        }
        return 0;
    }
}
