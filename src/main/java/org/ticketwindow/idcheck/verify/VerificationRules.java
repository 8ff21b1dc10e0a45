package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.identity.CardChecks;
import org.ticketwindow.idcheck.identity.CardDefect;
import org.ticketwindow.idcheck.identity.DocumentNumbers;
import org.ticketwindow.idcheck.identity.IdNumber;
import org.ticketwindow.idcheck.identity.Validity;
import org.ticketwindow.idcheck.text.Text;
import org.ticketwindow.idcheck.text.Texts;
import org.ticketwindow.idcheck.verify.name.NameMatch;
import org.ticketwindow.idcheck.verify.name.NameOutcome;
import org.ticketwindow.idcheck.verify.name.NameRule;
import org.ticketwindow.idcheck.verify.name.NameRules;
import org.ticketwindow.idcheck.verify.name.SpecialName;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * The counter's rules (docs/rules.md): given a {@link VerificationCase}, what may be done, the new statuses, what is
 * missing, and why. Pure apart from the salt of an offline extra-factor hash; shared by the console and the
 * reference central (which decides again with the record it holds). Thread-safe.
 *
 * <p>Every case runs the same stages, each of which may end it: the record's status (V3, V4, wrong case), the
 * documents (E3, D1–D5), the counter kind (V2, P2, X2, X3, L1, DUP1), then the comparison with the record and the
 * extra factor (V1, P1, N-rules, V2).
 */
public final class VerificationRules {
    private final NameRules names;
    private final RandomGenerator salts;

    public VerificationRules() { this(new NameRules(), new SecureRandom()); }

    public VerificationRules(NameRules names, RandomGenerator salts) {
        this.names = names;
        this.salts = salts;
    }

    public Decision decide(VerificationCase c) {
        DecisionDraft d = new DecisionDraft(c);
        return switch (c.kind()) {
            case ON_SITE -> onSite(c, d);
            case PROXY -> proxy(c, d);
            case OVER_LIMIT_CONTACT -> overLimitContact(c, d);
            case PRE_VERIFICATION -> preVerification(c, d);
            case DUPLICATE_CLAIM -> duplicateClaim(c, d);
            case TICKET_SERVICE -> ticketService(c, d);
        };
    }

    // ---- cases ----
    //
    // The order is the same in every case (rules-decisions RD-30): nothing to verify (C1); then every document that
    // was presented, so that a forged, expired, unreadable or wrong document is refused whatever state the record is
    // in (D1–D5, E3); then the record's status and flags (V3, V4, DUP1, wrong case); then what is still missing;
    // then the comparison (V1, P1, N-rules) and the extra factor (V2).

    private Decision onSite(VerificationCase c, DecisionDraft d) {
        if (c.childWithoutDocument()) return d.end(Outcome.NOTHING_TO_DO, Reasons.c1ChildWithoutDocument());
        Decision refused = checkDocuments(c, d);
        if (refused != null) return refused;
        Optional<IdentityRecord> record = c.record();
        if (record.isPresent()) {
            Decision gate = chipRecordGate(c, d, record.get());
            if (gate != null) return gate;
        }
        Optional<Presented> doc = c.document(DocumentRole.HOLDER);
        if (doc.isEmpty()) return d.needs(Missing.DOCUMENT, null);
        PresentedIdentity shown = PresentedIdentity.of(doc.get());
        if (shown.type().isPassportOrPermit()) return d.end(Outcome.WRONG_CASE, Reasons.p1WrongCase());
        Set<SpecialName> special = special(d, shown, record.orElse(null));
        if (!special.isEmpty() && c.counterKind() == CounterKind.AGENCY) return d.end(Outcome.REFUSED, Reasons.v2Agency());
        return verify(c, d, DocumentRole.HOLDER, shown, record.orElse(null), !special.isEmpty(), false);
    }

    private Decision proxy(VerificationCase c, DecisionDraft d) {
        if (c.childWithoutDocument()) return d.end(Outcome.NOTHING_TO_DO, Reasons.c1ChildWithoutDocument());
        Decision refused = checkDocuments(c, d);
        if (refused != null) return refused;
        Optional<IdentityRecord> record = c.record();
        if (record.isPresent()) {
            Decision gate = statusGate(c, d, record.get(), EnumSet.of(RecordStatus.PENDING, RecordStatus.REPORT));
            if (gate != null) return gate;
            if (record.get().documentType().isPassportOrPermit() && c.counterKind() == CounterKind.AGENCY) {
                return d.endByRecord(Outcome.REFUSED, Reasons.x2Agency());
            }
        }
        Optional<Presented> proxyDoc = c.document(DocumentRole.PROXY);
        Optional<Presented> principalDoc = c.document(DocumentRole.PRINCIPAL);
        if (proxyDoc.isEmpty() || principalDoc.isEmpty()) {
            return d.needs(proxyDoc.isEmpty() && principalDoc.isEmpty() ? Missing.DOCUMENT : Missing.SECOND_DOCUMENT,
                    Reasons.x1Needs());
        }
        // passports and permits at an agency were refused with the documents (X2 for the principal, P2 for the proxy)
        PresentedIdentity proxy = PresentedIdentity.of(proxyDoc.get());
        PresentedIdentity principal = PresentedIdentity.of(principalDoc.get());
        if (proxy.sameNumber(principal.number())) return d.end(Outcome.WRONG_CASE, Reasons.x1SamePerson());
        boolean passport = principal.type().isPassportOrPermit();
        // X3: a document of the wrong kind for the record is the wrong case, as on site and in pre-verification
        if (record.isPresent() && record.get().documentType().isPassportOrPermit() != passport) {
            return d.end(Outcome.WRONG_CASE, passport ? Reasons.p1WrongCase() : Reasons.p1ChipWrongCase());
        }
        Set<SpecialName> special = special(d, principal, record.orElse(null));
        // X3: the extra factor and the agency limit of V2 belong to section 一 (chip documents); a passport or permit
        // principal is pre-verified as P1, without them
        boolean factorCase = !special.isEmpty() && !passport;
        if (factorCase && c.counterKind() == CounterKind.AGENCY) return d.end(Outcome.REFUSED, Reasons.x3Agency());
        return verify(c, d, DocumentRole.PRINCIPAL, principal, record.orElse(null), factorCase, passport);
    }

    private Decision overLimitContact(VerificationCase c, DecisionDraft d) {
        for (DocumentRole role : c.kind().documentRoles()) {
            Optional<Presented> p = c.document(role);
            if (p.isPresent() && p.get().isInspected()) return d.end(Outcome.REFUSED, Reasons.l1NotRid());
        }
        Decision refused = checkDocuments(c, d);
        if (refused != null) return refused;
        for (DocumentRole role : c.kind().documentRoles()) {
            Optional<Presented> p = c.document(role);
            if (p.isPresent() && !p.get().isResidentChip()) return d.end(Outcome.REFUSED, Reasons.l1NotRid());
        }
        Optional<IdentityRecord> user = c.registeredUser();
        if (user.isPresent()) {
            if (user.get().documentType() != DocumentType.RID) return d.endByRecord(Outcome.REFUSED, Reasons.l1NotRid());
            if (user.get().status() != RecordStatus.PASSED) {
                return d.endByRecord(Outcome.REFUSED, Reasons.v5UserNotVerified(user.get().status()));
            }
        }
        Optional<IdentityRecord> contact = c.record();
        if (contact.isPresent()) {
            DocumentType type = contact.get().documentType();
            if (type != DocumentType.RID && type != DocumentType.FIRST_GENERATION_RID) { // D2 has its own reason
                return d.endByRecord(Outcome.REFUSED, Reasons.l1NotRid());
            }
            Decision gate = chipRecordGate(c, d, contact.get());
            if (gate != null) return gate;
        }
        Optional<Presented> userDoc = c.document(DocumentRole.REGISTERED_USER);
        Optional<Presented> contactDoc = c.document(DocumentRole.CONTACT);
        if (userDoc.isEmpty() || contactDoc.isEmpty()) {
            return d.needs(userDoc.isEmpty() && contactDoc.isEmpty() ? Missing.DOCUMENT : Missing.SECOND_DOCUMENT,
                    Reasons.l1NotRid());
        }
        PresentedIdentity userId = PresentedIdentity.of(userDoc.get());
        PresentedIdentity contactId = PresentedIdentity.of(contactDoc.get());
        if (userId.sameNumber(contactId.number())) return d.end(Outcome.WRONG_CASE, Reasons.x1SamePerson());
        if (user.isPresent()) {
            Match m = compare(c, d, DocumentRole.REGISTERED_USER, userId, user.get(), false);
            if (m.result != Match.Result.SAME) return d.end(Outcome.REFUSED, Reasons.l1UserDiffers());
        }
        c.countedContacts().ifPresent(n -> {
            if (n < c.policy().contactLimit()) d.notes.add(Reasons.l1NotOver(n, c.policy().contactLimit()));
        });
        Set<SpecialName> special = special(d, contactId, contact.orElse(null));
        if (!special.isEmpty() && c.counterKind() == CounterKind.AGENCY) return d.end(Outcome.REFUSED, Reasons.l1Agency());
        d.factorShownByDocument = true;
        return verify(c, d, DocumentRole.CONTACT, contactId, contact.orElse(null), !special.isEmpty(), false);
    }

    private Decision preVerification(VerificationCase c, DecisionDraft d) {
        Optional<Presented> doc = c.document(DocumentRole.HOLDER);
        if (doc.isPresent() && doc.get().isChip()) return d.end(Outcome.WRONG_CASE, Reasons.p1ChipWrongCase());
        Decision refused = checkDocuments(c, d);
        if (refused != null) return refused;
        Optional<Reason> notHere = c.counterKind().refuses(c.kind()); // P2, DUP1: station windows only
        if (notHere.isPresent()) return d.end(Outcome.REFUSED, notHere.get());
        Optional<IdentityRecord> record = c.record();
        if (record.isPresent()) {
            IdentityRecord r = record.get();
            if (!r.documentType().isPassportOrPermit()) return d.end(Outcome.WRONG_CASE, Reasons.p1ChipWrongCase());
            Decision gate = statusGate(c, d, r, EnumSet.of(RecordStatus.REPORT));
            if (gate != null) return gate;
        }
        if (doc.isEmpty()) return d.needs(Missing.DOCUMENT, null);
        PresentedIdentity shown = PresentedIdentity.of(doc.get());
        special(d, shown, record.orElse(null));
        return verify(c, d, DocumentRole.HOLDER, shown, record.orElse(null), false, true);
    }

    private Decision duplicateClaim(VerificationCase c, DecisionDraft d) {
        if (c.document(DocumentRole.PROXY).isPresent() || c.document(DocumentRole.PRINCIPAL).isPresent()) {
            return d.end(Outcome.REFUSED, Reasons.x4NoProxy());
        }
        Decision refused = checkDocuments(c, d);
        if (refused != null) return refused;
        Optional<Reason> notHere = c.counterKind().refuses(c.kind()); // P2, DUP1: station windows only
        if (notHere.isPresent()) return d.end(Outcome.REFUSED, notHere.get());
        Optional<IdentityRecord> record = c.record();
        if (record.isPresent() && record.get().role() != RecordRole.REGISTERED_USER) {
            return d.end(Outcome.WRONG_CASE, Reasons.dup1Contact());
        }
        if (record.isPresent() && !record.get().duplicateIdentity()) return d.end(Outcome.NOTHING_TO_DO, Reasons.dup1NotFlagged());
        Optional<Presented> doc = c.document(DocumentRole.HOLDER);
        if (doc.isEmpty()) return d.needs(Missing.DOCUMENT, null);
        PresentedIdentity shown = PresentedIdentity.of(doc.get());
        special(d, shown, record.orElse(null));
        // offline the counter cannot see the flag: the claim is left to the central, which holds it (RD-32)
        if (record.isEmpty()) return d.end(Outcome.PENDING_CENTRAL, Reasons.pendingCentral());
        Match m = compare(c, d, DocumentRole.HOLDER, shown, record.get(), shown.type().isPassportOrPermit());
        if (m.result == Match.Result.UNDECIDED) return d.needs(Missing.CLERK_NAME_DECISION, null);
        if (m.result == Match.Result.DIFFERENT) return d.end(Outcome.REFUSED, Reasons.dup1DocumentDiffers());
        return d.end(Outcome.CLAIM_RECORDED, Reasons.dup1Recorded());
    }

    private Decision ticketService(VerificationCase c, DecisionDraft d) {
        Optional<Presented> doc = c.document(DocumentRole.HOLDER);
        if (doc.isEmpty()) return d.needs(Missing.DOCUMENT, null);
        boolean proof = doc.get().isElectronicProof();
        if (proof && c.counterKind() == CounterKind.AGENCY) {
            // a valid proof is refused here only because of where the passenger is: a station window takes it (E3);
            // the police desk (E5) is for passengers whose proof failed
            d.notes.add(Reasons.e3AgencyAdvice());
            return d.end(Outcome.REFUSED, Reasons.e3AgencyRefused());
        }
        Decision refused = checkDocuments(c, d);
        if (refused != null) return refused;
        PresentedIdentity shown = PresentedIdentity.of(doc.get());
        Set<SpecialName> special = special(d, shown, c.record().orElse(null));
        if (c.record().isEmpty()) {
            if (!proof) return d.needs(Missing.RECORD, null);
            // E3: the proof alone stands in for the card (a sale needs no record yet)
            d.services = TicketServices.forElectronicProof(c.counterKind());
            d.notes.add(Reasons.e4Note());
            return d.end(Outcome.SERVICES, Reasons.e3Services());
        }
        IdentityRecord r = c.record().get();
        Match m = compare(c, d, DocumentRole.HOLDER, shown, r, shown.type().isPassportOrPermit());
        if (m.result == Match.Result.UNDECIDED) return d.needs(Missing.CLERK_NAME_DECISION, null);
        if (m.result == Match.Result.DIFFERENT) return d.end(Outcome.REFUSED, Reasons.ticketDocumentDiffers());
        if (proof) {
            // the proof stands in for the card, not for the record's status: a record that is not verified gets what
            // its status allows (T1, V5), whatever document is shown
            boolean verified = r.status() == RecordStatus.PASSED || r.status() == RecordStatus.PRE_PASSED;
            d.services = verified ? TicketServices.forElectronicProof(c.counterKind())
                    : TicketServices.of(c.counterKind(), r.status(), r.documentType(), !special.isEmpty(), false);
            if (verified) d.notes.add(Reasons.e4Note());
        } else {
            d.services = TicketServices.of(c.counterKind(), r.status(), r.documentType(), !special.isEmpty(), m.exact);
        }
        userNotes(c, d, r);
        return d.end(Outcome.SERVICES, d.services.basis().getFirst());
    }

    // ---- stages ----

    /** The status gate of an RID-like (chip) record: D2, wrong case for passports, then {@link #statusGate}. */
    private Decision chipRecordGate(VerificationCase c, DecisionDraft d, IdentityRecord r) {
        if (r.documentType() == DocumentType.FIRST_GENERATION_RID) return d.endByRecord(Outcome.REFUSED, Reasons.d2FirstGeneration());
        if (r.documentType().isPassportOrPermit()) return d.end(Outcome.WRONG_CASE, Reasons.p1WrongCase());
        return statusGate(c, d, r, EnumSet.of(RecordStatus.PENDING));
    }

    /**
     * D2; DUP1 (a record flagged as a duplicate identity is handled only by the registered user in person at a
     * station window, whatever case was picked); V3 (FAILED needs the website correction), V4 (already verified),
     * wrong case for any other status.
     */
    private Decision statusGate(VerificationCase c, DecisionDraft d, IdentityRecord r, Set<RecordStatus> workable) {
        if (r.documentType() == DocumentType.FIRST_GENERATION_RID) return d.endByRecord(Outcome.REFUSED, Reasons.d2FirstGeneration());
        if (r.duplicateIdentity()) {
            if (c.kind() == CaseKind.PROXY) return d.endByRecord(Outcome.REFUSED, Reasons.dup1FlaggedProxy());
            if (c.counterKind() == CounterKind.AGENCY) return d.endByRecord(Outcome.REFUSED, Reasons.dup1FlaggedAgency());
        }
        if (workable.contains(r.status())) return null;
        return switch (r.status()) {
            case FAILED -> {
                d.missing.add(Missing.WEBSITE_CORRECTION);
                yield d.endByRecord(Outcome.REFUSED, Reasons.v3Failed());
            }
            case PASSED, PRE_PASSED -> d.end(Outcome.NOTHING_TO_DO, Reasons.v4AlreadyVerified(r.status()));
            case REPORT -> d.end(Outcome.WRONG_CASE, Reasons.p1WrongCase());
            case PENDING -> d.end(Outcome.WRONG_CASE, Reasons.p1ChipWrongCase());
        };
    }

    /** {@link #checkDocument} for every document the case has, in slot order; null when all may be used. */
    private Decision checkDocuments(VerificationCase c, DecisionDraft d) {
        for (DocumentRole role : c.kind().documentRoles()) {
            Optional<Presented> p = c.document(role);
            if (p.isEmpty()) continue;
            Decision refused = checkDocument(c, d, role, p.get());
            if (refused != null) return refused;
        }
        return null;
    }

    /** D1–D5 and E3 for one presented document; null when it may be used. */
    private Decision checkDocument(VerificationCase c, DecisionDraft d, DocumentRole role, Presented p) {
        d.documentHandled = true;
        return switch (p) {
            case Presented.Proof pr -> proofRefusal(c, d);
            case Presented.Unreadable u -> d.end(Outcome.REFUSED, Reasons.d3Unreadable(role));
            case Presented.Chip chip -> cardRefusal(d, role, CardChecks.check(chip.card(), c.today()), chip.card().validity());
            case Presented.Entered e -> {
                EnteredDocument doc = e.document();
                Decision refused = inspectedRefusal(c, d, role, doc.type());
                if (refused != null) yield refused;
                List<EnteredDocument.Problem> problems = doc.problems();
                if (!problems.isEmpty()) {
                    for (EnteredDocument.Problem pr : problems) d.reasons.add(Reasons.entryIncomplete(pr.text()));
                    yield d.needs(Missing.ENTRY_FIELDS, null);
                }
                yield expiredRefusal(c, d, role, doc.validUntil());
            }
            // The central's side: the same checks again from what the result recorded, never taken as passed. A card's
            // number and dates are in it; what needs the gender or birth date the counter recorded as found (S7).
            case Presented.AsRecorded r -> {
                DocumentEvidence e = r.evidence();
                yield switch (e.source()) {
                    case UNREADABLE -> d.end(Outcome.REFUSED, Reasons.d3Unreadable(role));
                    case ELECTRONIC_PROOF -> proofRefusal(c, d);
                    case KEYBOARD, MRZ -> {
                        Decision refused = inspectedRefusal(c, d, role, e.type());
                        yield refused != null ? refused : expiredRefusal(c, d, role, e.validUntilDate());
                    }
                    case CHIP -> {
                        if (!e.type().isChip()) yield d.end(Outcome.REFUSED, e.type() == DocumentType.FIRST_GENERATION_RID
                                ? Reasons.d2FirstGeneration() : Reasons.d4ManualEntry(e.type()));
                        List<CardDefect> defects = new ArrayList<>(CardChecks.number(IdNumber.of(e.number()),
                                e.type().numberKinds(), c.today()));
                        e.cardDefects().forEach(k -> defects.add(CardDefect.of(k)));
                        defects.addAll(CardChecks.validity(e.validity(), c.today()));
                        yield cardRefusal(d, role, defects, e.validity());
                    }
                };
            }
        };
    }

    /** D5 for a card with a suspect defect, D1 for one out of date; null for a card without defects. */
    private static Decision cardRefusal(DecisionDraft d, DocumentRole role, List<CardDefect> defects, Validity validity) {
        List<CardDefect> suspect = defects.isEmpty() ? List.of() : defects.stream().filter(CardDefect::suspectCard).toList();
        if (!suspect.isEmpty()) {
            return d.end(Outcome.REFUSED, Reasons.d5Suspect(role, suspect));
        }
        if (defects.isEmpty()) return null;
        // only EXPIRED or NOT_YET_VALID are left: D1
        return d.end(Outcome.REFUSED, defects.getFirst().kind() == CardDefect.Kind.EXPIRED
                ? Reasons.d1Expired(role, validity.until().iso())
                : Reasons.d1NotYetValid(role, validity.from().iso()));
    }

    /** E3: an electronic proof stands in for the card for ticket services, never for verification. */
    private static Decision proofRefusal(VerificationCase c, DecisionDraft d) {
        return c.kind().isVerification() ? d.end(Outcome.REFUSED, Reasons.e3NotForVerification()) : null;
    }

    /** D2, D4 and the agency limits (X2, P2) for a document the clerk entered or scanned. */
    private static Decision inspectedRefusal(VerificationCase c, DecisionDraft d, DocumentRole role, DocumentType type) {
        if (type == DocumentType.FIRST_GENERATION_RID) return d.end(Outcome.REFUSED, Reasons.d2FirstGeneration());
        if (type.isChip()) return d.end(Outcome.REFUSED, Reasons.d4ManualEntry(type));
        if (c.counterKind() == CounterKind.AGENCY && c.kind().isVerification()) {
            return d.end(Outcome.REFUSED, role == DocumentRole.PRINCIPAL ? Reasons.x2Agency() : Reasons.p2Agency());
        }
        return null;
    }

    /** D1 by the document's end date (null: long-term or unknown). */
    private static Decision expiredRefusal(VerificationCase c, DecisionDraft d, DocumentRole role, LocalDate until) {
        return until != null && until.isBefore(c.today()) ? d.end(Outcome.REFUSED, Reasons.d1Expired(role, until.toString())) : null;
    }

    /**
     * N6 for the name that is compared with the record: a foreign card's English name when the website holds it
     * (its 30-unit cut is an over-long name, N4), else the card's main name. Without a record either may be the one
     * the website holds, so both count.
     */
    private Set<SpecialName> special(DecisionDraft d, PresentedIdentity shown, IdentityRecord r) {
        Set<SpecialName> s = EnumSet.noneOf(SpecialName.class);
        if (shown.altName().isBlank() || r != null && !comparesByAltName(shown, r)) {
            s.addAll(names.special(shown.name().value()));
        }
        if (!shown.altName().isBlank() && (r == null || comparesByAltName(shown, r))) {
            s.addAll(names.special(shown.altName().value()));
        }
        d.special = Set.copyOf(s);
        return d.special;
    }

    /** True when a foreign card's other name is the one that matches the record (see {@link #compare}). */
    private boolean comparesByAltName(PresentedIdentity shown, IdentityRecord r) {
        if (shown.altName().isBlank()) return false;
        NameMatch main = names.compare(shown.name().value(), r.name().value());
        if (main.matches()) return false;
        NameMatch alt = names.compare(shown.altName().value(), r.name().value());
        return alt.matches() || alt.outcome() == NameOutcome.NEEDS_CLERK;
    }

    /**
     * V1 / P1 with V2's extra factor: compare the document with the record (or, offline, record the evidence for
     * the central) and decide the new status.
     */
    private Decision verify(VerificationCase c, DecisionDraft d, DocumentRole role, PresentedIdentity shown, IdentityRecord r,
                            boolean special, boolean passport) {
        Match m = r == null ? null : compare(c, d, role, shown, r, passport);
        if (special) {
            ExtraFactorCheck check = d.factorShownByDocument
                    ? ExtraFactorCheck.of(ExtraFactorCheck.Status.SHOWN_BY_DOCUMENT, ExtraFactorKind.REGISTERED_USER_ID_NUMBER)
                    : factor(c, d, r);
            d.factor = check;
            switch (check.status()) {
                case MISSING -> {
                    return d.needs(Missing.EXTRA_FACTOR, Reasons.v2FactorMissing(r == null ? null : r.role()));
                }
                case NOT_MATCHED -> {
                    return d.end(Outcome.REFUSED, Reasons.v2FactorWrong());
                }
                case DEFERRED -> d.notes.add(Reasons.factorDeferred());
                default -> { }
            }
        }
        if (r == null) return d.end(Outcome.PENDING_CENTRAL, Reasons.pendingCentral());
        if (d.factor.status() == ExtraFactorCheck.Status.DEFERRED) return d.end(Outcome.PENDING_CENTRAL, Reasons.pendingCentral());
        if (m.result == Match.Result.UNDECIDED) return d.needs(Missing.CLERK_NAME_DECISION, null);
        if (m.result == Match.Result.DIFFERENT) {
            d.changes.add(new StatusChange(r.id(), r.status(), RecordStatus.FAILED, Set.of()));
            d.missing.add(Missing.WEBSITE_CORRECTION);
            if (passport) d.notes.add(Reasons.p3Note());
            d.services = TicketServices.of(c.counterKind(), RecordStatus.FAILED, r.documentType(), special, false);
            return d.end(Outcome.FAILED, passport ? Reasons.p1Failed() : Reasons.v1Failed());
        }
        RecordStatus to = passport ? RecordStatus.PRE_PASSED : RecordStatus.PASSED;
        Set<Field> frozen = passport ? EnumSet.of(Field.NAME, Field.NATIONALITY, Field.DOCUMENT_TYPE, Field.DOCUMENT_NUMBER)
                : EnumSet.of(Field.NAME, Field.DOCUMENT_TYPE, Field.DOCUMENT_NUMBER);
        d.changes.add(new StatusChange(r.id(), r.status(), to, frozen));
        if (passport && r.status() == RecordStatus.REPORT) d.notes.add(Reasons.p3Note());
        d.services = TicketServices.of(c.counterKind(), to, r.documentType(), special, m.exact);
        userNotes(c, d, r);
        return d.end(passport ? Outcome.PRE_PASSED : Outcome.PASSED, passport ? Reasons.p1Passed() : Reasons.v1Passed());
    }

    /** V5 and L2: what the clerk should tell the passenger about the account. */
    private static void userNotes(VerificationCase c, DecisionDraft d, IdentityRecord r) {
        IdentityRecord user = r.role() == RecordRole.REGISTERED_USER ? r : c.registeredUser().orElse(null);
        RecordStatus userStatus = user == null ? null
                : user == r && !d.changes.isEmpty() ? d.changes.getLast().to() : user.status();
        if (userStatus == RecordStatus.PENDING || userStatus == RecordStatus.FAILED) {
            d.notes.add(Reasons.v5UserNotVerified(userStatus));
        }
        if (r.status() == RecordStatus.REPORT || userStatus == RecordStatus.REPORT) d.notes.add(Reasons.l2Note());
    }

    private ExtraFactorCheck factor(VerificationCase c, DecisionDraft d, IdentityRecord r) {
        Optional<ExtraFactor> given = c.extraFactor();
        if (given.isEmpty()) return ExtraFactorCheck.MISSING;
        ExtraFactor f = given.get();
        if (r != null && !f.kind().appliesTo(r.role())) {
            d.reasons.add(Reasons.v2FactorWrongKind(f.kind(), r.role()));
            return ExtraFactorCheck.MISSING;
        }
        if (f instanceof ExtraFactor.Given g && !g.kind().wellFormed(g.value())) return ExtraFactorCheck.MISSING;
        if (f instanceof ExtraFactor.CheckedAtCounter k) {
            return ExtraFactorCheck.of(k.matched() ? ExtraFactorCheck.Status.MATCHED : ExtraFactorCheck.Status.NOT_MATCHED, k.kind());
        }
        String expected = r == null || r.factors() == null ? null : r.factors().expected(f.kind());
        if (expected != null) {
            boolean ok = switch (f) {
                case ExtraFactor.Given g -> g.kind().normalise(g.value()).equals(g.kind().normalise(expected));
                case ExtraFactor.Hashed h -> ExtraFactorHash.matches(h, expected);
                case ExtraFactor.CheckedAtCounter k -> throw new AssertionError("handled above");
            };
            return ExtraFactorCheck.of(ok ? ExtraFactorCheck.Status.MATCHED : ExtraFactorCheck.Status.NOT_MATCHED, f.kind());
        }
        ExtraFactor.Hashed hashed = switch (f) {
            case ExtraFactor.Given g -> ExtraFactorHash.of(g, salts);
            case ExtraFactor.Hashed h -> h;
            case ExtraFactor.CheckedAtCounter k -> throw new AssertionError("handled above");
        };
        return new ExtraFactorCheck(ExtraFactorCheck.Status.DEFERRED, f.kind(), hashed.digest());
    }

    /** How a document compares with a record, field by field (added to the draft). */
    private record Match(Result result, boolean exact) {
        enum Result { SAME, DIFFERENT, UNDECIDED }
    }

    private Match compare(VerificationCase c, DecisionDraft d, DocumentRole role, PresentedIdentity shown, IdentityRecord r,
                              boolean nationality) {
        List<FieldComparison> out = new ArrayList<>();
        NameMatch name = names.compare(comparesByAltName(shown, r) ? shown.altName().value() : shown.name().value(),
                r.name().value());
        Match.Result result = Match.Result.SAME;
        List<String> rules = name.rules().isEmpty() ? List.of() : name.rules().stream().map(NameRule::id).toList();
        switch (name.outcome()) {
            case EXACT -> out.add(FieldComparison.equal(role, Field.NAME));
            case EQUIVALENT -> out.add(new FieldComparison(role, Field.NAME, FieldComparison.Result.EQUIVALENT, rules, NameMatch.NO_HINT));
            case MISMATCH -> {
                out.add(FieldComparison.different(role, Field.NAME, name.hint()));
                result = Match.Result.DIFFERENT;
            }
            case NEEDS_CLERK -> {
                ClerkNameDecision decision = c.clerkNameDecision().orElse(null);
                List<String> withClerk = new ArrayList<>(rules);
                withClerk.add(NameRule.CLERK.id());
                if (decision == ClerkNameDecision.ACCEPTED) {
                    out.add(new FieldComparison(role, Field.NAME, FieldComparison.Result.EQUIVALENT, withClerk, name.hint()));
                } else if (decision == ClerkNameDecision.REJECTED) {
                    out.add(new FieldComparison(role, Field.NAME, FieldComparison.Result.DIFFERENT, withClerk, Text.of("name.hint.CLERK_REJECTED")));
                    result = Match.Result.DIFFERENT;
                } else {
                    out.add(new FieldComparison(role, Field.NAME, FieldComparison.Result.CLERK, rules, name.hint()));
                    result = Match.Result.UNDECIDED;
                }
            }
        }
        if (shown.type() == r.documentType()) {
            out.add(FieldComparison.equal(role, Field.DOCUMENT_TYPE));
        } else {
            out.add(FieldComparison.different(role, Field.DOCUMENT_TYPE, Text.of("compare.TYPE_DIFFERS", r.documentType(), shown.type())));
            result = Match.Result.DIFFERENT;
        }
        boolean sameNumber = shown.sameNumber(r.documentNumber());
        if (sameNumber) {
            out.add(FieldComparison.equal(role, Field.DOCUMENT_NUMBER));
        } else {
            out.add(FieldComparison.different(role, Field.DOCUMENT_NUMBER, numberHint(shown.number(), r.documentNumber())));
            result = Match.Result.DIFFERENT;
        }
        if (nationality && !r.nationality().isEmpty()) {
            if (r.nationality().equalsIgnoreCase(shown.nationality())) {
                out.add(FieldComparison.equal(role, Field.NATIONALITY));
            } else {
                out.add(FieldComparison.different(role, Field.NATIONALITY, Text.of("compare.NATIONALITY_DIFFERS", r.nationality(), shown.nationality())));
                result = Match.Result.DIFFERENT;
            }
        }
        String shownName = comparesByAltName(shown, r) ? shown.altName().value() : shown.name().value();
        for (FieldComparison fc : out) d.comparisons.add(fc.with(switch (fc.field()) {
            case NAME -> new FieldComparison.Sides(shownName, r.name().value());
            case DOCUMENT_TYPE -> new FieldComparison.Sides(shown.type().name(), r.documentType().name());
            case DOCUMENT_NUMBER -> new FieldComparison.Sides(shown.number(), r.documentNumber());
            case NATIONALITY -> new FieldComparison.Sides(shown.nationality(), r.nationality());
        }));
        return new Match(result, name.outcome() == NameOutcome.EXACT && sameNumber && result == Match.Result.SAME);
    }

    /** Where two numbers first differ (1-based), so the clerk can point at it without reading it out. */
    private static Text numberHint(String card, String entered) {
        String a = DocumentNumbers.normalise(card);
        String b = DocumentNumbers.normalise(entered);
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) i++;
        if (a.length() != b.length() && i == Math.min(a.length(), b.length())) {
            return Text.of("compare.NUMBER_LENGTH", a.length(), b.length());
        }
        return Text.of("compare.NUMBER_FROM", i + 1);
    }

    /** The decision being built. */
    private static final class DecisionDraft {
        final VerificationCase c;
        final List<Reason> reasons = new ArrayList<>();
        final List<Reason> notes = new ArrayList<>();
        final List<FieldComparison> comparisons = new ArrayList<>();
        final Set<Missing> missing = EnumSet.noneOf(Missing.class);
        final List<StatusChange> changes = new ArrayList<>();
        ExtraFactorCheck factor = ExtraFactorCheck.NOT_REQUIRED;
        Set<SpecialName> special = Set.of();
        TicketServices services;
        boolean documentHandled;
        /** The refusal comes from the record alone (its status, type or flag): explained, not recorded (RD-1). */
        boolean byRecord;
        boolean factorShownByDocument;

        DecisionDraft(VerificationCase c) { this.c = c; }

        Decision end(Outcome outcome, Reason main) {
            reasons.addFirst(main);
            boolean recordable = switch (outcome) {
                case PASSED, PRE_PASSED, FAILED, CLAIM_RECORDED, PENDING_CENTRAL -> true;
                case REFUSED -> documentHandled && !byRecord;
                case NOTHING_TO_DO, WRONG_CASE, NEEDS_MORE, SERVICES -> false;
            };
            return new Decision(c.kind(), outcome, reasons, changes, missing, comparisons, factor, special, services,
                    notes, recordable);
        }

        Decision endByRecord(Outcome outcome, Reason main) {
            byRecord = true;
            return end(outcome, main);
        }

        Decision needs(Missing what, Reason why) {
            missing.add(what);
            return end(Outcome.NEEDS_MORE, why != null ? why : new Reason(ruleOf(what), Texts.key(what)));
        }

        private String ruleOf(Missing what) {
            return switch (what) {
                case EXTRA_FACTOR -> "V2";
                case CLERK_NAME_DECISION -> "N1";
                case WEBSITE_CORRECTION -> "V3";
                case SECOND_DOCUMENT -> c.kind() == CaseKind.PROXY ? "X1" : "L1";
                case ENTRY_FIELDS -> "P1";
                case DOCUMENT -> switch (c.kind()) {
                    case ON_SITE -> "V1";
                    case PROXY -> "X1";
                    case OVER_LIMIT_CONTACT -> "L1";
                    case PRE_VERIFICATION -> "P1";
                    case DUPLICATE_CLAIM -> "DUP1";
                    case TICKET_SERVICE -> "T1";
                };
                case RECORD -> "T1";
            };
        }
    }
}
