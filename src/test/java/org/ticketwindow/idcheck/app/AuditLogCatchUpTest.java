package org.ticketwindow.idcheck.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.ticketwindow.idcheck.app.logging.AuditLogCatchUp;
import org.ticketwindow.idcheck.app.logging.LogDirectory;
import org.ticketwindow.idcheck.store.AuditKind;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.testing.Counters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log file catches up with the audit chain at start (issue 15). */
class AuditLogCatchUpTest {
    @TempDir Path dir;

    @Test
    @DisplayName("A1 entries committed just before a kill (never written to audit.log) are written from the chain at the next start")
    void catchesUp() throws Exception {
        Path auditLog = LogDirectory.path().resolve("audit.log");
        String seen = "seen-" + UUID.randomUUID();
        String lost = "lost-" + UUID.randomUUID();
        Logger file = (Logger) LoggerFactory.getLogger("idcheck.audit");
        try (LocalStore s = Counters.store(dir)) {
            s.audit().append(AuditKind.CONFIGURATION, "tech-01", seen, org.ticketwindow.idcheck.text.Text.of("audit.settingsSaved", "written"));
            file.setLevel(Level.OFF); // the process dies between the commit and the file's write
            try {
                for (int i = 0; i < 3; i++) s.audit().append(AuditKind.CONFIGURATION, "tech-01", lost + "-" + i, org.ticketwindow.idcheck.text.Text.of("audit.settingsSaved", "committed"));
            } finally {
                file.setLevel(Level.INFO);
            }
            assertThat(Files.readString(auditLog, StandardCharsets.UTF_8)).contains(seen).doesNotContain(lost);
        }
        try (LocalStore s = Counters.store(dir)) {
            assertThat(AuditLogCatchUp.run(s.audit(), LogDirectory.path())).isEqualTo(3);
            assertThat(AuditLogCatchUp.run(s.audit(), LogDirectory.path())).isZero(); // once only
        }
        String text = Files.readString(auditLog, StandardCharsets.UTF_8);
        int a = text.indexOf(seen), b = text.indexOf(lost + "-0"), c = text.indexOf(lost + "-1"), d = text.indexOf(lost + "-2");
        assertThat(List.of(a, b, c, d)).as("in the order committed").allSatisfy(i -> assertThat(i).isNotNegative()).isSorted();
        assertThat(text.indexOf(lost + "-1", c + 1)).as("written once").isNegative();
    }

    @Test
    @DisplayName("A1 a large audit.log is read from its end; with no entry of the chain near the end, whole")
    void readsALargeFileFromItsEnd() throws Exception {
        Path auditLog = LogDirectory.path().resolve("audit.log");
        // lines of another chain (a replaced store) before this one's, and lines naming no entry after them
        String otherChain = "2026-11-30 08:00:00 CONFIGURATION tech-01 filler mac=0000000000000000\n".repeat(6000);
        String noEntry = "2026-11-30 08:00:00 a line naming no entry of any chain\n".repeat(6000);
        assertThat(otherChain.length()).isGreaterThan(AuditLogCatchUp.TAIL_BYTES);
        assertThat(noEntry.length()).isGreaterThan(AuditLogCatchUp.TAIL_BYTES);
        Files.createDirectories(auditLog.getParent());
        Files.writeString(auditLog, otherChain, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        Logger file = (Logger) LoggerFactory.getLogger("idcheck.audit");
        try (LocalStore s = Counters.store(dir)) {
            s.audit().append(AuditKind.CONFIGURATION, "tech-01", "seen-" + UUID.randomUUID(), org.ticketwindow.idcheck.text.Text.of("audit.settingsSaved", "written"));
            file.setLevel(Level.OFF);
            try {
                for (int i = 0; i < 2; i++) s.audit().append(AuditKind.CONFIGURATION, "tech-01", "lost-" + i, org.ticketwindow.idcheck.text.Text.of("audit.settingsSaved", "committed"));
            } finally {
                file.setLevel(Level.INFO);
            }
        }
        try (LocalStore s = Counters.store(dir)) {
            assertThat(AuditLogCatchUp.run(s.audit(), LogDirectory.path())).as("found in the tail").isEqualTo(2);
            file.setLevel(Level.OFF);
            try {
                s.audit().append(AuditKind.CONFIGURATION, "tech-01", "lost-again", org.ticketwindow.idcheck.text.Text.of("audit.settingsSaved", "committed"));
            } finally {
                file.setLevel(Level.INFO);
            }
        }
        Files.writeString(auditLog, noEntry, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        try (LocalStore s = Counters.store(dir)) {
            assertThat(AuditLogCatchUp.run(s.audit(), LogDirectory.path())).as("found reading the whole file").isEqualTo(1);
        }
    }
}
