package org.ticketwindow.idcheck.central;

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
import java.time.ZoneId;
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
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** A record the central holds, with its registered user when it is a contact (L1 chooses by it). */
    private record Candidate(StoredRecord stored, IdentityRecord registeredUser) {}

    private static final RecordChoice<Candidate> CHOICE =
            new RecordChoice<>(k -> k.stored().record(), Candidate::registeredUser);

    private final VerificationRules rules;
    private final Policy policy;

    ResultApplier(VerificationRules rules, Policy policy) {
        this.rules = rules;
        this.policy = policy;
    }

    ResultAnswer apply(BatchState batch, ResultEnvelope env, long now) throws SQLException {
        Evidence e = env.evidence();
        for (RecordBasis b : env.basis()) {
            Optional<StoredRecord> current = batch.record(b.recordId());
            if (current.isPresent() && current.get().version() != b.version()) {
                return answer(env, AnswerKind.CONFLICT, "record " + b.recordId() + " changed since the counter looked "
                        + "(version " + b.version() + ", now " + current.get().version() + ", status "
                        + current.get().record().status() + ")", null, List.of());
            }
        }
        Optional<StoredRecord> target;
        if (!e.recordId().isEmpty()) {
            target = batch.record(e.recordId());
            if (target.isEmpty()) return ResultAnswer.rejected(env.resultId(), "record " + e.recordId() + " is not known here");
        } else {
            target = offlineTarget(batch, e);
        }
        VerificationCase.Builder b = caseFor(e);
        if (target.isPresent()) {
            StoredRecord t = target.get();
            b.record(t.record());
            if (t.registeredUserId() != null) {
                Optional<StoredRecord> user = batch.record(t.registeredUserId());
                if (user.isPresent()) {
                    b.registeredUser(user.get().record());
                    b.record(CentralRecords.withUserFactor(t.record(), user.get().record()));
                    if (e.caseKind() == CaseKind.OVER_LIMIT_CONTACT) b.countedContacts(batch.countedContacts(user.get().record().id()));
                }
            }
        }
        Decision d = rules.decide(b.build());
        Optional<String> disagreement = disagreement(e, d);
        if (disagreement.isPresent()) return answer(env, AnswerKind.CONFLICT, disagreement.get(), d.outcome(), List.of());
        if (target.isEmpty()) {
            return answer(env, AnswerKind.APPLIED, "no record carries this document; recorded only", d.outcome(), List.of());
        }
        List<StatusChange> changes = new ArrayList<>();
        for (StatusChange s : d.statusChanges()) {
            if (!batch.changeStatus(s.recordId(), target.get().version(), s.to(), s.frozen(), now)) {
                return answer(env, AnswerKind.CONFLICT, "record " + s.recordId() + " changed while applying", null, List.of());
            }
            batch.statusChange(env.resultId(), s.recordId(), s.from().name(), s.to().name(), now);
            changes.add(s);
        }
        if (d.outcome() == Outcome.CLAIM_RECORDED) batch.claim(env.resultId(), target.get().record().id(), now);
        return answer(env, AnswerKind.APPLIED, d.reason().rule() + " " + Texts.english().of(d.reason()), d.outcome(), changes);
    }

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
    private Optional<StoredRecord> offlineTarget(BatchState batch, Evidence e) throws SQLException {
        Optional<DocumentEvidence> doc = offlineDocument(e);
        if (doc.isEmpty()) return Optional.empty();
        List<Candidate> found = new ArrayList<>();
        for (StoredRecord r : batch.byDocument(doc.get().type(), doc.get().number())) {
            IdentityRecord user = r.registeredUserId() == null ? null
                    : batch.record(r.registeredUserId()).map(StoredRecord::record).orElse(null);
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
        for (DocumentEvidence d : e.documents()) if (d.role() == role) return Optional.of(d); // the first in the slot
        return Optional.empty();
    }

    private static ResultAnswer answer(ResultEnvelope env, AnswerKind kind, String reason, Outcome outcome, List<StatusChange> changes) {
        return new ResultAnswer(env.resultId(), kind, reason, outcome, changes, null, 0, 0, false);
    }
}
