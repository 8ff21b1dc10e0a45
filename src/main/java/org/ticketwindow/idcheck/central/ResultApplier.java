package org.ticketwindow.idcheck.central;

import org.ticketwindow.idcheck.store.StatementCache;
import org.ticketwindow.idcheck.sync.AnswerKind;
import org.ticketwindow.idcheck.sync.RecordBasis;
import org.ticketwindow.idcheck.sync.ResultAnswer;
import org.ticketwindow.idcheck.sync.ResultEnvelope;
import org.ticketwindow.idcheck.verify.CaseKind;
import org.ticketwindow.idcheck.verify.Decision;
import org.ticketwindow.idcheck.verify.DocumentEvidence;
import org.ticketwindow.idcheck.verify.DocumentRole;
import org.ticketwindow.idcheck.verify.Evidence;
import org.ticketwindow.idcheck.verify.ExtraFactor;
import org.ticketwindow.idcheck.verify.ExtraFactorCheck;
import org.ticketwindow.idcheck.verify.Outcome;
import org.ticketwindow.idcheck.verify.Policy;
import org.ticketwindow.idcheck.verify.Presented;
import org.ticketwindow.idcheck.verify.RecordRole;
import org.ticketwindow.idcheck.verify.StatusChange;
import org.ticketwindow.idcheck.verify.VerificationCase;
import org.ticketwindow.idcheck.verify.VerificationRules;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one result by the shared rules (not re-implemented): the case is rebuilt from the evidence (documents as
 * recorded, extra factor as checked or hashed, the clerk's name decision) with the records the central holds now, and
 * {@link VerificationRules#decide} says what changes. A result decided online is a CONFLICT when a record it was based
 * on has moved on since the lookup; one decided offline ({@code PENDING_CENTRAL}) is decided here. Runs inside the
 * caller's transaction.
 */
final class ResultApplier {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Outcomes the counter can only reach with the record in hand: the central must agree with them. */
    private static final Set<Outcome> DECIDED_WITH_RECORD = EnumSet.of(Outcome.PASSED, Outcome.PRE_PASSED, Outcome.FAILED);

    private final VerificationRules rules;
    private final Policy policy;

    ResultApplier(VerificationRules rules, Policy policy) {
        this.rules = rules;
        this.policy = policy;
    }

    ResultAnswer apply(StatementCache c, ResultEnvelope env, long now) throws SQLException {
        Evidence e = env.evidence();
        for (RecordBasis b : env.basis()) {
            Optional<StoredRecord> current = CentralRecords.byId(c, b.recordId());
            if (current.isPresent() && current.get().version() != b.version()) {
                return answer(env, AnswerKind.CONFLICT, "record " + b.recordId() + " changed since the counter looked "
                        + "(version " + b.version() + ", now " + current.get().version() + ", status "
                        + current.get().record().status() + ")", null, List.of());
            }
        }
        List<StoredRecord> targets = targets(c, e);
        if (targets == null) return ResultAnswer.rejected(env.resultId(), "record " + e.recordId() + " is not known here");
        if (targets.isEmpty()) {
            Decision d = rules.decide(caseFor(e).build());
            return answer(env, AnswerKind.APPLIED, "no record carries this document; recorded only", d.outcome(), List.of());
        }
        List<StatusChange> changes = new ArrayList<>();
        Decision first = null;
        for (StoredRecord target : targets) {
            VerificationCase.Builder b = caseFor(e).record(target.record());
            if (target.registeredUserId() != null) {
                Optional<StoredRecord> user = CentralRecords.byId(c, target.registeredUserId());
                if (user.isPresent()) {
                    b.registeredUser(user.get().record());
                    b.record(CentralRecords.withUserFactor(target.record(), user.get().record()));
                    if (e.caseKind() == CaseKind.OVER_LIMIT_CONTACT) b.countedContacts(CentralRecords.countedContacts(c, user.get().record().id()));
                }
            }
            Decision d = rules.decide(b.build());
            if (first == null) first = d;
            if (!e.recordId().isEmpty() && DECIDED_WITH_RECORD.contains(e.outcome()) && d.outcome() != e.outcome()) {
                return ResultAnswer.rejected(env.resultId(), "the central's rules decide " + d.outcome() + " " + d.ruleIds()
                        + " where the counter decided " + e.outcome());
            }
            for (StatusChange s : d.statusChanges()) {
                if (!CentralRecords.changeStatus(c, s.recordId(), target.version(), s.to(), s.frozen(), now)) {
                    return answer(env, AnswerKind.CONFLICT, "record " + s.recordId() + " changed while applying", null, List.of());
                }
                logChange(c, env.resultId(), s, now);
                changes.add(s);
            }
            if (d.outcome() == Outcome.CLAIM_RECORDED) claim(c, env.resultId(), target.record().id(), now);
        }
        return answer(env, AnswerKind.APPLIED, first.reason().rule() + " " + first.reason().en(), first.outcome(), changes);
    }

    /**
     * The records the result is about: the one the counter named, or offline the records carrying the main document
     * (for an over-limit contact: the contacts of the registered user whose card was read). Null: named but unknown.
     */
    private List<StoredRecord> targets(StatementCache c, Evidence e) throws SQLException {
        if (!e.recordId().isEmpty()) return CentralRecords.byId(c, e.recordId()).map(List::of).orElse(null);
        DocumentRole main = switch (e.caseKind()) {
            case PROXY -> DocumentRole.PRINCIPAL;
            case OVER_LIMIT_CONTACT -> DocumentRole.CONTACT;
            default -> DocumentRole.HOLDER;
        };
        Optional<DocumentEvidence> doc = document(e, main);
        if (doc.isEmpty() || doc.get().source() == DocumentEvidence.Source.UNREADABLE) return List.of();
        List<StoredRecord> found = CentralRecords.byDocument(c, doc.get().type(), doc.get().number());
        if (e.caseKind() != CaseKind.OVER_LIMIT_CONTACT) return found;
        Optional<DocumentEvidence> userDoc = document(e, DocumentRole.REGISTERED_USER);
        List<StoredRecord> contacts = new ArrayList<>();
        for (StoredRecord r : found) {
            if (r.record().role() != RecordRole.CONTACT || r.registeredUserId() == null || userDoc.isEmpty()) continue;
            Optional<StoredRecord> user = CentralRecords.byId(c, r.registeredUserId());
            if (user.isPresent() && CentralRecords.normalise(user.get().record().documentNumber())
                    .equals(CentralRecords.normalise(userDoc.get().number()))) contacts.add(r);
        }
        return contacts;
    }

    private VerificationCase.Builder caseFor(Evidence e) {
        VerificationCase.Builder b = VerificationCase.builder(e.counterKind(), e.caseKind(), LocalDate.ofInstant(e.recordedAt(), CHINA))
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
        return e.documents().stream().filter(d -> d.role() == role).findFirst();
    }

    private static ResultAnswer answer(ResultEnvelope env, AnswerKind kind, String reason, Outcome outcome, List<StatusChange> changes) {
        return new ResultAnswer(env.resultId(), kind, reason, outcome, changes, null, 0, 0, false);
    }

    private static void logChange(StatementCache c, String resultId, StatusChange s, long now) throws SQLException {
        PreparedStatement p = c.prepare("INSERT INTO status_changes (result_id, record_id, from_status, to_status, at) "
                + "VALUES (?, ?, ?, ?, ?)");
        p.setString(1, resultId);
        p.setString(2, s.recordId());
        p.setString(3, s.from().name());
        p.setString(4, s.to().name());
        p.setLong(5, now);
        p.executeUpdate();
    }

    private static void claim(StatementCache c, String resultId, String recordId, long now) throws SQLException {
        PreparedStatement p = c.prepare("INSERT INTO duplicate_claims (result_id, record_id, at) VALUES (?, ?, ?)");
        p.setString(1, resultId);
        p.setString(2, recordId);
        p.setLong(3, now);
        p.executeUpdate();
    }
}
