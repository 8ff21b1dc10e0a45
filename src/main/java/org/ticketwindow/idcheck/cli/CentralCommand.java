package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.central.CentralServer;
import org.ticketwindow.idcheck.central.CentralService;
import org.ticketwindow.idcheck.central.CentralTls;
import org.ticketwindow.idcheck.app.TrainingRecords;
import org.ticketwindow.idcheck.central.TrainingPki;
import org.ticketwindow.idcheck.store.SqlDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Stack;
import java.util.concurrent.Callable;

/**
 * {@code idcheck central --listen ADDR:PORT --db URL [--tls DIR]}: the reference central service, with
 * {@code pki}, {@code seed} and {@code stats} for its operator.
 */
@Command(name = "central", mixinStandardHelpOptions = true, description = "The reference central service.",
        subcommands = {CentralCommand.Pki.class, CentralCommand.Seed.class, CentralCommand.Stats.class})
public final class CentralCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--listen", paramLabel = "ADDR:PORT", description = "Address and port, e.g. 0.0.0.0:8443.")
    String listen;

    @Option(names = "--db", paramLabel = "URL", description = "jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB?user=…")
    String db;

    @Option(names = "--pool", paramLabel = "N", description = "PostgreSQL connections of this instance (default: "
            + SqlDatabase.DEFAULT_POOL_SIZE + "); SQLite always uses one.")
    int pool = SqlDatabase.DEFAULT_POOL_SIZE;

    /** How long requests in flight may take to finish after SIGTERM or Ctrl+C. */
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    // TakesNextArgument: the operator guide's `--tls pki` names a directory called pki, not the pki subcommand
    @Option(names = "--tls", paramLabel = "DIR", parameterConsumer = TakesNextArgument.class,
            description = "PKI directory (server.p12, server.password, ca.pem, crl.pem). Without it: plain HTTP, loopback addresses only.")
    Path tls;

    @Override public Integer call() throws Exception {
        if (listen == null || db == null) {
            throw new ParameterException(spec.commandLine(), "central: --listen ADDR:PORT and --db URL are required");
        }
        int colon = listen.lastIndexOf(':');
        if (colon < 0) throw new IllegalArgumentException("--listen: expected ADDR:PORT");
        InetSocketAddress address = new InetSocketAddress(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1)));
        if (pool < 1) throw new ParameterException(spec.commandLine(), "central: --pool must be at least 1");
        CentralService service = CentralService.open(db, pool, Clock.systemUTC());
        CentralServer server = CentralServer.start(service, address, tls == null ? null : CentralTls.inPkiDirectory(tls), Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        out.println("central listening on " + (tls == null ? "http" : "https") + "://" + server.address().getHostString() + ":"
                + server.address().getPort());
        out.flush();
        Foreground.untilStopped(() -> {
            server.stop(STOP_GRACE); // requests in flight finish and are answered
            service.close();
        });
        return 0;
    }

    /**
     * An option's value is the next argument whatever it is: picocli would otherwise read a value that is also a
     * subcommand's name ({@code --tls pki}) as that subcommand.
     */
    static final class TakesNextArgument implements IParameterConsumer {
        @Override public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            if (args.isEmpty()) {
                throw new ParameterException(commandSpec.commandLine(), "Missing required parameter for option '"
                        + ((OptionSpec) argSpec).longestName() + "' (" + argSpec.paramLabel() + ")");
            }
            argSpec.setValue(Path.of(args.pop()));
        }
    }

    @Command(name = "pki", mixinStandardHelpOptions = true,
            description = "Training PKI: init | server NAME… | counter ID | revoke ID | crl (re-sign the revocation list).")
    static final class Pki implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The PKI directory.")
        Path dir;

        @Option(names = "--days", paramLabel = "N", description = "Validity in days (default: CA 3650, certificates 825, "
                + "revocation list 30).")
        Integer days;

        @Parameters(index = "0", paramLabel = "ACTION", description = "init, server, counter, revoke or crl")
        String action;

        @Parameters(index = "1..*", paramLabel = "NAME", description = "server: DNS names / addresses; counter, revoke: the counter id")
        List<String> names = List.of();

        @Override public Integer call() throws Exception {
            TrainingPki pki = new TrainingPki(dir);
            PrintWriter out = spec.commandLine().getOut();
            switch (action) {
                case "init" -> {
                    pki.init("idcheck training CA", Duration.ofDays(days == null ? 3650 : days));
                    out.println("CA created in " + dir + " (ca.pem, crl.pem)");
                }
                case "server" -> {
                    List<String> n = names.isEmpty() ? List.of("localhost", "127.0.0.1") : names;
                    TrainingPki.Issued i = pki.server(n, Duration.ofDays(days == null ? 825 : days));
                    out.println("server certificate for " + n + ": " + i.keyStore() + " (password in " + i.passwordFile() + "), serial "
                            + i.serial().toString(16));
                }
                case "counter" -> {
                    if (names.size() != 1) throw new IllegalArgumentException("counter: give one counter id");
                    TrainingPki.Issued i = pki.counter(names.getFirst(), Duration.ofDays(days == null ? 825 : days));
                    out.println("counter certificate: " + i.keyStore() + " (password in " + i.passwordFile() + "), serial "
                            + i.serial().toString(16));
                }
                case "revoke" -> {
                    if (names.size() != 1) throw new IllegalArgumentException("revoke: give one counter id");
                    out.println("revoked " + pki.revoke(names.getFirst()) + " certificate(s) of " + names.getFirst()
                            + "; crl.pem rewritten (the central re-reads it)");
                }
                case "crl" -> {
                    var next = pki.resignRevocationList(days == null ? TrainingPki.CRL_VALIDITY : Duration.ofDays(days));
                    out.println("crl.pem re-signed, good until " + next + " (the central refuses every counter after that; "
                            + "the central re-reads it)");
                }
                default -> throw new IllegalArgumentException("unknown action " + action + " (init, server, counter, revoke, crl)");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "seed", mixinStandardHelpOptions = true, description = "Add fictional records (the tray's cards and N more).")
    static final class Seed implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--db", required = true, paramLabel = "URL") String db;

        @Option(names = "--fictional", required = true, paramLabel = "N", description = "Generated people besides the tray's.")
        int fictional;

        @Override public Integer call() throws Exception {
            try (CentralService service = CentralService.open(db, Clock.systemUTC())) {
                var tray = TrainingRecords.tray();
                var generated = TrainingRecords.generated(fictional);
                service.insert(tray);
                service.insert(generated);
                spec.commandLine().getOut().println("seeded " + tray.size() + " tray records and " + generated.size() + " generated records");
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "What arrived (JSON).")
    static final class Stats implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--db", required = true, paramLabel = "URL") String db;

        @Override public Integer call() {
            try (CentralService service = CentralService.open(db, 1, Clock.systemUTC())) {
                var s = new java.util.LinkedHashMap<String, Object>(service.stats());
                s.put("openGaps", service.openGaps());
                s.put("pools", service.pools());
                Json.print(spec.commandLine().getOut(), s);
                return 0;
            }
        }
    }
}
