package org.ticketwindow.idcheck.store;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log file written by the real logback configuration (the build points it at target/test-logs). */
class AuditLogFileTest {
    @TempDir Path dir;

    @Test
    @DisplayName("audit log file: a committed entry reaches audit.log with its sequence and MAC; a rolled-back one never does")
    void committedEntriesOnly() throws Exception {
        Path auditLog = Path.of(System.getProperty("idcheck.log.dir", "target/test-logs")).resolve("audit.log");
        String committed = "committed-" + UUID.randomUUID();
        String rolledBack = "rolled-back-" + UUID.randomUUID();
        try (LocalStore s = LocalStore.open(dir.resolve("data"), new KeyFile(dir.resolve("keys/installation.key")), Clock.systemUTC(), 0)) {
            s.audit().append(AuditKind.CONFIGURATION, "8001", committed, org.ticketwindow.idcheck.text.Text.of("audit.settingsSaved", "test entry"));
            SqlDatabase db = s.database();
            assertThatThrownBy(() -> db.transaction("a failing change", c -> {
                s.audit().append(c, AuditKind.CONFIGURATION, "8001", rolledBack, org.ticketwindow.idcheck.text.Text.of("audit.settingsSaved", "never committed"));
                throw new IllegalStateException("simulated failure after the audit entry");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(s.audit().verify()).isEmpty();
        }
        String text = Files.readString(auditLog, StandardCharsets.UTF_8);
        assertThat(text).containsPattern("seq=\\d+ at=\\S+ kind=CONFIGURATION actor=8001 subject=" + committed + " detail=supervisor settings saved: test entry mac=[0-9a-f]{16}");
        assertThat(text).doesNotContain(rolledBack);
    }
}
