package org.ticketwindow.idcheck.central;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.store.StatementCache;
import org.ticketwindow.idcheck.verify.DocumentType;
import org.ticketwindow.idcheck.verify.Field;
import org.ticketwindow.idcheck.verify.IdentityRecord;
import org.ticketwindow.idcheck.verify.RecordRole;
import org.ticketwindow.idcheck.verify.RecordStatus;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 19: a batch's status changes are applied in memory at once and sent to the database with its other writes at
 * the end. What later results of the batch read (the record, the records carrying a document, L1's contact count) is
 * what the database will hold; a rejected result's change is undone; a change that misses in the database fails the
 * whole batch. On SQLite and, when IDCHECK_PG_URL answers, on PostgreSQL (where the changes are one statement and the
 * batch holds row locks).
 */
class BatchStateTest {
    @TempDir Path dir;
    private String schema;
    /** The fresh central's database (PostgreSQL: with its schema). */
    private String url;

    private static IdentityRecord record(String id, RecordRole role, RecordStatus status, String number) {
        return new IdentityRecord(id, role, status, new PersonName("测试" + id), DocumentType.RID, number, "CHN", false,
                new IdentityRecord.FactorReference("1234", "abc", null));
    }

    private boolean postgres;

    /** A fresh central on {@code engine}: SQLite on disk, or PostgreSQL in a schema of its own (skipped without a server). */
    private CentralService central(String engine) {
        postgres = engine.equals("postgresql");
        url = "jdbc:sqlite:" + dir.resolve("central.db");
        if (postgres) {
            String base = System.getenv().getOrDefault("IDCHECK_PG_URL", CentralPostgresTest.DEFAULT_URL);
            String name = "b" + Long.toHexString(System.nanoTime());
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(base); var st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + name);
            } catch (java.sql.SQLException e) {
                System.out.println("BatchStateTest on PostgreSQL skipped: no server at " + base.replaceAll("password=[^&]*", "password=***"));
                Assumptions.abort("no PostgreSQL server");
            }
            schema = name;
            url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }
        CentralService s = CentralService.open(url, Clock.systemUTC());
        List<CentralService.Seed> seeds = new ArrayList<>();
        seeds.add(new CentralService.Seed(record("U", RecordRole.REGISTERED_USER, RecordStatus.PASSED, "N-U"), null));
        for (int i = 0; i < 3; i++) {
            seeds.add(new CentralService.Seed(record("K" + i, RecordRole.CONTACT, RecordStatus.PENDING, "N-K" + i), "U"));
        }
        s.insert(seeds);
        return s;
    }

    /** What a test does inside one batch's transaction, K0 and K1 prefetched. */
    private interface BatchWork {
        void run(BatchState b, StatementCache c, java.sql.Connection connection) throws java.sql.SQLException;
    }

    private void inBatch(CentralService s, BatchWork work) {
        s.database().transaction("test", connection -> {
            try (StatementCache c = new StatementCache(connection)) {
                BatchState b = new BatchState(connection, c, postgres);
                b.prefetch(List.of("K0", "K1"), List.of());
                work.run(b, c, connection);
            }
            return null;
        });
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (schema == null) return;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                System.getenv().getOrDefault("IDCHECK_PG_URL", CentralPostgresTest.DEFAULT_URL)); var st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    @DisplayName("L1 issue 19: a status change counts at once for later results of the batch; the database gets it at the end")
    void changeSeenByLaterResults(String engine) {
        try (CentralService s = central(engine)) {
            inBatch(s, (b, c, connection) -> {
                assertThat(b.countedContacts("U")).isZero();
                b.begin();
                long version = b.record("K0").orElseThrow().version();
                assertThat(b.changeStatus("K0", version, RecordStatus.PASSED, Set.of(Field.NAME), 1)).isTrue();
                b.keep();
                assertThat(b.countedContacts("U")).isEqualTo(1);
                assertThat(b.record("K0").orElseThrow().version()).isEqualTo(version + 1);
                assertThat(b.record("K0").orElseThrow().record().status()).isEqualTo(RecordStatus.PASSED);
                // a second change from the old version misses: the caller answers CONFLICT
                b.begin();
                assertThat(b.changeStatus("K0", version, RecordStatus.FAILED, Set.of(), 1)).isFalse();
                b.keep();
                // not yet in the database
                assertThat(CentralRecords.byId(c, "K0").orElseThrow().version()).isEqualTo(version);
                // a read that falls back to the database (a document not prefetched) sends the change first
                assertThat(b.byDocument(DocumentType.RID, "N-K0")).extracting(r -> r.record().status())
                        .containsExactly(RecordStatus.PASSED);
                assertThat(CentralRecords.byId(c, "K0").orElseThrow().version()).isEqualTo(version + 1);
                b.finish(a -> { throw new AssertionError("no results in this batch"); });
            });
            assertThat(s.record("K0").orElseThrow().status()).isEqualTo(RecordStatus.PASSED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    @DisplayName("issue 15 issue 19: a rejected result's status change is undone, the count with it, sent or not")
    void rejectedResultUndone(String engine) {
        try (CentralService s = central(engine)) {
            inBatch(s, (b, c, connection) -> {
                assertThat(b.countedContacts("U")).isZero();
                b.begin();
                long version = b.record("K1").orElseThrow().version();
                assertThat(b.changeStatus("K1", version, RecordStatus.PASSED, Set.of(), 1)).isTrue();
                assertThat(b.record("K2")).isPresent(); // a fallback read sends the change, under a savepoint
                b.rollback();
                assertThat(b.countedContacts("U")).isZero();
                assertThat(b.record("K1").orElseThrow().version()).isEqualTo(version);
                assertThat(CentralRecords.byId(c, "K1").orElseThrow().record().status()).isEqualTo(RecordStatus.PENDING);
                b.finish(a -> { throw new AssertionError("no results in this batch"); });
            });
            assertThat(s.record("K1").orElseThrow().status()).isEqualTo(RecordStatus.PENDING);
            assertThat(s.stats()).containsEntry("statusChanges", 0L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    @DisplayName("issue 15 issue 19: an earlier result's change sent under a rejected result's savepoint still reaches the database")
    void earlierChangeSurvivesALaterRollback(String engine) {
        try (CentralService s = central(engine)) {
            inBatch(s, (b, c, connection) -> {
                b.begin();
                long version = b.record("K0").orElseThrow().version();
                assertThat(b.changeStatus("K0", version, RecordStatus.PASSED, Set.of(), 1)).isTrue();
                b.keep();
                b.begin();
                b.beforeWrite(); // as a sequence gap's row does
                assertThat(b.record("K2")).isPresent(); // a fallback read sends K0's change, after this savepoint
                b.rollback();
                assertThat(b.record("K0").orElseThrow().record().status()).isEqualTo(RecordStatus.PASSED);
                b.finish(a -> { throw new AssertionError("no results in this batch"); });
            });
            assertThat(s.record("K0").orElseThrow().status()).isEqualTo(RecordStatus.PASSED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    @DisplayName("issue 19: a change that misses in the database (someone wrote without the lock) fails the whole batch")
    void missedChangeFailsTheBatch(String engine) {
        try (CentralService s = central(engine)) {
            assertThatThrownBy(() -> inBatch(s, (b, c, connection) -> {
                b.begin();
                long version = b.record("K0").orElseThrow().version();
                try (var st = connection.createStatement()) {
                    st.executeUpdate("UPDATE records SET version = version + 1 WHERE id = 'K0'");
                }
                assertThat(b.changeStatus("K0", version, RecordStatus.PASSED, Set.of(), 1)).isTrue();
                b.keep();
                b.finish(a -> { throw new AssertionError("no results in this batch"); });
            })).hasMessageContaining("K0").hasMessageContaining("not applied");
            assertThat(s.record("K0").orElseThrow().status()).isEqualTo(RecordStatus.PENDING);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    @DisplayName("issue 19 decision 0014: one read finds what a batch names, the records carrying its documents and their "
            + "registered users; on PostgreSQL locked until the commit, a record it did not read left free")
    void prefetchReadsAndLocksWhatTheBatchNeeds(String engine) throws java.sql.SQLException {
        try (CentralService s = central(engine)) {
            s.database().transaction("test", connection -> {
                try (StatementCache c = new StatementCache(connection)) {
                    BatchState b = new BatchState(connection, c, postgres);
                    b.prefetch(List.of("K0", "NO-SUCH-RECORD"), List.of(java.util.Map.entry(DocumentType.RID, "N-K2")));
                    BatchRecords read = b.asRead(); // answers from memory only: throws for what was not read
                    assertThat(read.record("K0")).isPresent();
                    assertThat(read.record("NO-SUCH-RECORD")).isEmpty();
                    assertThat(read.record("U")).isPresent(); // K0's and K2's registered user
                    assertThat(read.byDocument(DocumentType.RID, "N-K2")).extracting(r -> r.record().id()).containsExactly("K2");
                    assertThatThrownBy(() -> read.record("K1")).isInstanceOf(BatchState.NotRead.class);
                    if (postgres) {
                        assertThat(lockedElsewhere("K0")).as("named").isTrue();
                        assertThat(lockedElsewhere("K2")).as("carrying the document").isTrue();
                        assertThat(lockedElsewhere("U")).as("their registered user").isTrue();
                        assertThat(lockedElsewhere("K1")).as("not read").isFalse();
                    }
                }
                return null;
            });
            if (postgres) assertThat(lockedElsewhere("K0")).as("released at the commit").isFalse();
        }
    }

    /** Whether another connection finds the record's row locked (PostgreSQL's lock_not_available). */
    private boolean lockedElsewhere(String id) throws java.sql.SQLException {
        try (java.sql.Connection other = java.sql.DriverManager.getConnection(url);
             var p = other.prepareStatement("SELECT id FROM records WHERE id = ? FOR UPDATE NOWAIT")) {
            other.setAutoCommit(false);
            p.setString(1, id);
            try (var r = p.executeQuery()) {
                assertThat(r.next()).as(id + " exists").isTrue();
                return false;
            } catch (java.sql.SQLException e) {
                if ("55P03".equals(e.getSQLState())) return true;
                throw e;
            } finally {
                other.rollback();
            }
        }
    }
}
