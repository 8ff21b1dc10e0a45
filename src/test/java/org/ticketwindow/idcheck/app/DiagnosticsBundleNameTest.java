package org.ticketwindow.idcheck.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticsBundleNameTest {
    @Test void aBundleIsNamedByCounterAndLocalTimeInTheHomesDiagnosticsFolder(@TempDir Path dir) {
        AppHome home = new AppHome(dir);
        Path zip = DiagnosticsBundleName.in(home, "BJ-0042", LocalDateTime.of(2026, 11, 30, 9, 5, 7));
        assertThat(zip).isEqualTo(home.diagnostics().resolve("idcheck-diagnostics-BJ-0042-20261130-090507.zip"));
    }
}
