package org.ticketwindow.idcheck.central;

import org.ticketwindow.idcheck.store.KeyFile;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.store.QueuedResult;
import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.sync.Recorder;
import org.ticketwindow.idcheck.testing.CentralFixture;
import org.ticketwindow.idcheck.testing.People;
import org.ticketwindow.idcheck.verify.Decision;
import org.ticketwindow.idcheck.verify.IdentityRecord;
import org.ticketwindow.idcheck.verify.Outcome;
import org.ticketwindow.idcheck.verify.RecordRole;
import org.ticketwindow.idcheck.verify.RecordStatus;
import org.ticketwindow.idcheck.verify.StatusChange;
import org.ticketwindow.idcheck.verify.VerificationCase;
import org.ticketwindow.idcheck.verify.VerificationRules;
import org.ticketwindow.idcheck.wire.AnswerKind;
import org.ticketwindow.idcheck.wire.RecordBasis;
import org.ticketwindow.idcheck.wire.ResultAnswer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives one case through both sides and compares: the counter decides it and records it (a real store on disk, the
 * exact bytes it queues), the reference central (real TLS, SQLite on disk) receives those bytes holding the same
 * records, and applies them; a second central, holding the same records, receives them in a large batch (decided
 * ahead, issue 19) and must answer the same. Shared by the agreement tests; one central and one counter for the whole run, the
 * central's records reset to each case's before it is sent.
 */
final class Agreement implements AutoCloseable {
    static final String COUNTER = "C-AGREE";
    private static final VerificationRules RULES = new VerificationRules();
    private static Agreement shared;

    private final Path dir;
    private final CentralFixture central;
    /** A second central holding the same records, sent each result in a batch large enough to be decided ahead. */
    private final CentralService batched;
    private final CentralClient client;
    private final LocalStore store;
    private final Recorder recorder;
    final AtomicInteger cases = new AtomicInteger();
    final AtomicInteger recorded = new AtomicInteger();
    final Map<Outcome, AtomicInteger> byOutcome = new EnumMap<>(Outcome.class);

    private Agreement() throws Exception {
        dir = Files.createTempDirectory("idcheck-agreement");
        central = CentralFixture.start(dir.resolve("central"), 0);
        client = central.client(COUNTER);
        batched = CentralService.open("jdbc:sqlite:" + dir.resolve("batched.db"), Clock.systemUTC());
        // the counter's clock on the cases' day, so the central decides for the day the counter decided on
        Clock day = Clock.fixed(People.TODAY.atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("UTC"));
        store = LocalStore.open(dir.resolve("counter/data"), new KeyFile(dir.resolve("counter/keys/installation.key")), day, 0);
        recorder = new Recorder(store.results(), COUNTER);
        for (Outcome o : Outcome.values()) byOutcome.put(o, new AtomicInteger());
    }

    /** One for the JVM (both the example/tray test and the generated property use it); closed at exit. */
    static synchronized Agreement shared() throws Exception {
        if (shared == null) {
            shared = new Agreement();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /**
     * A case as the counter sees it, and the records the central holds for it. {@code online} is the same case with
     * the record the counter would have found had the central answered: what the central decides from an offline
     * result must equal the counter's decision with it.
     */
    record Scenario(String name, VerificationCase counter, VerificationCase online, List<CentralService.Seed> seeds) {}

    /** Null when both sides agree (or the counter records nothing); else what differs. */
    synchronized String check(Scenario s) throws Exception {
        cases.incrementAndGet();
        Decision d = RULES.decide(s.counter());
        if (!d.recordable()) return null;
        recorded.incrementAndGet();
        byOutcome.get(d.outcome()).incrementAndGet();
        List<RecordBasis> basis = s.counter().record().map(r -> List.of(new RecordBasis(r.id(), 1))).orElse(List.of());
        QueuedResult q = recorder.record("clerk-agree", s.counter(), d, basis);
        byte[] queued = store.results().body(q.id());
        central.service.resetRecords(s.seeds());
        ResultAnswer a = client.submitOne(q.id(), queued);
        // issue 19: the same bytes, in a batch past the size from which decisions are worked out ahead on every core
        // (the copies after the first are answered DUPLICATE), must be answered as when sent alone
        batched.resetRecords(s.seeds());
        long aheadBefore = batched.decidedAhead();
        ResultAnswer inBatch = batched.submit(java.util.Collections.nCopies(CentralService.PARALLEL_FROM,
                new IncomingResult(q.id(), queued)), COUNTER).answers().getFirst();
        Decision expected = d.outcome() == Outcome.PENDING_CENTRAL ? RULES.decide(s.online()) : d;
        List<String> problems = new ArrayList<>();
        if (a.answer() != AnswerKind.APPLIED) problems.add("answered " + a.summary());
        if (!inBatch.equals(a)) problems.add("in a batch answered " + inBatch.summary() + " where alone " + a.summary());
        // L1's contact count is read by the sequential pass (not before it), so an over-limit contact is decided there
        boolean countsContacts = s.counter().kind() == org.ticketwindow.idcheck.verify.CaseKind.OVER_LIMIT_CONTACT;
        if (!countsContacts && batched.decidedAhead() == aheadBefore) problems.add("in a batch not decided ahead");
        if (a.outcome() != expected.outcome()) problems.add("central " + a.outcome() + " counter " + expected.outcome() + " " + expected.ruleIds());
        if (!effects(a.changes()).equals(effects(expected.statusChanges()))) {
            problems.add("changes central " + effects(a.changes()) + " counter " + effects(expected.statusChanges()));
        }
        boolean refusal = d.outcome() == Outcome.REFUSED || d.outcome() == Outcome.FAILED || d.outcome() == Outcome.WRONG_CASE;
        if (refusal && a.changes().stream().anyMatch(c -> c.to() == RecordStatus.PASSED || c.to() == RecordStatus.PRE_PASSED)) {
            problems.add("a " + d.outcome() + " became " + a.changes());
        }
        return problems.isEmpty() ? null : s.name() + ": " + String.join("; ", problems);
    }

    static List<String> effects(List<StatusChange> changes) {
        return changes.stream().map(c -> c.recordId() + "->" + c.to() + c.frozen().stream().map(Enum::name).sorted().toList())
                .toList();
    }

    /**
     * The records the central holds for a case: the record, its registered user, and as many verified contacts of
     * that user as the case counts against the limit (L1), so the central counts what the counter was told.
     */
    static List<CentralService.Seed> seeds(VerificationCase c) {
        List<CentralService.Seed> out = new ArrayList<>();
        IdentityRecord user = c.registeredUser().orElse(null);
        if (user != null) out.add(new CentralService.Seed(user, null));
        c.record().ifPresent(r -> out.add(new CentralService.Seed(r,
                r.role() == RecordRole.CONTACT && user != null ? user.id() : null)));
        if (user != null && c.countedContacts().isPresent()) {
            int counted = c.countedContacts().getAsInt();
            boolean recordCounts = c.record().map(r -> r.role() == RecordRole.CONTACT && (r.status() == RecordStatus.PASSED
                    || r.status() == RecordStatus.REPORT || r.status() == RecordStatus.PRE_PASSED)).orElse(false);
            for (int i = 0; i < counted - (recordCounts ? 1 : 0); i++) {
                out.add(new CentralService.Seed(IdentityRecord.of(user.id() + "-N" + i, RecordRole.CONTACT, RecordStatus.PASSED,
                        "某某", org.ticketwindow.idcheck.verify.DocumentType.RID, "N" + i), user.id()));
            }
        }
        return out;
    }

    @Override public void close() {
        store.close();
        central.close();
        batched.close();
    }
}
