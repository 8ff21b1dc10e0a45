package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.identity.CardDefect;
import org.ticketwindow.idcheck.text.Text;

/**
 * The reasons of every rule, in one place so the console, the central and the CLI say the same thing: a rule id, the
 * key of one plain sentence a clerk can read out (its texts in {@code i18n/domain*.properties}) and its arguments;
 * none carries personal data.
 */
public final class Reasons {
    private Reasons() {}

    // Reasons without parameters are built once: a decision should not allocate its texts.
    private static final Reason D2_FIRST_GENERATION = new Reason("D2", "reason.D2_FIRST_GENERATION");
    private static final Reason V1_PASSED = new Reason("V1", "reason.V1_PASSED");
    private static final Reason V1_FAILED = new Reason("V1", "reason.V1_FAILED");
    private static final Reason V2_AGENCY = new Reason("V2", "reason.V2_AGENCY");
    private static final Reason V2_FACTOR_WRONG = new Reason("V2", "reason.V2_FACTOR_WRONG");
    private static final Reason V3_FAILED = new Reason("V3", "reason.V3_FAILED");
    private static final Reason P1_PASSED = new Reason("P1", "reason.P1_PASSED");
    private static final Reason P1_FAILED = new Reason("P1", "reason.P1_FAILED");
    private static final Reason P1_WRONG_CASE = new Reason("P1", "reason.P1_WRONG_CASE");
    private static final Reason P1_CHIP_WRONG_CASE = new Reason("V1", "reason.P1_CHIP_WRONG_CASE");
    private static final Reason P2_AGENCY = new Reason("P2", "reason.P2_AGENCY");
    private static final Reason P3_NOTE = new Reason("P3", "reason.P3_NOTE");
    private static final Reason X1_NEEDS = new Reason("X1", "reason.X1_NEEDS");
    private static final Reason X1_SAME_PERSON = new Reason("X1", "reason.X1_SAME_PERSON");
    private static final Reason X2_AGENCY = new Reason("X2", "reason.X2_AGENCY");
    private static final Reason X3_AGENCY = new Reason("X3", "reason.X3_AGENCY");
    private static final Reason X4_NO_PROXY = new Reason("X4", "reason.X4_NO_PROXY");
    private static final Reason L1_NOT_RID = new Reason("L1", "reason.L1_NOT_RID");
    private static final Reason L1_USER_DIFFERS = new Reason("L1", "reason.L1_USER_DIFFERS");
    private static final Reason L1_AGENCY = new Reason("L1", "reason.L1_AGENCY");
    private static final Reason L2_NOTE = new Reason("L2", "reason.L2_NOTE");
    private static final Reason DUP1_AGENCY = new Reason("DUP1", "reason.DUP1_AGENCY");
    private static final Reason DUP1_NOT_FLAGGED = new Reason("DUP1", "reason.DUP1_NOT_FLAGGED");
    private static final Reason DUP1_DOCUMENT_DIFFERS = new Reason("DUP1", "reason.DUP1_DOCUMENT_DIFFERS");
    private static final Reason DUP1_FLAGGED_AGENCY = new Reason("DUP1", "reason.DUP1_FLAGGED_AGENCY");
    private static final Reason DUP1_FLAGGED_PROXY = new Reason("DUP1", "reason.DUP1_FLAGGED_PROXY");
    private static final Reason DUP1_CONTACT = new Reason("DUP1", "reason.DUP1_CONTACT");
    private static final Reason DUP1_RECORDED = new Reason("DUP1", "reason.DUP1_RECORDED");
    private static final Reason C1_CHILD_WITHOUT_DOCUMENT = new Reason("C1", "reason.C1_CHILD_WITHOUT_DOCUMENT");
    private static final Reason E3_NOT_FOR_VERIFICATION = new Reason("E3", "reason.E3_NOT_FOR_VERIFICATION");
    private static final Reason E3_AGENCY_REFUSED = new Reason("E3", "reason.E3_AGENCY_REFUSED");
    private static final Reason E3_SERVICES = new Reason("E3", "reason.E3_SERVICES");
    private static final Reason E4_NOTE = new Reason("E4", "reason.E4_NOTE");
    private static final Reason E3_AGENCY_ADVICE = new Reason("E3", "reason.E3_AGENCY_ADVICE");
    private static final Reason E5_ADVICE = new Reason("E5", "reason.E5_ADVICE");
    private static final Reason T1 = new Reason("T1", "reason.T1");
    private static final Reason T2 = new Reason("T2", "reason.T2");
    private static final Reason T3 = new Reason("T3", "reason.T3");
    private static final Reason T4_REPORT = new Reason("T4", "reason.T4_REPORT");
    private static final Reason T4_FAILED = new Reason("T4", "reason.T4_FAILED");
    private static final Reason T5 = new Reason("T5", "reason.T5");
    private static final Reason TICKET_DOCUMENT_DIFFERS = new Reason("T1", "reason.TICKET_DOCUMENT_DIFFERS");
    private static final Reason PENDING_CENTRAL = new Reason("A1", "reason.PENDING_CENTRAL");
    private static final Reason FACTOR_DEFERRED = new Reason("V2", "reason.FACTOR_DEFERRED");


    // ---- documents ----

    public static Reason d1Expired(DocumentRole role, String until) {
        return new Reason("D1", "reason.D1_EXPIRED", role, until);
    }

    public static Reason d1NotYetValid(DocumentRole role, String from) {
        return new Reason("D1", "reason.D1_NOT_YET_VALID", role, from);
    }

    public static Reason d2FirstGeneration() { return D2_FIRST_GENERATION; }

    public static Reason d3Unreadable(DocumentRole role) {
        return new Reason("D3", "reason.D3_UNREADABLE", role);
    }

    public static Reason d4ManualEntry(DocumentType type) {
        return new Reason("D4", "reason.D4_MANUAL_ENTRY", type);
    }

    /** The suspect defects are rendered as a list in the reader's language. */
    public static Reason d5Suspect(DocumentRole role, java.util.List<CardDefect> defects) {
        return new Reason("D5", "reason.D5_SUSPECT", role, defects);
    }

    public static Reason entryIncomplete(Text problem) {
        return new Reason("P1", problem.key(), problem.args().toArray());
    }

    // ---- on-site verification ----

    public static Reason v1Passed() { return V1_PASSED; }

    public static Reason v1Failed() { return V1_FAILED; }

    public static Reason v2Agency() { return V2_AGENCY; }

    public static Reason v2FactorMissing(RecordRole role) {
        return role == RecordRole.CONTACT ? new Reason("V2", "reason.V2_FACTOR_MISSING_CONTACT")
                : role == RecordRole.REGISTERED_USER ? new Reason("V2", "reason.V2_FACTOR_MISSING_USER")
                : new Reason("V2", "reason.V2_FACTOR_MISSING");
    }

    public static Reason v2FactorWrong() { return V2_FACTOR_WRONG; }

    public static Reason v2FactorWrongKind(ExtraFactorKind given, RecordRole role) {
        return new Reason("V2", "reason.V2_FACTOR_WRONG_KIND", role, given);
    }

    public static Reason v3Failed() { return V3_FAILED; }

    public static Reason v4AlreadyVerified(RecordStatus s) {
        return new Reason("V4", "reason.V4_ALREADY_VERIFIED", s);
    }

    public static Reason v5UserNotVerified(RecordStatus s) {
        return new Reason("V5", "reason.V5_USER_NOT_VERIFIED", s);
    }

    // ---- passports and permits ----

    public static Reason p1Passed() { return P1_PASSED; }

    public static Reason p1Failed() { return P1_FAILED; }

    public static Reason p1WrongCase() { return P1_WRONG_CASE; }

    public static Reason p1ChipWrongCase() { return P1_CHIP_WRONG_CASE; }

    public static Reason p2Agency() { return P2_AGENCY; }

    public static Reason p3Note() { return P3_NOTE; }

    // ---- proxy ----

    public static Reason x1Needs() { return X1_NEEDS; }

    public static Reason x1SamePerson() { return X1_SAME_PERSON; }

    public static Reason x2Agency() { return X2_AGENCY; }

    public static Reason x3Agency() { return X3_AGENCY; }

    public static Reason x4NoProxy() { return X4_NO_PROXY; }

    // ---- over the contact limit ----

    public static Reason l1NotRid() { return L1_NOT_RID; }

    public static Reason l1NotOver(int counted, int limit) {
        return new Reason("L1", "reason.L1_NOT_OVER", counted, limit);
    }

    public static Reason l1UserDiffers() { return L1_USER_DIFFERS; }

    public static Reason l1Agency() { return L1_AGENCY; }

    public static Reason l2Note() { return L2_NOTE; }

    // ---- duplicate identity ----

    public static Reason dup1Agency() { return DUP1_AGENCY; }

    public static Reason dup1NotFlagged() { return DUP1_NOT_FLAGGED; }

    public static Reason dup1DocumentDiffers() { return DUP1_DOCUMENT_DIFFERS; }

    public static Reason dup1Recorded() { return DUP1_RECORDED; }

    public static Reason dup1FlaggedAgency() { return DUP1_FLAGGED_AGENCY; }

    public static Reason dup1FlaggedProxy() { return DUP1_FLAGGED_PROXY; }

    public static Reason dup1Contact() { return DUP1_CONTACT; }

    // ---- children ----

    public static Reason c1ChildWithoutDocument() { return C1_CHILD_WITHOUT_DOCUMENT; }

    // ---- electronic proof ----

    public static Reason e3NotForVerification() { return E3_NOT_FOR_VERIFICATION; }

    public static Reason e3AgencyRefused() { return E3_AGENCY_REFUSED; }

    public static Reason e3Services() { return E3_SERVICES; }

    public static Reason e4Note() { return E4_NOTE; }

    public static Reason e5Advice() { return E5_ADVICE; }

    public static Reason e3AgencyAdvice() { return E3_AGENCY_ADVICE; }

    // ---- ticket services ----

    public static Reason t1() { return T1; }

    public static Reason t2() { return T2; }

    public static Reason t3() { return T3; }

    public static Reason t4Report() { return T4_REPORT; }

    public static Reason t4Failed() { return T4_FAILED; }

    public static Reason t5() { return T5; }

    public static Reason refundOnly(RecordStatus s) {
        return new Reason("T1", "reason.REFUND_ONLY", s);
    }

    public static Reason ticketDocumentDiffers() { return TICKET_DOCUMENT_DIFFERS; }

    // ---- offline ----

    public static Reason pendingCentral() { return PENDING_CENTRAL; }

    public static Reason factorDeferred() { return FACTOR_DEFERRED; }
}
