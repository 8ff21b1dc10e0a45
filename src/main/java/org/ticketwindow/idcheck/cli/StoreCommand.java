package org.ticketwindow.idcheck.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ticketwindow.idcheck.app.AppHome;
import org.ticketwindow.idcheck.store.KeyFile;
import org.ticketwindow.idcheck.store.LocalStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code idcheck store accept}: the technician's step after restoring the counter's database from a backup (or after a
 * lost installation key): the store is accepted as it is and numbering continues after the sequence mark, so no
 * sequence number is used twice (docs/technician-guide.md, "Restoring the counter's store").
 */
@Command(name = "store", mixinStandardHelpOptions = true, description = "The counter's local store (technician).",
        subcommands = StoreCommand.Accept.class)
public final class StoreCommand {

    @Command(name = "accept", mixinStandardHelpOptions = true,
            description = "Accept a restored, emptied or new store: sequence numbers continue after the mark.")
    static final class Accept implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--technician", required = true, paramLabel = "ID", description = "Who accepts it (audit trail).")
        String technician;

        @Option(names = "--new-key", description = "The installation key is lost for good: make a new one. Only with no "
                + "database (move the old data directory aside first); its unsynced results cannot be read again.")
        boolean newKey;

        @Override public Integer call() {
            AppHome home = AppHome.resolve();
            Map<String, Long> mark = LocalStore.markOf(home.data()).read().orElse(Map.of());
            try (LocalStore s = LocalStore.accept(home.data(), new KeyFile(home.keyFile()), Clock.systemUTC(), technician, newKey)) {
                ObjectNode n = Json.object();
                n.put("accepted", s.file().toString());
                ObjectNode next = n.putObject("numberingContinuesAfter");
                mark.forEach(next::put);
                n.put("newKey", newKey);
                Json.print(spec.commandLine().getOut(), n);
                return 0;
            }
        }
    }
}
