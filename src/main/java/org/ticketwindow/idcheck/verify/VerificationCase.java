package org.ticketwindow.idcheck.verify;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything a decision is made from: where (counter kind), what (case kind), the documents presented by slot,
 * the records found (empty offline), the extra factor and the clerk's name decision when given, the policy and
 * the day. Immutable; build with {@link #builder(CounterKind, CaseKind, LocalDate)}. It also carries how many times
 * the extra factor was given ({@link #extraFactorAttempts()}, RD-42): recorded with the result, never read by the rules.
 */
public final class VerificationCase {
    private final CounterKind counterKind;
    private final CaseKind kind;
    private final Map<DocumentRole, Presented> documents;
    private final IdentityRecord record;
    private final IdentityRecord registeredUser;
    private final Integer countedContacts;
    private final ExtraFactor extraFactor;
    private final int extraFactorAttempts;
    private final ClerkNameDecision clerkNameDecision;
    private final boolean childWithoutDocument;
    private final Policy policy;
    private final LocalDate today;

    private VerificationCase(Builder b) {
        counterKind = b.counterKind;
        kind = b.kind;
        documents = Collections.unmodifiableMap(new EnumMap<>(b.documents));
        record = b.record;
        registeredUser = b.registeredUser;
        countedContacts = b.countedContacts;
        extraFactor = b.extraFactor;
        extraFactorAttempts = b.extraFactorAttempts;
        clerkNameDecision = b.clerkNameDecision;
        childWithoutDocument = b.childWithoutDocument;
        policy = b.policy;
        today = b.today;
    }

    public static Builder builder(CounterKind counterKind, CaseKind kind, LocalDate today) {
        return new Builder(counterKind, kind, today);
    }

    public CounterKind counterKind() { return counterKind; }
    public CaseKind kind() { return kind; }
    public Map<DocumentRole, Presented> documents() { return documents; }
    public Optional<Presented> document(DocumentRole role) { return Optional.ofNullable(documents.get(role)); }

    /** The record the case is about (holder, principal or contact); empty when the central could not be asked. */
    public Optional<IdentityRecord> record() { return Optional.ofNullable(record); }

    /** For a contact: the registered user it belongs to (V5, L1). */
    public Optional<IdentityRecord> registeredUser() { return Optional.ofNullable(registeredUser); }

    /** L1: the registered user's contacts in PASSED + REPORT + PRE_PASSED, when the lookup said. */
    public OptionalInt countedContacts() {
        return countedContacts == null ? OptionalInt.empty() : OptionalInt.of(countedContacts);
    }

    public Optional<ExtraFactor> extraFactor() { return Optional.ofNullable(extraFactor); }

    /**
     * How many well-formed values of the extra factor the passenger gave (RD-42, at most three at the counter); 0 when
     * none was. Evidence for the result ({@link Evidence#of}), not an input of the rules.
     */
    public int extraFactorAttempts() { return extraFactorAttempts; }
    public Optional<ClerkNameDecision> clerkNameDecision() { return Optional.ofNullable(clerkNameDecision); }

    /** C1: a child without an ID document travels on an adult's identity. */
    public boolean childWithoutDocument() { return childWithoutDocument; }

    public Policy policy() { return policy; }
    public LocalDate today() { return today; }

    @Override public String toString() {
        return "VerificationCase[" + counterKind + ", " + kind + ", documents=" + documents.keySet() + ", record=" + record + "]";
    }

    public static final class Builder {
        private final CounterKind counterKind;
        private final CaseKind kind;
        private final LocalDate today;
        private final Map<DocumentRole, Presented> documents = new EnumMap<>(DocumentRole.class);
        private IdentityRecord record;
        private IdentityRecord registeredUser;
        private Integer countedContacts;
        private ExtraFactor extraFactor;
        private int extraFactorAttempts;
        private ClerkNameDecision clerkNameDecision;
        private boolean childWithoutDocument;
        private Policy policy = Policy.DEFAULT;

        private Builder(CounterKind counterKind, CaseKind kind, LocalDate today) {
            this.counterKind = Objects.requireNonNull(counterKind, "counterKind");
            this.kind = Objects.requireNonNull(kind, "kind");
            this.today = Objects.requireNonNull(today, "today");
        }

        public Builder document(DocumentRole role, Presented p) {
            if (p != null) documents.put(role, p);
            return this;
        }

        public Builder record(IdentityRecord r) { record = r; return this; }
        public Builder registeredUser(IdentityRecord r) { registeredUser = r; return this; }
        public Builder countedContacts(Integer n) { countedContacts = n; return this; }
        public Builder extraFactor(ExtraFactor f) { extraFactor = f; return this; }

        public Builder extraFactorAttempts(int n) {
            if (n < 0) throw new IllegalArgumentException("attempts < 0: " + n);
            extraFactorAttempts = n;
            return this;
        }
        public Builder clerkNameDecision(ClerkNameDecision d) { clerkNameDecision = d; return this; }
        public Builder childWithoutDocument(boolean c) { childWithoutDocument = c; return this; }
        public Builder policy(Policy p) { policy = Objects.requireNonNull(p, "policy"); return this; }

        public VerificationCase build() { return new VerificationCase(this); }
    }
}
