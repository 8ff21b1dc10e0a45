package org.ticketwindow.idcheck.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ticketwindow.idcheck.app.AppHome;
import org.ticketwindow.idcheck.app.CounterRuntime;
import org.ticketwindow.idcheck.store.QueueStatus;
import org.ticketwindow.idcheck.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code idcheck queue [--ids]}: the local queue's status (S5) as JSON, or every result id for reconciliation. */
@Command(name = "queue", mixinStandardHelpOptions = true, description = "Show the local results queue (JSON), or --ids.")
public final class QueueCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--ids", description = "Print every result id in the store, one per line.")
    boolean ids;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CounterRuntime rt = CounterRuntime.open(AppHome.resolve(), Clock.systemUTC())) {
            if (ids) {
                for (String id : rt.store().results().ids()) out.println(id);
                out.flush();
                return 0;
            }
            QueueStatus s = rt.store().results().status();
            ObjectNode n = Json.object();
            n.put("queued", s.queued());
            n.put("sending", s.sending());
            n.put("parked", s.parked());
            n.put("synced", s.synced());
            n.put("oldestQueuedAgeSeconds", s.oldestQueuedAgeSeconds());
            n.put("lastSyncAt", s.lastSyncAt() == null ? null : s.lastSyncAt().toString());
            n.put("lastError", s.lastError() == null ? null : Texts.english().ofStored(s.lastError()));
            Json.print(out, n);
            return 0;
        }
    }
}
