package org.ticketwindow.idcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ticketwindow.idcheck.app.AppHome;
import org.ticketwindow.idcheck.app.CounterRuntime;
import org.ticketwindow.idcheck.store.AuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code idcheck audit verify}: walks the audit chain; exit 0 intact, 1 with every break listed. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit trail.",
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Check the audit chain; list every break.")
    static final class Verify implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Override public Integer call() {
            try (CounterRuntime rt = CounterRuntime.open(AppHome.resolve(), Clock.systemUTC())) {
                List<AuditTrail.Break> breaks = rt.store().audit().verify();
                ObjectNode n = Json.object();
                n.put("entries", rt.store().audit().size());
                n.put("intact", breaks.isEmpty());
                ArrayNode a = n.putArray("breaks");
                for (AuditTrail.Break b : breaks) a.addObject().put("seq", b.seq()).put("problem", b.problem());
                Json.print(spec.commandLine().getOut(), n);
                return breaks.isEmpty() ? 0 : 1;
            }
        }
    }
}
