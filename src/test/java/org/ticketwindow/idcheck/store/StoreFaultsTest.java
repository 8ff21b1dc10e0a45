package org.ticketwindow.idcheck.store;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.testing.Counters;
import org.ticketwindow.idcheck.text.Texts;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The counter's store when its files are restored, emptied, deleted, damaged or lose their key (issue 15, items 5, 7, 8). */
class StoreFaultsTest {
    @TempDir Path dir;

    private Path data() { return dir.resolve("data"); }
    private KeyFile key() { return new KeyFile(dir.resolve("keys/installation.key")); }

    private static long nextSequence(LocalStore s) {
        return Counters.record(s, "C1", 900, 1).getFirst().sequence();
    }

    private static void copyDir(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteDir(Path d) throws Exception {
        try (var files = Files.list(d)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(d);
    }

    @Test
    @DisplayName("S3 a counter never reuses a sequence number: a restored older copy, an emptied or a deleted database is a loud fault")
    void neverReuseASequence() throws Exception {
        try (LocalStore s = Counters.store(dir)) {
            Counters.record(s, "C1", 0, 2);
        }
        copyDir(data(), dir.resolve("backup")); // the technician's backup: results #1-#2
        try (LocalStore s = Counters.store(dir)) {
            Counters.record(s, "C1", 2, 3); // #3-#5, maybe synced already: the central has them
        }
        assertThat(Files.readString(LocalStore.markOf(data()).file())).contains("C1 5");

        deleteDir(data());
        copyDir(dir.resolve("backup"), data()); // the restore the "damaged" message suggests
        assertThatThrownBy(() -> Counters.store(dir)).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.kind()).isEqualTo(StoreException.Kind.BEHIND);
            assertThat(e.getMessage()).contains("C1: database at #2, mark at #5").contains("idcheck store accept");
            assertThat(Texts.chinese().of(e.kind())).contains("请勿继续办理");
        });

        Files.write(data().resolve(LocalStore.FILE_NAME), new byte[0]); // emptied
        Files.deleteIfExists(data().resolve(LocalStore.FILE_NAME + "-wal"));
        assertThatThrownBy(() -> Counters.store(dir)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.getMessage()).contains("C1: database at #0, mark at #5"));

        deleteDir(data()); // deleted
        assertThatThrownBy(() -> Counters.store(dir)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.BEHIND));

        // the technician keeps the backup: numbering continues after the mark, and the step is audited
        copyDir(dir.resolve("backup"), data());
        try (LocalStore s = LocalStore.accept(data(), key(), Clock.systemUTC(), "tech-01", false)) {
            assertThat(nextSequence(s)).isEqualTo(6);
            assertThat(s.audit().verify()).isEmpty();
        }
        try (LocalStore s = Counters.store(dir)) {
            assertThat(nextSequence(s)).isEqualTo(7);
            assertThat(s.results().items(null, 10)).extracting(QueueItem::sequence).containsExactly(7L, 6L, 2L, 1L);
        }
    }

    private record Run(int code, String out, String err) {}

    private Run idcheck(Path home, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "org.ticketwindow.idcheck.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("IDCHECK_HOME", home.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    @Test
    @DisplayName("S3 real processes: a restored store stops every command with the technician's step; `idcheck store accept` continues after the mark")
    void restoredStoreThroughTheCommandLine() throws Exception {
        Path home = dir.resolve("home");
        assertThat(idcheck(home, "simulate", "--results", "2", "--counter", "C1").code()).isZero();
        copyDir(home.resolve("data"), dir.resolve("backup"));
        assertThat(idcheck(home, "simulate", "--results", "3", "--counter", "C1", "--first", "2").code()).isZero();
        deleteDir(home.resolve("data"));
        copyDir(dir.resolve("backup"), home.resolve("data"));

        Run refused = idcheck(home, "queue");
        assertThat(refused.code()).isEqualTo(7); // a local store fault (docs/cli.md)
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("C1: database at #2, mark at #5").contains("idcheck store accept");

        Run accepted = idcheck(home, "store", "accept", "--technician", "tech-01");
        assertThat(accepted.code()).as(accepted.err()).isZero();
        assertThat(accepted.out()).contains("\"C1\" : 5");
        assertThat(idcheck(home, "simulate", "--results", "1", "--counter", "C1", "--first", "5").code()).isZero();
        try (LocalStore s = LocalStore.open(home.resolve("data"), new KeyFile(home.resolve("keys/installation.key")), Clock.systemUTC(), 0)) {
            assertThat(s.results().items(null, 10)).extracting(QueueItem::sequence).containsExactly(6L, 2L, 1L);
        }
    }

    @Test
    @DisplayName("PD2 a missing installation key where a store exists is a fault with the technician's steps, never a new key")
    void missingKeyIsAFault() throws Exception {
        try (LocalStore s = Counters.store(dir)) {
            Counters.record(s, "C1", 0, 3);
        }
        Path keyFile = dir.resolve("keys/installation.key");
        Files.delete(keyFile);
        assertThatThrownBy(() -> Counters.store(dir)).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.kind()).isEqualTo(StoreException.Kind.KEY);
            assertThat(e.getMessage()).contains("missing while a store exists").contains("restore").contains("technician-guide");
        });
        assertThat(keyFile).doesNotExist();

        // lost for good: a new key only for a store without a database (the old one moved aside), numbering continues
        assertThatThrownBy(() -> LocalStore.accept(data(), key(), Clock.systemUTC(), "tech-01", true))
                .hasMessageContaining("move");
        Files.move(data(), dir.resolve("data.lost-key"));
        try (LocalStore s = LocalStore.accept(data(), key(), Clock.systemUTC(), "tech-01", true)) {
            assertThat(nextSequence(s)).isEqualTo(4);
        }
        assertThat(keyFile).exists();
        assertThat(Files.size(keyFile)).isEqualTo(32);
    }

    @Test
    @DisplayName("PD2 the key file is written whole: processes creating it at once all read the same 32-byte key, never an empty file")
    void keyWrittenAtomically() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 40; round++) {
                Path k = dir.resolve("round" + round + "/installation.key");
                List<Callable<byte[]>> tasks = new ArrayList<>();
                for (int i = 0; i < 8; i++) tasks.add(() -> new KeyFile(k).createOrRead());
                List<byte[]> keys = new ArrayList<>();
                for (Future<byte[]> f : pool.invokeAll(tasks)) keys.add(f.get());
                assertThat(keys).allSatisfy(x -> assertThat(x).hasSize(32).isEqualTo(keys.getFirst()));
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(k))).isEqualTo("rw-------");
                try (var left = Files.list(k.getParent())) {
                    assertThat(left.map(p -> p.getFileName().toString())).containsExactly("installation.key");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("S1 a database with a few pages overwritten is CORRUPT at open: nothing is recorded into it")
    void damagedPagesStopRecording() throws Exception {
        try (LocalStore s = Counters.store(dir)) {
            Counters.record(s, "C1", 0, 300);
        }
        Path db = data().resolve(LocalStore.FILE_NAME);
        assertThat(data().resolve(LocalStore.FILE_NAME + "-wal")).satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(), p -> assertThat(Files.size(p)).isZero()); // checkpointed at close
        overwritePages(db, 3);
        assertThatThrownBy(() -> Counters.store(dir)).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.kind()).isEqualTo(StoreException.Kind.CORRUPT);
            assertThat(Texts.chinese().of(e.kind())).contains("已损坏");
        });
    }

    @Test
    @DisplayName("S1 pages overwritten while the console runs: recording stops within the check interval, readiness at once")
    void damageWhileRunning() throws Exception {
        Instant start = Instant.parse("2026-11-30T08:00:00Z");
        Clock[] now = {Clock.fixed(start, ZoneOffset.UTC)};
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0].instant(); }
        };
        try (LocalStore s = LocalStore.open(data(), key(), clock, 0)) {
            Counters.record(s, "C1", 0, 300);
            s.database().read("checkpoint", c -> {
                try (var st = c.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                return null;
            });
            assertThat(s.readiness().ready()).isTrue();
            overwritePages(data().resolve(LocalStore.FILE_NAME), 3);
            assertThat(s.readiness()).extracting(LocalStore.Readiness::ready, LocalStore.Readiness::kind)
                    .containsExactly(false, StoreException.Kind.CORRUPT);
            now[0] = Clock.fixed(start.plus(IntegrityWatch.INTERVAL), ZoneOffset.UTC);
            long before = s.results().status().queued();
            assertThatThrownBy(() -> Counters.record(s, "C1", 300, 1)).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CORRUPT));
            assertThat(before).isEqualTo(300);
        }
    }

    /** Overwrites {@code n} pages in the middle of the file with random bytes, as a failing disk or a stray write would. */
    private static void overwritePages(Path db, int n) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            long pages = f.length() / 4096;
            assertThat(pages).isGreaterThan(20);
            byte[] junk = new byte[4096];
            Random r = new Random(15);
            for (long p = pages / 2; p < pages / 2 + n; p++) {
                r.nextBytes(junk);
                f.seek(p * 4096);
                f.write(junk);
            }
            f.getFD().sync();
        }
    }

    @Test
    @DisplayName("PD2 PINs are hashed with 600,000 PBKDF2 iterations; an older, cheaper hash is replaced at the next login")
    void pinHashCost() throws Exception {
        try (LocalStore s = Counters.store(dir)) {
            s.clerks().add("c-01", "售票员", ClerkRole.CLERK, "13579135", "sup-01");
            assertThat(s.clerks().storedHash("c-01")).startsWith("pin1$600000$");
            byte[] salt = new byte[16];
            String old = "pin1$120000$" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(salt) + "$"
                    + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    org.ticketwindow.idcheck.identity.Pbkdf2.derive("24680246".toCharArray(), salt, 120_000));
            s.database().transaction("an account from an older version", c -> {
                try (var p = c.prepareStatement("UPDATE clerks SET pin_hash = ? WHERE id = 'c-01'")) {
                    p.setString(1, old);
                    p.executeUpdate();
                }
                return null;
            });
            long t0 = System.nanoTime();
            assertThat(s.clerks().login("c-01", "24680246")).isInstanceOf(LoginResult.Success.class);
            System.out.printf("PIN: a login with re-hash took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(s.clerks().storedHash("c-01")).startsWith("pin1$600000$");
            assertThat(s.clerks().login("c-01", "24680246")).isInstanceOf(LoginResult.Success.class);
        }
    }

    @Test
    @DisplayName("PD2 the database, its WAL, the key, the mark, the logs and the central's SQLite file are owner-only whatever the umask")
    void ownerOnlyFiles() throws Exception {
        try (LocalStore s = Counters.store(dir)) {
            Counters.record(s, "C1", 0, 2);
            for (String f : List.of("data/idcheck.db", "data/idcheck.db-wal", "data/idcheck.db-shm", "keys/installation.key",
                    "keys/sequence.mark")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f)))).as(f).isEqualTo("rw-------");
            }
            for (String d : List.of("data", "keys")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(d)))).as(d).isEqualTo("rwx------");
            }
        }
        // the central's SQLite file, and the log directory and files (the build points them at target/test-logs)
        try (var central = org.ticketwindow.idcheck.central.CentralService.open("jdbc:sqlite:" + dir.resolve("central/central.db"),
                Clock.systemUTC())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("central/central.db")))).isEqualTo("rw-------");
        }
        Path logs = org.ticketwindow.idcheck.app.logging.LogDirectory.path();
        org.slf4j.LoggerFactory.getLogger(StoreFaultsTest.class).info("logging is configured");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs.resolve("audit.log")))).isEqualTo("rw-------");
        // a store from an older version, world-readable, is narrowed at the next start
        Files.setPosixFilePermissions(data().resolve(LocalStore.FILE_NAME), PosixFilePermissions.fromString("rw-r--r--"));
        try (LocalStore s = Counters.store(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data().resolve(LocalStore.FILE_NAME))))
                    .isEqualTo("rw-------");
        }
    }
}
