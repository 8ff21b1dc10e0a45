package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.text.Texts;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code idcheck}: the console and the technician's reader tools, one artifact. */
@Command(name = "idcheck", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"窗口身份核验台 — identity verification console for railway station counters."},
        subcommands = {ConsoleCommand.class, ReadCommand.class, CalibrateCommand.class, DecodeCommand.class, ProbeCommand.class,
                EmulateReaderCommand.class, VirtualCardCommand.class, MatchNameCommand.class, EtpCommand.class,
                DecideCommand.class, QueueCommand.class, SyncCommand.class, SimulateCommand.class, AuditCommand.class, StoreCommand.class,
                DoctorCommand.class, PhotoCommand.class, PhotoHelperCommand.class,
                CentralCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(PhotoHelperCommand.NAME)) {
            // the photo helper starts on the console's behalf: its own command only, not the whole tree (a second less)
            System.exit(new CommandLine(new PhotoHelperCommand()).execute(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this in-process). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            Failure f = failure(ex);
            line.getErr().println("idcheck: " + org.ticketwindow.idcheck.identity.Masking.scrub(f.message()));
            line.getErr().flush();
            return f.code();
        });
        return cl;
    }

    private record Failure(int code, String message) {}

    /** What a command's exception means for the exit code (docs/cli.md): one line, never a stack trace. */
    private static Failure failure(Exception ex) {
        String m = String.valueOf(ex.getMessage());
        return switch (ex) {
            case org.ticketwindow.idcheck.app.CounterSettings.SettingsException s -> new Failure(ExitCodes.CONFIGURATION, m);
            case org.ticketwindow.idcheck.reader.ProfileException p -> new Failure(ExitCodes.USAGE, "hardware profile problem: " + m);
            case org.ticketwindow.idcheck.store.StoreException s -> new Failure(ExitCodes.STORE_FAULT, Texts.chinese().of(s.kind()) + " " + m);
            case java.nio.file.NoSuchFileException n -> new Failure(ExitCodes.USAGE, "no such file: " + m);
            case java.nio.file.AccessDeniedException a -> new Failure(ExitCodes.USAGE, "permission denied: " + m);
            case java.io.IOException io -> new Failure(ExitCodes.DEVICE_FAULT, io.getClass().getSimpleName() + ": " + m);
            default -> ex.getClass().getName().startsWith("org.ticketwindow.idcheck.reader.")
                    || ex.getClass().getName().startsWith("com.fazecast.") ? new Failure(ExitCodes.DEVICE_FAULT, m) // reader, SAM, port, PC/SC
                    : new Failure(ExitCodes.INTERNAL, "internal error (" + ex.getClass().getSimpleName() + ": " + m
                    + "); please report it with a diagnostics bundle (idcheck doctor)");
        };
    }

    /** With no command: the console (training mode by default). */
    @Override public void run() {
        try {
            new ConsoleCommand().call();
        } catch (Exception e) {
            throw new IllegalStateException("the console could not start: " + e.getMessage(), e);
        }
    }
}
