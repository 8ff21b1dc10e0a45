package org.ticketwindow.idcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** The clerk console. Until the JavaFX console lands (issue 5) it explains what exists and shows the help. */
@Command(name = "console", description = "Start the clerk console (training mode by default).")
final class ConsoleCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.out.println("""
                窗口身份核验台 idcheck
                The clerk console (JavaFX) is not built yet; the reader tools below work today.
                Try the simulated reader (实训模式):  idcheck read --profile simulator --card ordinary
                """);
        new CommandLine(new Main()).usage(System.out);
        return 0;
    }
}
