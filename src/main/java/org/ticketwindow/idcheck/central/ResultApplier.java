package org.ticketwindow.idcheck.central;

import org.ticketwindow.idcheck.identity.RailwayTime;
import org.ticketwindow.idcheck.text.Texts;
import org.ticketwindow.idcheck.verify.CaseKind;
import org.ticketwindow.idcheck.verify.Decision;
import org.ticketwindow.idcheck.verify.DocumentEvidence;
import org.ticketwindow.idcheck.verify.DocumentRole;
import org.ticketwindow.idcheck.verify.Evidence;
import org.ticketwindow.idcheck.verify.ExtraFactor;
import org.ticketwindow.idcheck.verify.ExtraFactorCheck;
import org.ticketwindow.idcheck.verify.IdentityRecord;
import org.ticketwindow.idcheck.verify.Outcome;
import org.ticketwindow.idcheck.verify.Policy;
import org.ticketwindow.idcheck.verify.Presented;
import org.ticketwindow.idcheck.verify.RecordChoice;
import org.ticketwindow.idcheck.verify.StatusChange;
import org.ticketwindow.idcheck.verify.VerificationCase;
import org.ticketwindow.idcheck.verify.VerificationRules;
import org.ticketwindow.idcheck.wire.AnswerKind;
import org.ticketwindow.idcheck.wire.RecordBasis;
import org.ticketwindow.idcheck.wire.ResultAnswer;
import org.ticketwindow.idcheck.wire.ResultEnvelope;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies one result by the shared rules (not re-implemented): the case is rebuilt from the evidence (documents as
 * recorded, checked again; extra factor as checked or hashed; the clerk's name decision) with the record the central
 * holds now, and {@link VerificationRules#decide} says what changes.
 *
 * <ul>
 *   <li>A result decided with a record is a CONFLICT when that record has moved on since the counter's lookup.</li>
 *   <li>A result the counter left to the central ({@code PENDING_CENTRAL}, decided offline) is decided here, about the
 *       record {@link RecordChoice} picks, the same one the counter would have picked online.</li>
 *   <li>Any other result must be decided here exactly as the counter decided it (same outcome, same status changes);
 *       when it is not, nothing is applied and the answer is a CONFLICT the supervisor sees. A refusal is never
 *       turned into a status change here.</li>
 * </ul>
 * Runs inside the caller's transaction.
 */
final class ResultApplier {
    /** A record the central holds, with its registered user when it is a contact (L1 chooses by it). */
    private record Candidate(StoredRecord stored, IdentityRecord registeredUser) {}

    private static final RecordChoice<Candidate> CHOICE =
            new RecordChoice<>(k -> k.stored().record(), Candidate::registeredUser);

    private final VerificationRules rules;
    private final Policy policy;
    /** Decisions worked out ahead and used: the tests' and central-apply.sh's view of that path. */
    private final java.util.concurrent.atomic.LongAdder usedAhead = new java.util.concurrent.atomic.LongAdder();

    ResultApplier(VerificationRules rules, Policy policy) {
        this.rules = rules;
        this.policy = policy;
    }

    /**
     * What the rules are asked about one result: its evidence and the records the batch holds for it now (the target,
     * its registered user, L1's count when the case counts contacts). The decision is a function of these alone.
     */
    record Question(Evidence evidence, StoredRecord target, StoredRecord registeredUser, int countedContacts) {
        /** The same question: the same evidence and the very same record objects (a status change makes new ones). */
        boolean sameAs(Question o) {
            return evidence == o.evidence && target == o.target && registeredUser == o.registeredUser
                    && countedContacts == o.countedContacts;
        }
    }

    /** A decision worked out ahead of the batch's sequential pass (issue 19), with the question it answers. */
    record Ahead(Question question, Decision decision) {}

    /**
     * The decision for {@code env} from the records as the batch read them, on any core: null when the result needs a
     * record not in memory, is answered without the rules (a stale basis, an unknown record) or fails (the sequential
     * pass then meets the same thing and handles it).
     */
    Ahead ahead(BatchRecords inMemory, ResultEnvelope env) {
        try {
            return question(inMemory, env) instanceof Question q ? new Ahead(q, decide(q)) : null;
        } catch (SQLException | RuntimeException notAhead) {
            return null;
        }
    }

    /**
     * Applies one result. {@code ahead}, when not null, is the decision worked out earlier for it; it is used only when
     * the question is still the same (no earlier result of the batch changed those records), so the answer is the one
     * deciding now would give.
     */
    ResultAnswer apply(BatchState batch, ResultEnvelope env, long now, Ahead ahead) throws SQLException {
        Object asked = question(batch, env);
        if (asked instanceof ResultAnswer settled) return settled;
        Question q = (Question) asked;
        Evidence e = env.evidence();
        Decision d;
        if (ahead != null && ahead.question().sameAs(q)) {
            d = ahead.decision();
            usedAhead.increment();
        } else {
            d = decide(q);
        }
        Optional<String> disagreement = disagreement(e, d);
        if (disagreement.isPresent()) return answer(env, AnswerKind.CONFLICT, disagreement.get(), d.outcome(), List.of());
        if (q.target() == null) {
            return answer(env, AnswerKind.APPLIED, "no record carries this document; recorded only", d.outcome(), List.of());
        }
        List<StatusChange> changes = new ArrayList<>();
        for (StatusChange s : d.statusChanges()) {
            if (!batch.changeStatus(s.recordId(), q.target().version(), s.to(), s.frozen(), now)) {
                return answer(env, AnswerKind.CONFLICT, "record " + s.recordId() + " changed while applying", null, List.of());
            }
            batch.statusChange(env.resultId(), s.recordId(), s.from().name(), s.to().name(), now);
            changes.add(s);
        }
        if (d.outcome() == Outcome.CLAIM_RECORDED) batch.claim(env.resultId(), q.target().record().id(), now);
        return answer(env, AnswerKind.APPLIED, d.reason().rule() + " " + Texts.english().of(d.reason()), d.outcome(), changes);
    }

    /**
     * The records the rules are asked about for {@code env}, as {@code records} holds them; or the answer when the
     * rules are not asked (a basis record moved on: CONFLICT; the named record is unknown: REJECTED).
     */
    private Object question(BatchRecords records, ResultEnvelope env) throws SQLException {
        Evidence e = env.evidence();
        for (RecordBasis b : env.basis()) {
            Optional<StoredRecord> current = records.record(b.recordId());
            if (current.isPresent() && current.get().version() != b.version()) {
                return answer(env, AnswerKind.CONFLICT, "record " + b.recordId() + " changed since the counter looked "
                        + "(version " + b.version() + ", now " + current.get().version() + ", status "
                        + current.get().record().status() + ")", null, List.of());
            }
        }
        Optional<StoredRecord> target;
        if (!e.recordId().isEmpty()) {
            target = records.record(e.recordId());
            if (target.isEmpty()) return ResultAnswer.rejected(env.resultId(), "record " + e.recordId() + " is not known here");
        } else {
            target = offlineTarget(records, e);
        }
        StoredRecord user = null;
        int contacts = 0;
        if (target.isPresent() && target.get().registeredUserId() != null) {
            user = records.record(target.get().registeredUserId()).orElse(null);
            if (user != null && e.caseKind() == CaseKind.OVER_LIMIT_CONTACT) contacts = records.countedContacts(user.record().id());
        }
        return new Question(e, target.orElse(null), user, contacts);
    }

    /** The shared rules' decision on the question: the case rebuilt from the evidence with the central's records. */
    private Decision decide(Question q) {
        VerificationCase.Builder b = caseFor(q.evidence());
        if (q.target() != null) {
            b.record(q.target().record());
            if (q.registeredUser() != null) {
                IdentityRecord user = q.registeredUser().record();
                b.registeredUser(user);
                b.record(CentralRecords.withUserFactor(q.target().record(), user));
                if (q.evidence().caseKind() == CaseKind.OVER_LIMIT_CONTACT) b.countedContacts(q.countedContacts());
            }
        }
        return rules.decide(b.build());
    }

    long usedAhead() { return usedAhead.sum(); }

    /**
     * Why the central's decision may not be applied as the counter's: empty when the counter left the decision to the
     * central (offline), or when both decided the same outcome with the same status changes.
     */
    static Optional<String> disagreement(Evidence counter, Decision central) {
        if (counter.outcome() == Outcome.PENDING_CENTRAL) return Optional.empty();
        if (central.outcome() != counter.outcome()) {
            return Optional.of("the central decides " + central.outcome() + " " + central.ruleIds() + " where the counter "
                    + "decided " + counter.outcome() + " " + counter.rules() + "; nothing applied");
        }
        if (!effects(central.statusChanges()).equals(effects(counter.statusChanges()))) {
            return Optional.of("the central's status changes " + effects(central.statusChanges()) + " differ from the "
                    + "counter's " + effects(counter.statusChanges()) + "; nothing applied");
        }
        return Optional.empty();
    }

    /** What a list of status changes does, without where the records came from (the basis check covers that). */
    private static List<String> effects(List<StatusChange> changes) {
        return changes.stream().map(s -> s.recordId() + "->" + s.to() + s.frozen().stream().map(Enum::name).sorted().toList())
                .toList();
    }

    /**
     * For a result recorded offline: the record {@link RecordChoice} picks among those carrying the case's subject
     * document, as the counter would have online; empty when none does (or the document could not be read).
     */
    private Optional<StoredRecord> offlineTarget(BatchRecords records, Evidence e) throws SQLException {
        Optional<DocumentEvidence> doc = offlineDocument(e);
        if (doc.isEmpty()) return Optional.empty();
        List<Candidate> found = new ArrayList<>();
        for (StoredRecord r : records.byDocument(doc.get().type(), doc.get().number())) {
            IdentityRecord user = r.registeredUserId() == null ? null
                    : records.record(r.registeredUserId()).map(StoredRecord::record).orElse(null);
            found.add(new Candidate(r, user));
        }
        String userNumber = document(e, DocumentRole.REGISTERED_USER).map(DocumentEvidence::number).orElse("");
        return CHOICE.choose(e.caseKind(), found, userNumber).map(Candidate::stored);
    }

    /** The document an offline result's record is found by: the case's readable subject document. */
    static Optional<DocumentEvidence> offlineDocument(Evidence e) {
        Optional<DocumentEvidence> doc = document(e, e.caseKind().subject());
        return doc.isEmpty() || doc.get().source() == DocumentEvidence.Source.UNREADABLE ? Optional.empty() : doc;
    }

    private VerificationCase.Builder caseFor(Evidence e) {
        VerificationCase.Builder b = VerificationCase.builder(e.counterKind(), e.caseKind(), LocalDate.ofInstant(e.recordedAt(), RailwayTime.ZONE))
                .policy(policy);
        for (DocumentEvidence d : e.documents()) b.document(d.role(), new Presented.AsRecorded(d));
        ExtraFactorCheck f = e.extraFactor();
        if (f != null && f.kind() != null) {
            switch (f.status()) {
                case DEFERRED -> b.extraFactor(new ExtraFactor.Hashed(f.kind(), f.digest()));
                case MATCHED -> b.extraFactor(new ExtraFactor.CheckedAtCounter(f.kind(), true));
                case NOT_MATCHED -> b.extraFactor(new ExtraFactor.CheckedAtCounter(f.kind(), false));
                default -> { }
            }
        }
        if (e.clerkNameDecision() != null) b.clerkNameDecision(e.clerkNameDecision());
        return b;
    }

    private static Optional<DocumentEvidence> document(Evidence e, DocumentRole role) {
        for (DocumentEvidence d : e.documents()) if (d.role() == role) return Optional.of(d); // the first in the slot
        return Optional.empty();
    }

    private static ResultAnswer answer(ResultEnvelope env, AnswerKind kind, String reason, Outcome outcome, List<StatusChange> changes) {
        return new ResultAnswer(env.resultId(), kind, reason, outcome, changes, null, 0, 0, false);
    }
}
