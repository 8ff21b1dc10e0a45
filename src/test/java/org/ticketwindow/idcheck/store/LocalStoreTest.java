package org.ticketwindow.idcheck.store;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.reader.sim.FictionalPeople;
import org.ticketwindow.idcheck.testing.Counters;
import org.ticketwindow.idcheck.text.Texts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStoreTest {
    @TempDir Path dir;

    @Nested
    @DisplayName("results queue")
    class Queue {
        @Test
        @DisplayName("S1 a recorded result is committed with its per-counter sequence and a UUIDv7 id")
        void recordsInOrder() {
            try (LocalStore s = Counters.store(dir)) {
                List<QueuedResult> r = Counters.record(s, "C1", 0, 3);
                Counters.record(s, "C2", 3, 1);
                assertThat(r).extracting(QueuedResult::sequence).containsExactly(1L, 2L, 3L);
                assertThat(r).allSatisfy(q -> assertThat(java.util.UUID.fromString(q.id()).version()).isEqualTo(7));
                assertThat(s.results().status().queued()).isEqualTo(4);
                assertThat(s.results().ids()).containsAll(r.stream().map(QueuedResult::id).toList()).hasSize(4);
            }
            try (LocalStore again = Counters.store(dir)) {
                assertThat(Counters.record(again, "C1", 4, 1).getFirst().sequence()).isEqualTo(4);
            }
        }

        @Test
        @DisplayName("S2 results claimed but not answered go back to the queue when the store reopens")
        void sendingRecovered() {
            try (LocalStore s = Counters.store(dir)) {
                Counters.record(s, "C1", 0, 5);
                assertThat(s.results().claim(3)).extracting(OutgoingResult::sequence).containsExactly(1L, 2L, 3L);
                assertThat(s.results().status().sending()).isEqualTo(3);
            }
            try (LocalStore s = Counters.store(dir)) {
                assertThat(s.results().status().sending()).isZero();
                assertThat(s.results().status().queued()).isEqualTo(5);
                assertThat(s.results().claim(10)).extracting(OutgoingResult::attempts).containsExactly(2, 2, 2, 1, 1);
            }
        }

        @Test
        @DisplayName("S4 S5 synced, parked and errors show in the status; a supervisor can retry a parked result")
        void statusModel() {
            try (LocalStore s = Counters.store(dir)) {
                List<QueuedResult> r = Counters.record(s, "C1", 0, 3);
                List<OutgoingResult> out = s.results().claim(3);
                s.results().synced(List.of(new ResultQueue.Answered(out.get(0).id(), "APPLIED")));
                s.results().park(List.of(new ResultQueue.Answered(out.get(1).id(), "REJECTED: test")));
                s.results().retryLater(List.of(out.get(2).id()), "cannot connect");
                QueueStatus st = s.results().status();
                assertThat(st).extracting(QueueStatus::queued, QueueStatus::parked, QueueStatus::synced).containsExactly(1L, 1L, 1L);
                assertThat(st.lastSyncAt()).isNotNull();
                assertThat(st.lastError()).isEqualTo("cannot connect");
                assertThat(st.warning(QueueStatus.DEFAULT_WARNING_AGE)).isTrue(); // a parked result warns
                assertThat(s.results().items(ResultState.PARKED, 10)).singleElement()
                        .satisfies(i -> assertThat(i.lastError()).isEqualTo("REJECTED: test"));
                assertThat(s.results().retryParked(r.get(1).id(), "sup-01")).isTrue();
                assertThat(s.results().status().parked()).isZero();
            }
        }

        @Test
        @DisplayName("S4 a body that cannot be decrypted is parked on claim, the others are sent")
        void unreadableBodyParks() throws Exception {
            String bad;
            try (LocalStore s = Counters.store(dir)) {
                bad = Counters.record(s, "C1", 0, 3).get(1).id();
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/idcheck.db"));
                 Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE results SET body = zeroblob(64) WHERE id = '" + bad + "'");
            }
            try (LocalStore s = Counters.store(dir)) {
                assertThat(s.results().claim(10)).extracting(OutgoingResult::sequence).containsExactly(1L, 3L);
                assertThat(s.results().items(ResultState.PARKED, 5)).singleElement()
                        .satisfies(i -> assertThat(i.lastError()).contains("cannot be opened"));
            }
        }
    }

    @Nested
    @DisplayName("PD2 personal data at rest")
    class PersonalData {
        @Test
        @DisplayName("PD2 the database and its WAL hold no ID number or name in clear; purge removes the bodies")
        void encryptedAndPurged() throws Exception {
            Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(181));
            try (LocalStore s = Counters.store(dir)) {
                Counters.record(s, "C1", 0, 20);
                assertThat(clearText(0, 20)).isEmpty();
                List<OutgoingResult> out = s.results().claim(20);
                assertThat(new String(out.getFirst().body(), StandardCharsets.UTF_8))
                        .contains(FictionalPeople.card(0).idNumber().value()); // it is in there, encrypted
                s.results().synced(out.stream().map(o -> new ResultQueue.Answered(o.id(), "APPLIED")).toList());
                assertThat(s.results().purge(Duration.ofDays(180))).isZero(); // not yet: retention not over
            }
            try (LocalStore s = LocalStore.open(dir.resolve("data"), new KeyFile(dir.resolve("keys/installation.key")), later, 0)) {
                assertThat(s.results().purge(Duration.ofDays(180))).isEqualTo(20);
                assertThat(s.results().items(null, 50)).allSatisfy(i -> assertThat(i.purged()).isTrue());
                assertThat(s.results().body(s.results().ids().getFirst())).isNull();
                assertThat(s.audit().verify()).isEmpty();
            }
            assertThat(clearText(0, 20)).isEmpty();
        }

        /** Every ID number and name of persons first..first+n-1 found in clear in the database files. */
        private List<String> clearText(int first, int n) throws Exception {
            StringBuilder all = new StringBuilder();
            try (var files = Files.list(dir.resolve("data"))) {
                for (Path f : files.toList()) {
                    byte[] b = Files.readAllBytes(f);
                    all.append(new String(b, StandardCharsets.ISO_8859_1)).append(new String(b, StandardCharsets.UTF_8));
                }
            }
            List<String> found = new java.util.ArrayList<>();
            for (int i = first; i < first + n; i++) {
                var card = FictionalPeople.card(i);
                if (all.indexOf(card.idNumber().value()) >= 0) found.add("number of person " + i);
                if (all.indexOf(card.name().value()) >= 0) found.add("name of person " + i);
            }
            return found;
        }

        @Test
        @DisplayName("PD2 the key file is created owner-only; a key others can read is refused")
        void keyFile() throws Exception {
            Path key = dir.resolve("keys/installation.key");
            new KeyFile(key).createOrRead();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
            assertThatThrownBy(() -> new KeyFile(key).installationKey()).isInstanceOf(StoreException.class)
                    .hasMessageContaining("chmod 600");
        }

        @Test
        @DisplayName("PD2 another installation's key cannot open the queue")
        void otherKey() {
            try (LocalStore s = Counters.store(dir)) {
                Counters.record(s, "C1", 0, 1);
            }
            new KeyFile(dir.resolve("other.key")).createOrRead(); // another installation's key, present
            try (LocalStore s = LocalStore.open(dir.resolve("data"), new KeyFile(dir.resolve("other.key")), Clock.systemUTC(), 0)) {
                assertThat(s.results().claim(5)).isEmpty();
                assertThat(s.results().status().parked()).isEqualTo(1);
            }
        }
    }

    @Nested
    @DisplayName("audit trail")
    class Audit {
        @Test
        @DisplayName("A1 decisions, logins and changes are chained; tampering with any entry is found")
        void tamperDetected() throws Exception {
            try (LocalStore s = Counters.store(dir)) {
                s.clerks().add("sup-01", "值班主任", ClerkRole.SUPERVISOR, "246810", "installer");
                Counters.record(s, "C1", 0, 3);
                s.clerks().login("sup-01", "246810");
                s.audit().append(AuditKind.CONFIGURATION, "sup-01", "contact-limit", org.ticketwindow.idcheck.text.Text.of("audit.settingsSaved", "100 -> 120"));
                assertThat(s.audit().size()).isEqualTo(6);
                assertThat(s.audit().verify()).isEmpty();
            }
            String db = "jdbc:sqlite:" + dir.resolve("data/idcheck.db");
            try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("UPDATE audit SET detail = 'x' WHERE seq = 2")).hasMessageContaining("append-only");
                st.execute("DROP TRIGGER audit_no_update");
                st.execute("DROP TRIGGER audit_no_delete");
                st.executeUpdate("UPDATE audit SET actor = 'someone-else' WHERE seq = 3");
                st.executeUpdate("DELETE FROM audit WHERE seq = 5");
            }
            try (LocalStore s = Counters.store(dir)) {
                assertThat(s.audit().verify()).extracting(AuditTrail.Break::seq).contains(3L, 6L);
                assertThat(s.audit().verify()).extracting(AuditTrail.Break::problem)
                        .anySatisfy(p -> assertThat(p).contains("altered"))
                        .anySatisfy(p -> assertThat(p).contains("missing"));
            }
        }
    }

    @Nested
    @DisplayName("clerk accounts")
    class Clerks {
        @Test
        @DisplayName("PBKDF2 PINs; five wrong PINs lock the account; a supervisor unlocks it")
        void lockout() {
            Clock clock = Clock.fixed(Instant.parse("2026-11-21T01:00:00Z"), ZoneOffset.UTC);
            try (LocalStore s = LocalStore.open(dir.resolve("data"), new KeyFile(dir.resolve("k")), clock, 0)) {
                s.clerks().add("c-07", "售票员七", ClerkRole.CLERK, "135790", "sup-01");
                assertThat(s.clerks().login("c-07", "135790")).isInstanceOf(LoginResult.Success.class);
                for (int i = 4; i >= 1; i--) assertThat(s.clerks().login("c-07", "000000")).isEqualTo(new LoginResult.WrongPin(i));
                assertThat(s.clerks().login("c-07", "000000")).isInstanceOf(LoginResult.Locked.class);
                assertThat(s.clerks().login("c-07", "135790")).isInstanceOf(LoginResult.Locked.class); // even the right PIN
                assertThat(s.clerks().login("nobody", "135790")).isInstanceOf(LoginResult.Unknown.class);
                s.clerks().unlock("c-07", "sup-01");
                assertThat(s.clerks().login("c-07", "135790")).isInstanceOf(LoginResult.Success.class);
                s.clerks().resetPin("c-07", "864200", "sup-01");
                assertThat(s.clerks().login("c-07", "135790")).isInstanceOf(LoginResult.WrongPin.class);
                assertThat(s.clerks().list()).singleElement().extracting(Clerk::role).isEqualTo(ClerkRole.CLERK);
                assertThatThrownBy(() -> s.clerks().add("c-08", "x", ClerkRole.CLERK, "12", "sup-01"))
                        .hasMessageContaining("6 to 12 digits");
                assertThat(s.audit().verify()).isEmpty();
            }
        }
    }

    @Nested
    @DisplayName("failures are reported clearly")
    class Failures {
        @Test
        @DisplayName("a full disk is DISK_FULL in the clerk's words, and readiness says so before a case starts")
        void diskFull() throws Exception {
            try (LocalStore s = Counters.store(dir)) {
                Counters.record(s, "C1", 0, 1);
            }
            try (LocalStore s = Counters.store(dir)) {
                // SQLite's own limit on the file's pages stands in for a full file system: the same SQLITE_FULL path
                s.database().read("limit", c -> {
                    try (Statement st = c.createStatement()) {
                        st.execute("PRAGMA max_page_count = " + pageCount(c));
                    }
                    return null;
                });
                assertThatThrownBy(() -> Counters.record(s, "C1", 1, 200)).isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.kind()).as(e.getMessage() + " / " + e.getCause()).isEqualTo(StoreException.Kind.DISK_FULL));
                assertThat(Texts.chinese().of(StoreException.Kind.DISK_FULL)).contains("磁盘空间已满");
            }
            try (LocalStore s = LocalStore.open(dir.resolve("data"), new KeyFile(dir.resolve("keys/installation.key")),
                    Clock.systemUTC(), Long.MAX_VALUE)) {
                assertThat(s.readiness()).extracting(LocalStore.Readiness::ready, LocalStore.Readiness::kind)
                        .containsExactly(false, StoreException.Kind.DISK_FULL);
            }
        }

        private static long pageCount(Connection c) throws java.sql.SQLException {
            try (Statement st = c.createStatement(); var r = st.executeQuery("PRAGMA page_count")) {
                r.next();
                return r.getLong(1);
            }
        }

        @Test
        @DisplayName("a damaged database file is CORRUPT at open, not in the middle of a case")
        void corrupt() throws Exception {
            Files.createDirectories(dir.resolve("data"));
            byte[] junk = new byte[8192];
            new java.util.Random(7).nextBytes(junk);
            Files.write(dir.resolve("data/idcheck.db"), junk);
            assertThatThrownBy(() -> Counters.store(dir)).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CORRUPT));
        }

        @Test
        @DisplayName("a database locked by another program is LOCKED; readiness refuses to start a case")
        void locked() throws Exception {
            try (LocalStore s = Counters.store(dir);
                 Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/idcheck.db"));
                 Statement st = other.createStatement()) {
                st.execute("PRAGMA busy_timeout = 0");
                st.execute("BEGIN EXCLUSIVE");
                assertThat(s.readiness()).extracting(LocalStore.Readiness::ready, LocalStore.Readiness::kind)
                        .containsExactly(false, StoreException.Kind.LOCKED);
                st.execute("ROLLBACK");
                assertThat(s.readiness().ready()).isTrue();
            }
        }
    }

    @Nested
    @DisplayName("migrations")
    class Schema {
        @Test
        @DisplayName("scripts apply once, in order; a changed script or a newer database is refused")
        void migrations() throws Exception {
            Path file = dir.resolve("m.db");
            try (SqlDatabase db = SqlDatabase.open("jdbc:sqlite:" + file)) {
                assertThat(new Migrations("local").apply(db)).containsExactly(1);
                assertThat(new Migrations("local").apply(db)).isEmpty();
                db.transaction("tamper", c -> {
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("UPDATE schema_version SET checksum = 'x' WHERE version = 1");
                    }
                    return null;
                });
                assertThatThrownBy(() -> new Migrations("local").apply(db)).hasMessageContaining("changed after it was applied");
                db.transaction("future", c -> {
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("UPDATE schema_version SET checksum = '" + new Migrations("local").scripts().getFirst().checksum() + "'");
                        st.executeUpdate("INSERT INTO schema_version VALUES (99, 'y', 0)");
                    }
                    return null;
                });
                assertThatThrownBy(() -> new Migrations("local").apply(db)).isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.SCHEMA));
            }
        }

        @Test
        @DisplayName("the statement splitter keeps one-line triggers whole")
        void splitter() {
            assertThat(Migrations.statements("CREATE TABLE a (x INT);\n-- note\nCREATE TRIGGER t BEFORE DELETE ON a BEGIN SELECT 1; END;\n",
                    SqlDatabase.Dialect.SQLITE))
                    .containsExactly("CREATE TABLE a (x INT)", "CREATE TRIGGER t BEFORE DELETE ON a BEGIN SELECT 1; END");
        }

        @Test
        @DisplayName("a statement marked for PostgreSQL runs there only; the next one everywhere again")
        void postgresqlOnly() {
            String sql = "CREATE TABLE a (x INT);\n" + Migrations.POSTGRESQL_ONLY + "\nALTER TABLE a\n  SET (fillfactor = 50);\n"
                    + "CREATE INDEX a_x ON a (x);\n";
            assertThat(Migrations.statements(sql, SqlDatabase.Dialect.SQLITE)).containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX a_x ON a (x)");
            assertThat(Migrations.statements(sql, SqlDatabase.Dialect.POSTGRESQL))
                    .containsExactly("CREATE TABLE a (x INT)", "ALTER TABLE a\n  SET (fillfactor = 50)", "CREATE INDEX a_x ON a (x)");
        }
    }
}
