package org.ticketwindow.idcheck.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** doctor names the file system that holds the store (issue 15). */
class DoctorMountTest {
    @Test
    @DisplayName("doctor's 'free disk space on …' names the store's mount and device, not the root '/'")
    void namesTheMount(@TempDir Path dir) throws Exception {
        String named = Doctor.mountOf(dir);
        assertThat(named).isEqualTo(Files.getFileStore(dir).toString()).isNotEqualTo(String.valueOf(dir.getRoot()))
                .contains("(");
    }
}
