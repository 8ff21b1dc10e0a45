package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.app.AppHome;
import org.ticketwindow.idcheck.app.Doctor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code idcheck doctor}: the counter's health, one line per check, with what to do for each problem. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check Java, fonts, reader drivers and permissions, the store, certificates, the central and the clock; "
                + "print what to do for each problem. Exit 0 when nothing failed (warnings allowed), 1 otherwise.")
final class DoctorCommand implements Callable<Integer> {
    @Option(names = "--json", description = "JSON instead of text.")
    boolean json;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() throws Exception {
        List<Doctor.Check> checks = new Doctor(AppHome.resolve(), Doctor.systemHost(), Clock.systemUTC()).run();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, java.util.Map.of("checks", checks,
                    "failed", checks.stream().filter(c -> c.status() == Doctor.Status.FAIL).count()));
        } else {
            for (Doctor.Check c : checks) {
                out.printf("%-5s %-20s %s%n", c.status(), c.name(), c.detail());
                if (!c.fix().isEmpty()) out.printf("      %-20s → %s%n", "", c.fix());
            }
            long failed = checks.stream().filter(c -> c.status() == Doctor.Status.FAIL).count();
            long warned = checks.stream().filter(c -> c.status() == Doctor.Status.WARN).count();
            out.println(failed == 0 && warned == 0 ? "All checks passed." : failed + " failed, " + warned + " warning(s).");
        }
        out.flush();
        return checks.stream().anyMatch(c -> c.status() == Doctor.Status.FAIL) ? 1 : 0;
    }
}
