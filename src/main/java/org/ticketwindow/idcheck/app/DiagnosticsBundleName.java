package org.ticketwindow.idcheck.app;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where an exported diagnostics bundle goes: the home's diagnostics folder, named by counter and local time so that
 * bundles from several counters sent to the help desk do not overwrite each other and sort by date.
 */
public final class DiagnosticsBundleName {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private DiagnosticsBundleName() { }

    public static Path in(AppHome home, String counterId, LocalDateTime now) {
        return home.diagnostics().resolve("idcheck-diagnostics-" + counterId + "-" + now.format(STAMP) + ".zip");
    }
}
