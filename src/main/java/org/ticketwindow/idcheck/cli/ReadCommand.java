package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.reader.CardReader;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.ReaderOwnership;
import org.ticketwindow.idcheck.reader.ReaderUse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code idcheck read}: one classified read; JSON on stdout; exit 0 read, 3 no card, 4 refused, 5 device fault. */
@Command(name = "read", description = "Read one card and print it as JSON (personal data masked unless --show-pii).")
final class ReadCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin ReaderTarget target;

    @Option(names = "--wait", defaultValue = "0", description = "Seconds to keep polling while there is no card (default: ${DEFAULT-VALUE}).")
    double waitSeconds;

    @Option(names = "--show-pii", description = "Print personal data in clear (for the card holder's own check only).")
    boolean showPii;

    @Override public Integer call() throws Exception {
        var opened = target.open(spec);
        HardwareProfile profile = opened.profile();
        PrintWriter out = spec.commandLine().getOut();
        if (opened.reader().isEmpty()) {
            var json = CardJson.outcome(opened.fault().orElseThrow(), showPii);
            json.put("profile", profile.id());
            Json.print(out, json);
            return ExitCodes.of(opened.fault().get());
        }
        try (ReaderOwnership owner = opened.reader().get();
             ReaderOwnership.Lease lease = owner.acquire(ReaderUse.COMMAND, Duration.ZERO)) {
            CardReader r = lease.reader();
            long deadline = System.nanoTime() + (long) (waitSeconds * 1e9);
            ReadOutcome outcome = r.read();
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
}
