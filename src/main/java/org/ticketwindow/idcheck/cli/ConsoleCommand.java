package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.app.AppHome;
import org.ticketwindow.idcheck.app.logging.LogLevels;
import org.ticketwindow.idcheck.ui.ConsoleApp;
import org.ticketwindow.idcheck.ui.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** The clerk console (JavaFX). With no installation configuration it starts in training mode (实训模式). */
@Command(name = "console", mixinStandardHelpOptions = true, description = "Start the clerk console (training mode by default).")
final class ConsoleCommand implements Callable<Integer> {
    @Option(names = "--lang", paramLabel = "zh|en", description = "Language of the console (default zh).")
    String lang = "zh";

    @Option(names = "--technician", description = "Technician start (the technician launcher): after login, go straight to "
            + "the technician screen, with our own loggers at DEBUG (unless -Didcheck.log.level is given).")
    boolean technician;

    @Override public Integer call() throws Exception {
        // the technician start logs our own loggers at DEBUG unless a level was chosen; switchable on the technician screen
        if (technician && System.getProperty("idcheck.log.level") == null) LogLevels.set("DEBUG");
        ConsoleApp.run(AppHome.resolve(), "en".equals(lang) ? Messages.ENGLISH : Messages.CHINESE, technician);
        return 0;
    }
}
