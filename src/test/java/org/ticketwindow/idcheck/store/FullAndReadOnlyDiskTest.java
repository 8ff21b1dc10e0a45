package org.ticketwindow.idcheck.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.testing.Counters;
import org.ticketwindow.idcheck.testing.Tools;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real full disk and a real read-only file system (tmpfs mounts, which need root: skipped with the reason
 * otherwise): opening or recording says which it is, in the clerk's words, and nothing is shown as recorded (S1).
 */
class FullAndReadOnlyDiskTest {
    @TempDir Path dir;
    private final List<Path> mounts = new ArrayList<>();

    private Path mount(String name, String options) throws Exception {
        Path at = Files.createDirectories(dir.resolve(name));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", at.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        Tools.assume(p.waitFor() == 0, "cannot mount a tmpfs here (needs root): " + out.strip());
        mounts.add(at);
        return at;
    }

    @AfterEach void unmount() throws Exception {
        for (Path m : mounts) new ProcessBuilder("umount", "-l", m.toString()).start().waitFor();
    }

    private static void fill(Path disk) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(disk.resolve("filler"))) {
            while (true) out.write(block);
        } catch (IOException full) {
            // No space left on device: the disk is full now
        }
    }

    @Test
    @DisplayName("S1 a full disk at open is named as a full disk, not a generic failure")
    void fullAtOpen() throws Exception {
        Path disk = mount("full", "size=256k");
        fill(disk);
        assertThatThrownBy(() -> LocalStore.open(disk.resolve("data"), new KeyFile(disk.resolve("keys/installation.key")),
                Clock.systemUTC(), 0)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.DISK_FULL));
    }

    @Test
    @DisplayName("S1 a disk that fills while the console runs: the result is not recorded and the clerk is told the disk is full")
    void fullWhileRecording() throws Exception {
        Path disk = mount("filling", "size=4m");
        try (LocalStore store = LocalStore.open(disk.resolve("data"), new KeyFile(disk.resolve("keys/installation.key")),
                Clock.systemUTC(), 0)) {
            Counters.record(store, "C1", 0, 2);
            fill(disk);
            assertThatThrownBy(() -> Counters.record(store, "C1", 2, 50)).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.DISK_FULL));
            assertThat(store.results().status().queued()).as("what was recorded before stays").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    @DisplayName("S1 a read-only file system at open is named as read-only")
    void readOnlyAtOpen() throws Exception {
        Path disk = mount("ro", "size=1m,ro");
        assertThatThrownBy(() -> LocalStore.open(disk.resolve("data"), new KeyFile(disk.resolve("keys/installation.key")),
                Clock.systemUTC(), 0)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.READ_ONLY));
    }
}
