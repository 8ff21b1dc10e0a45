package org.ticketwindow.idcheck.central;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
 * whole batch.
 */
class BatchStateTest {
    @TempDir Path dir;

    private static IdentityRecord record(String id, RecordRole role, RecordStatus status, String number) {
        return new IdentityRecord(id, role, status, new PersonName("测试" + id), DocumentType.RID, number, "CHN", false,
                new IdentityRecord.FactorReference("1234", "abc", null));
    }

    private CentralService central() {
        CentralService s = CentralService.open("jdbc:sqlite:" + dir.resolve("central.db"), Clock.systemUTC());
        List<CentralService.Seed> seeds = new ArrayList<>();
        seeds.add(new CentralService.Seed(record("U", RecordRole.REGISTERED_USER, RecordStatus.PASSED, "N-U"), null));
        for (int i = 0; i < 3; i++) {
            seeds.add(new CentralService.Seed(record("K" + i, RecordRole.CONTACT, RecordStatus.PENDING, "N-K" + i), "U"));
        }
        s.insert(seeds);
        return s;
    }

    @Test
    @DisplayName("L1 issue 19: a status change counts at once for later results of the batch; the database gets it at the end")
    void changeSeenByLaterResults() {
        try (CentralService s = central()) {
            s.database().transaction("test", connection -> {
                try (StatementCache c = new StatementCache(connection)) {
                    BatchState b = new BatchState(connection, c, false);
                    b.prefetchRecords(List.of("K0", "K1"));
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
                }
                return null;
            });
            assertThat(s.record("K0").orElseThrow().status()).isEqualTo(RecordStatus.PASSED);
        }
    }

    @Test
    @DisplayName("issue 15 issue 19: a rejected result's status change is undone, the count with it, sent or not")
    void rejectedResultUndone() {
        try (CentralService s = central()) {
            s.database().transaction("test", connection -> {
                try (StatementCache c = new StatementCache(connection)) {
                    BatchState b = new BatchState(connection, c, false);
                    b.prefetchRecords(List.of("K0", "K1"));
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
                }
                return null;
            });
            assertThat(s.record("K1").orElseThrow().status()).isEqualTo(RecordStatus.PENDING);
            assertThat(s.stats()).containsEntry("statusChanges", 0L);
        }
    }

    @Test
    @DisplayName("issue 19: a change that misses in the database (someone wrote without the lock) fails the whole batch")
    void missedChangeFailsTheBatch() {
        try (CentralService s = central()) {
            assertThatThrownBy(() -> s.database().transaction("test", connection -> {
                try (StatementCache c = new StatementCache(connection)) {
                    BatchState b = new BatchState(connection, c, false);
                    b.prefetchRecords(List.of("K0"));
                    b.begin();
                    long version = b.record("K0").orElseThrow().version();
                    try (var st = connection.createStatement()) {
                        st.executeUpdate("UPDATE records SET version = version + 1 WHERE id = 'K0'");
                    }
                    assertThat(b.changeStatus("K0", version, RecordStatus.PASSED, Set.of(), 1)).isTrue();
                    b.keep();
                    b.finish(a -> { throw new AssertionError("no results in this batch"); });
                }
                return null;
            })).hasMessageContaining("K0").hasMessageContaining("not applied");
            assertThat(s.record("K0").orElseThrow().status()).isEqualTo(RecordStatus.PENDING);
        }
    }
}
