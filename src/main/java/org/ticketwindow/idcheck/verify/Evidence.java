package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.text.Texts;
import org.ticketwindow.idcheck.verify.name.NameRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every result records (A1) and nothing more (docs/sync.md S7): counter id and kind, clerk id, time and the
 * counter's sequence number, the case kind, the documents as presented, the record concerned, the decision with its
 * rules and main reason, the status changes, the extra factor as a check result (a salted hash when deferred, never
 * the digits) with how many times it was given (RD-42), the name rules applied and the clerk's name decision when one was needed.
 */
public record Evidence(String counterId, CounterKind counterKind, String clerkId, Instant recordedAt, long sequence,
                       CaseKind caseKind, List<DocumentEvidence> documents, String recordId, Outcome outcome,
                       List<String> rules, String reasonZh, String reasonEn, List<StatusChange> statusChanges,
                       ExtraFactorCheck extraFactor, List<String> nameRules, ClerkNameDecision clerkNameDecision) {
    public Evidence {
        Objects.requireNonNull(counterId, "counterId");
        Objects.requireNonNull(clerkId, "clerkId");
        documents = List.copyOf(documents);
        rules = List.copyOf(rules);
        statusChanges = List.copyOf(statusChanges);
        nameRules = List.copyOf(nameRules);
    }

    /** The evidence of a decided case; {@code recordedAt} and {@code sequence} come from the store that commits it. */
    public static Evidence of(String counterId, String clerkId, Instant recordedAt, long sequence, VerificationCase c,
                              Decision d) {
        List<DocumentEvidence> docs = new ArrayList<>();
        for (Map.Entry<DocumentRole, Presented> e : c.documents().entrySet()) docs.add(DocumentEvidence.of(e.getKey(), e.getValue()));
        List<String> nameRules = d.comparisons().stream().filter(f -> f.field() == Field.NAME)
                .flatMap(f -> f.rules().stream()).distinct().toList();
        boolean clerkAsked = nameRules.contains(NameRule.CLERK.id());
        return new Evidence(counterId, c.counterKind(), clerkId, recordedAt, sequence, c.kind(), docs,
                c.record().map(IdentityRecord::id).orElse(""), d.outcome(), d.ruleIds(), Texts.chinese().of(d.reason()), Texts.english().of(d.reason()),
                d.statusChanges(), d.extraFactor() == null ? null : d.extraFactor().withAttempts(c.extraFactorAttempts()), nameRules, clerkAsked ? c.clerkNameDecision().orElse(null) : null);
    }
}
