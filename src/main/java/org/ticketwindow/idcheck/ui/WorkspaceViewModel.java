package org.ticketwindow.idcheck.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ticketwindow.idcheck.etp.EtpRefusal;
import org.ticketwindow.idcheck.etp.EtpVerdict;
import org.ticketwindow.idcheck.etp.EtpVerifier;
import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.RailwayTime;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.ReaderEvent;
import org.ticketwindow.idcheck.store.QueuedResult;
import org.ticketwindow.idcheck.sync.CentralUnavailableException;
import org.ticketwindow.idcheck.sync.Recorder;
import org.ticketwindow.idcheck.text.Texts;
import org.ticketwindow.idcheck.verify.CaseKind;
import org.ticketwindow.idcheck.verify.ClerkNameDecision;
import org.ticketwindow.idcheck.verify.CounterKind;
import org.ticketwindow.idcheck.verify.Decision;
import org.ticketwindow.idcheck.verify.DocumentEvidence;
import org.ticketwindow.idcheck.verify.DocumentRole;
import org.ticketwindow.idcheck.verify.EnteredDocument;
import org.ticketwindow.idcheck.verify.ExtraFactor;
import org.ticketwindow.idcheck.verify.ExtraFactorCheck;
import org.ticketwindow.idcheck.verify.ExtraFactorKind;
import org.ticketwindow.idcheck.verify.FieldComparison;
import org.ticketwindow.idcheck.verify.Missing;
import org.ticketwindow.idcheck.verify.Outcome;
import org.ticketwindow.idcheck.verify.Policy;
import org.ticketwindow.idcheck.verify.Presented;
import org.ticketwindow.idcheck.verify.RecordChoice;
import org.ticketwindow.idcheck.verify.TicketService;
import org.ticketwindow.idcheck.verify.VerificationCase;
import org.ticketwindow.idcheck.verify.VerificationRules;
import org.ticketwindow.idcheck.wire.FoundRecord;
import org.ticketwindow.idcheck.wire.RecordBasis;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The verification workspace: the case the clerk chose, its document slots (two for proxy and over-limit contact,
 * filled in order with a step indicator), the reader's state and the clerk's next step, the records found online with
 * a field-by-field comparison, the extra factor and the clerk's name decision when the rules ask for them, the rules'
 * decision, and recording it. Documents come from the reader, the pre-verification entry form, or the electronic
 * proof scanner. Reader events arrive on the reader's thread and are handed to the UI thread; lookups and recording
 * run in the background. A decision is recorded once (a second key press while recording, or after, does nothing),
 * and personal data is cleared from the screen as soon as the result is committed (PD3).
 */
public final class WorkspaceViewModel {
    /** Which record a case decides: the central chooses the same way (RecordChoice). */
    private static final RecordChoice<FoundRecord> CHOICE = new RecordChoice<>(FoundRecord::record, FoundRecord::registeredUser);

    private final CounterKind counterKind;
    private final Policy policy;
    private final String clerkId;
    private final Recorder recorder;
    private final RecordLookup lookup;
    private final Runnable recorded;
    private final VerificationRules rules;
    private final Optional<EtpVerifier> proofs;
    private final Tasks tasks;
    private Messages messages;
    /** What each shown text is made of: run again in the new language on F2 (the case and the reader stay as they are). */
    private final Map<Object, Runnable> renders = new java.util.IdentityHashMap<>(); // by identity: a list's equality changes with it
    private final Clock clock;

    private final ReadOnlyObjectWrapper<CaseKind> caseKind = new ReadOnlyObjectWrapper<>(CaseKind.ON_SITE);
    private final ObservableList<Slot> slots = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ReaderState> readerState = new ReadOnlyObjectWrapper<>(ReaderState.WAITING);
    private final ReadOnlyStringWrapper readerMessage = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<CardData> card = new ReadOnlyObjectWrapper<>();
    /** Every card read in this case, by slot, with its photo once decoded (the centre panel shows them side by side). */
    private final javafx.collections.ObservableList<ShownDocument> shownDocuments = javafx.collections.FXCollections.observableArrayList();
    private org.ticketwindow.idcheck.photo.PhotoService photos;
    /** Counts the cases opened: a photo decoded for an earlier passenger is wiped, not shown. */
    private long passenger;
    private final ObservableList<Row> comparison = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper recordsNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Decision> decision = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper passengerSentence = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper recordedMessage = new ReadOnlyStringWrapper("");
    private final ObservableList<ExtraFactorKind> factorKinds = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper needsNameDecision = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper proofMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canRecord = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private final Map<DocumentRole, Presented> documents = new EnumMap<>(DocumentRole.class);
    private FoundRecord found;
    private boolean offline;
    private ExtraFactor extraFactor;
    private ClerkNameDecision nameDecision;
    private VerificationCase currentCase;
    /** Bumped by every new case, document or clear, so a late lookup answer for an earlier document is dropped. */
    private long generation;

    /** One line of the comparison: the field, what the card says, what the record says, the result and the hint. */
    /** One comparison row: the field (and whose document), both values as the clerk reads them, the result and why. */
    public record Row(String field, String onDocument, String onRecord, String result, String rules, String hint,
                      FieldComparison.Result kind) {
        @Override public String toString() { return "Row[" + field + " " + kind + "]"; } // values are personal data (PD1)
    }

    /**
     * A document slot of the case: its role, what fills it (empty until filled), whether it is the next to fill, and
     * whether what fills it is a card that could not be read (refused, D3: not a ✔).
     */
    public record Slot(DocumentRole role, String label, String filledWith, boolean next, boolean unreadable) {
        public boolean filled() { return !filledWith.isEmpty(); }
    }

    public WorkspaceViewModel(CounterKind counterKind, Policy policy, String clerkId, Recorder recorder, RecordLookup lookup, Runnable recorded,
                              VerificationRules rules, Optional<EtpVerifier> proofs, Tasks tasks, Messages messages, Clock clock) {
        this.counterKind = counterKind;
        this.policy = policy;
        this.clerkId = clerkId;
        this.recorder = recorder;
        this.lookup = lookup;
        this.recorded = recorded;
        this.rules = rules;
        this.proofs = proofs;
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        show(readerMessage, () -> messages.get("reader.placeCard"));
        refreshSlots();
    }

    public ReadOnlyObjectProperty<CaseKind> caseKind() { return caseKind.getReadOnlyProperty(); }
    public ObservableList<Slot> slots() { return slots; }
    /** The step indicator of a two-document case ("第 1/2 步 …"); empty for one-document cases. */
    public ReadOnlyStringProperty step() { return step.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ReaderState> readerState() { return readerState.getReadOnlyProperty(); }
    public ReadOnlyStringProperty readerMessage() { return readerMessage.getReadOnlyProperty(); }
    /**
     * A card read for one slot of the case, and its chip photo: null while it is being decoded, then the photo or the
     * reason it is not shown. The photo lives only while the case is open (PD3): it is wiped when the case closes.
     */
    public record ShownDocument(DocumentRole role, CardData card, org.ticketwindow.idcheck.photo.PhotoResult photo) {}

    /** The cards of this case in slot order (two side by side in the proxy and over-limit cases). */
    public javafx.collections.ObservableList<ShownDocument> shownDocuments() { return shownDocuments; }

    /** Where card photos are decoded (the profile's decoder, or training portraits); without it none is. */
    public void usePhotos(org.ticketwindow.idcheck.photo.PhotoService service) { photos = service; }

    /** The last card read in this case (the centre panel). */
    public ReadOnlyObjectProperty<CardData> card() { return card.getReadOnlyProperty(); }
    public ObservableList<Row> comparison() { return comparison; }
    public ReadOnlyStringProperty recordsNote() { return recordsNote.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Decision> decision() { return decision.getReadOnlyProperty(); }
    public ReadOnlyStringProperty verdict() { return verdict.getReadOnlyProperty(); }
    /** One plain sentence for the passenger when the case is refused or fails. */
    public ReadOnlyStringProperty passengerSentence() { return passengerSentence.getReadOnlyProperty(); }
    public ReadOnlyStringProperty recordedMessage() { return recordedMessage.getReadOnlyProperty(); }
    /** The extra factors the passenger may give (V2); empty when none is asked for. */
    public ObservableList<ExtraFactorKind> factorKinds() { return factorKinds; }
    /** The rules cannot decide the name (N1): the clerk looks at the document and accepts or rejects. */
    public ReadOnlyBooleanProperty needsNameDecision() { return needsNameDecision.getReadOnlyProperty(); }
    /** The electronic proof's verdict (accepted, or refused with the reason and E5 advice). */
    public ReadOnlyStringProperty proofMessage() { return proofMessage.getReadOnlyProperty(); }
    /** Technical details of the last fault or failure (reader status code, the central's error): behind a toggle. */
    public ReadOnlyStringProperty details() { return details.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canRecord() { return canRecord.getReadOnlyProperty(); }
    /**
     * Counts the times the screen forgot a passenger (recorded, Esc, another case, the card taken away undecided): the
     * view then empties what it holds of them too (the F8 form, the scanner field).
     */
    public javafx.beans.property.ReadOnlyIntegerProperty screensCleared() { return screensCleared.getReadOnlyProperty(); }
    private final javafx.beans.property.ReadOnlyIntegerWrapper screensCleared = new javafx.beans.property.ReadOnlyIntegerWrapper(0);
    public ReadOnlyBooleanProperty busy() { return busy.getReadOnlyProperty(); }

    /** Why {@code kind} is never handled at this counter (an agency: P2, DUP1), in the UI's language; empty when it is. */
    public Optional<String> notHandledHere(CaseKind kind) {
        return counterKind.refuses(kind).map(messages::of);
    }

    /**
     * Whether choosing {@code kind} now would drop a finished decision the clerk has not recorded (the screen asks
     * first). Choosing the case already open drops nothing.
     */
    public boolean wouldDropDecision(CaseKind kind) {
        return kind != caseKind.get() && hasUnrecordedDecision();
    }

    /** A decision is on screen and not recorded: leaving the workspace or logging out would drop it. */
    public boolean hasUnrecordedDecision() {
        return canRecord.get() && !busy.get();
    }

    /** The clerk chooses a case (button or function key): whatever was on screen is dropped unrecorded. */
    public void selectCase(CaseKind kind) {
        if (busy.get()) return;
        caseKind.set(kind);
        clear();
        show(recordedMessage, () -> "");
    }

    /** No reader is configured or it cannot be opened: the clerk is told, and nothing can be read. */
    public void readerAbsent() { setReader(ReaderState.NO_READER, () -> messages.get("reader.noneNext")); }

    /** From the reader's thread. */
    public void onReaderEvent(ReaderEvent event) { tasks.onUi(() -> handle(event)); }

    private void handle(ReaderEvent event) {
        switch (event) {
            case ReaderEvent.CardOutcome o -> cardOutcome(o.outcome());
            case ReaderEvent.Reading r -> { if (!busy.get()) setReader(ReaderState.READING, () -> messages.get("reader.keepStill")); }
            case ReaderEvent.CardRemoved r -> {
                if (readerState.get() == ReaderState.FAULT) return;
                // taken away before a decision in a one-document case: that case is gone (a decided one stays, and a
                // two-document case keeps its first document while the clerk swaps cards)
                if (decision.get() == null && caseKind.get().documentRoles().size() == 1) clear();
                setReader(ReaderState.WAITING, () -> nextStep());
            }
            case ReaderEvent.Fault f -> {
                setReader(ReaderState.FAULT, () -> messages.of(f.fault().clerk()));
                show(details, () -> fault(f.fault()));
            }
            case ReaderEvent.Recovered r -> {
                setReader(ReaderState.WAITING, () -> nextStep());
                show(details, () -> "");
            }
        }
    }

    private void cardOutcome(ReadOutcome outcome) {
        if (busy.get()) return; // a result is being committed: the next card waits for it
        show(recordedMessage, () -> "");
        switch (outcome) {
            case ReadOutcome.Read r -> {
                show(details, () -> "");
                setReader(ReaderState.READ, () -> messages.of(r.clerk()));
                present(new Presented.Chip(r.card()), r.card());
            }
            case ReadOutcome.Refused r -> {
                setReader(ReaderState.REFUSED, () -> messages.of(r.clerk()));
                present(new Presented.Chip(r.card()), r.card());
            }
            case ReadOutcome.Unreadable u -> {
                setReader(ReaderState.REFUSED, () -> messages.of(u.clerk()));
                present(new Presented.Unreadable(u.detail()), null);
                show(details, () -> messages.get("details.unreadable", u.lastStatus().map(st -> messages.of(st) + " " + st.hex()).orElse(""), u.attempts(), u.detail()));
            }
            case ReadOutcome.DeviceFault f -> {
                setReader(ReaderState.FAULT, () -> messages.of(f.clerk()));
                show(details, () -> fault(f));
            }
            case ReadOutcome.NoCard n -> setReader(ReaderState.WAITING, () -> n.removedDuringRead() ? messages.of(n.clerk()) : nextStep());
        }
    }

    /** A passport or permit from the entry form (P1), for the next slot. */
    public void presentEntered(EnteredDocument document) {
        if (busy.get()) return;
        show(recordedMessage, () -> "");
        present(new Presented.Entered(document), null);
    }

    /**
     * Text from the QR scanner (a keyboard wedge) or decoded from an image: an electronic temporary proof. Accepted, it
     * fills the holder slot (the rules then give the ticket services, or refuse it for an account verification: E3);
     * refused, the clerk sees why and the passenger the E5 advice.
     */
    public void scanProof(String text) {
        if (busy.get()) return;
        show(recordedMessage, () -> "");
        if (proofs.isEmpty()) {
            show(proofMessage, () -> messages.get("proof.noTrustList"));
            return;
        }
        switch (proofs.get().verify(text == null ? "" : text.strip(), clock.instant())) {
            case EtpVerdict.Accepted a -> {
                // whose proof it is and how long it holds: the clerk compares the person and the times (E2)
                java.time.format.DateTimeFormatter at = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(RailwayTime.ZONE);
                show(proofMessage, () -> messages.get("proof.accepted") + "\n" + messages.get("proof.whose", a.proof().name().value(),
                        a.proof().idNumber().masked(), at.format(a.proof().issuedAt()), at.format(a.proof().validUntil())));
                clearCase();
                present(new Presented.Proof(a.proof()), null);
            }
            case EtpVerdict.Refused r -> {
                clearCase();
                show(proofMessage, () -> messages.get("proof.refused", messages.of(r.reason())));
                show(details, () -> messages.get("details.proof", r.reason().name()));
                // the police desk for a proof refused as such (E5); a code to refresh, a scan to repeat: that alone; the
                // counter's clock ahead: nothing for the passenger (the clerk reads it above)
                show(passengerSentence, () -> r.reason().sendsToPoliceDesk()
                        ? messages.get("proof.passenger", messages.of(r.reason()), messages.get("etp.ADVICE"))
                        : r.reason() == EtpRefusal.ISSUED_IN_FUTURE ? "" : messages.get("proof.passengerAgain", messages.of(r.reason())));
            }
        }
    }

    /** A QR code in an image file (a photo of the passenger's screen): decoded in the background, then as scanned. */
    public void scanProofImage(java.nio.file.Path file) {
        if (busy.get()) return;
        tasks.run(() -> org.ticketwindow.idcheck.etp.QrCodes.decode(file),
                text -> text.ifPresentOrElse(this::scanProof, () -> show(proofMessage, () -> messages.get("proof.noCode"))),
                e -> show(proofMessage, () -> messages.get("proof.imageFailed", e.getMessage())));
    }

    /** Fills the next empty slot; when every slot is filled, looks up the record and decides. */
    private void present(Presented document, CardData shown) {
        List<DocumentRole> roles = caseKind.get().documentRoles();
        if (decision.get() != null || documents.size() == roles.size()) clearCase(); // a new passenger (or a restart)
        DocumentRole slot = roles.stream().filter(r -> !documents.containsKey(r)).findFirst().orElseThrow();
        documents.put(slot, document);
        if (shown != null) card.set(shown);
        refreshSlots();
        generation++;
        if (shown != null) show(slot, shown);
        if (documents.size() < roles.size()) {
            if (document instanceof Presented.Unreadable) { decideNow(); return; } // D3 ends the case at once
            show(readerMessage, () -> nextStep());
            return;
        }
        DocumentRole subject = caseKind.get().subject();
        Presented looked = documents.get(subject);
        DocumentEvidence e = DocumentEvidence.of(subject, looked);
        if (looked instanceof Presented.Unreadable || looked instanceof Presented.Proof || e.number().isEmpty()) {
            decideNow(); // nothing to look up: the rules refuse or answer from the document alone
            return;
        }
        lookUp(e);
    }

    /** Shows the card for its slot at once, and its photo when the decoder answers (if the case is still the same). */
    private void show(DocumentRole slot, CardData shown) {
        shownDocuments.add(new ShownDocument(slot, shown, null));
        if (photos == null) {
            replacePhoto(slot, shown, org.ticketwindow.idcheck.photo.PhotoResult.not(
                    org.ticketwindow.idcheck.photo.PhotoProblem.NOT_CONFIGURED, "no photo service"));
            return;
        }
        long asked = passenger;
        photos.decode(shown.photo()).thenAccept(result -> tasks.onUi(() -> {
            if (asked == passenger) replacePhoto(slot, shown, result);
            else wipe(result); // the passenger is gone: nothing of them stays (PD3)
        }));
    }

    private void replacePhoto(DocumentRole slot, CardData shown, org.ticketwindow.idcheck.photo.PhotoResult result) {
        for (int i = 0; i < shownDocuments.size(); i++) {
            ShownDocument d = shownDocuments.get(i);
            if (d.role() == slot && d.card() == shown) {
                shownDocuments.set(i, new ShownDocument(slot, shown, result));
                return;
            }
        }
        wipe(result);
    }

    private static void wipe(org.ticketwindow.idcheck.photo.PhotoResult result) {
        if (result instanceof org.ticketwindow.idcheck.photo.PhotoResult.Decoded d) d.photo().wipe();
    }

    private void lookUp(DocumentEvidence shown) {
        long asked = generation;
        show(recordsNote, () -> messages.get("records.looking"));
        tasks.run(() -> {
            try {
                return Optional.of(lookup.lookup(shown.type(), shown.number()));
            } catch (CentralUnavailableException e) {
                tasks.onUi(() -> show(details, () -> messages.get("details.lookup", e.getMessage())));
                return Optional.<List<FoundRecord>>empty();
            }
        }, answer -> {
            if (asked != generation) return; // the case changed meanwhile
            offline = answer.isEmpty();
            if (offline) {
                show(recordsNote, () -> messages.get("records.offline"));
            } else {
                found = choose(answer.get()).orElse(null);
                show(recordsNote, () -> found == null ? messages.get("records.none") : messages.get("records.found", answer.get().size()));
            }
            decideNow();
        }, e -> {
            show(recordsNote, () -> messages.get("records.failed"));
            show(details, () -> messages.get("details.lookup", e));
        });
    }

    /** Which of the records carrying the document the case is about (the same choice the central makes). */
    private Optional<FoundRecord> choose(List<FoundRecord> records) {
        Presented user = documents.get(DocumentRole.REGISTERED_USER);
        String userNumber = user == null ? "" : DocumentEvidence.of(DocumentRole.REGISTERED_USER, user).number();
        return CHOICE.choose(caseKind.get(), records, userNumber);
    }

    /** A compared value as the clerk reads it: a document type by its name in the UI's language. */
    private String shownValue(org.ticketwindow.idcheck.verify.Field field, String value) {
        if (field != org.ticketwindow.idcheck.verify.Field.DOCUMENT_TYPE || value.isEmpty()) return value;
        var t = org.ticketwindow.idcheck.verify.DocumentType.valueOf(value);
        return messages.of(t);
    }

    private void decideNow() {
        VerificationCase.Builder b = VerificationCase.builder(counterKind, caseKind.get(), LocalDate.now(clock.withZone(RailwayTime.ZONE)));
        documents.forEach(b::document);
        b.policy(policy);
        if (found != null) {
            b.record(found.record()).registeredUser(found.registeredUser()).countedContacts(found.countedContacts());
        }
        b.extraFactor(extraFactor).extraFactorAttempts(factorAttempts).clerkNameDecision(nameDecision); // recorded (RD-42)
        currentCase = b.build();
        Decision d = rules.decide(currentCase);
        decision.set(d);
        boolean off = offline;
        renders.remove(verdict); // the decision's render sets them from now on
        renders.remove(passengerSentence);
        show(comparison, () -> renderDecision(d, off));
        factorKinds.setAll(d.missing().contains(Missing.EXTRA_FACTOR) ? factorKindsFor() : List.of());
        needsNameDecision.set(d.missing().contains(Missing.CLERK_NAME_DECISION));
        canRecord.set(d.recordable());
    }

    private String services(java.util.Set<TicketService> services) {
        if (services.isEmpty()) return messages.get("services.none");
        return messages.get("services.here", Arrays.stream(TicketService.values()).filter(services::contains)
                .map(s -> messages.of(s)).collect(Collectors.joining(messages.english() ? ", " : "、")));
    }

    /** Registered users give phone or e-mail, contacts the registered user's ID number; offline, any of them. */
    private List<ExtraFactorKind> factorKindsFor() {
        return Arrays.stream(ExtraFactorKind.values()).filter(k -> found == null || k.appliesTo(found.record().role())).toList();
    }

    /** How many times the passenger may give the extra factor before a mismatch stands (a typo is forgiven twice). */
    public static final int FACTOR_ATTEMPTS = 3;

    /**
     * The passenger gave the extra factor (V2): the case is decided again with it. Only the check result is kept, with
     * how many values were given (RD-42; never the values, PD1). A value of the wrong shape (too short) is not checked,
     * not counted, and says so; a mismatch may be given again up to {@link #FACTOR_ATTEMPTS} times, then the refusal
     * stands; a match says it was checked.
     */
    public void giveExtraFactor(ExtraFactorKind kind, String value) {
        if (currentCase == null || busy.get() || kind == null || value == null || value.isBlank()) return;
        if (factorAttempts >= FACTOR_ATTEMPTS) return; // the attempts are used up: the refusal stands
        if (!kind.wellFormed(value)) {
            show(factorMessage, () -> messages.get("factor.malformed", messages.of(kind)));
            return;
        }
        factorAttempts++;
        extraFactor = new ExtraFactor.Given(kind, value);
        decideNow();
        ExtraFactorCheck.Status checked = decision.get().extraFactor() == null ? null : decision.get().extraFactor().status();
        int attempt = factorAttempts;
        if (checked == ExtraFactorCheck.Status.NOT_MATCHED && attempt < FACTOR_ATTEMPTS) {
            factorKinds.setAll(factorKindsFor()); // the passenger may try again: the refusal stands only after the last
        }
        // drawn again in the other language on F2, like every text of the workspace
        if (checked != null) show(factorMessage, () -> switch (checked) {
            case NOT_MATCHED -> attempt < FACTOR_ATTEMPTS ? messages.get("factor.retry", attempt, FACTOR_ATTEMPTS)
                    : messages.get("factor.exhausted", FACTOR_ATTEMPTS);
            case MATCHED -> messages.get("factor.matched");
            case DEFERRED -> messages.get("factor.deferred");
            default -> "";
        });
    }

    /** What became of the extra factor given: checked, mismatched (with the attempts left), of the wrong shape. */
    public ReadOnlyStringProperty factorMessage() { return factorMessage.getReadOnlyProperty(); }
    private final javafx.beans.property.ReadOnlyStringWrapper factorMessage = new javafx.beans.property.ReadOnlyStringWrapper("");
    private int factorAttempts;

    /** The clerk looked at the name on the document and decided (N1): decided again with it, and recorded with it. */
    public void decideName(ClerkNameDecision d) {
        if (currentCase == null || busy.get()) return;
        nameDecision = d;
        decideNow();
    }

    /** The clerk confirms the decision: it is committed to the queue, then the screen forgets the passenger (PD3). */
    public void record() {
        if (!canRecord.get() || busy.get()) return; // double key press, or nothing to record
        canRecord.set(false);
        busy.set(true);
        VerificationCase c = currentCase;
        Decision d = decision.get();
        List<RecordBasis> b = found == null ? List.of() : List.of(new RecordBasis(found.record().id(), found.version()));
        tasks.run(() -> recorder.record(clerkId, c, d, b), (QueuedResult q) -> {
            busy.set(false);
            clear();
            // a result for the central to decide: "已记录，待中心处理…", not "已记录：交中心核验…"
            show(recordedMessage, () -> d.outcome() == Outcome.PENDING_CENTRAL ? messages.get("recorded.pending", q.id())
                    : messages.get("recorded", messages.of(d.outcome()), q.id()));
            recorded.run();
        }, e -> {
            busy.set(false);
            canRecord.set(true); // nothing was recorded: the clerk may try again once the store is fixed
            show(recordedMessage, () -> messages.get("record.failed"));
            show(details, () -> messages.get("details.record", e));
        });
    }

    /** Esc: drop the case without recording (the card must be taken away and placed again). */
    public void cancel() {
        if (busy.get()) return;
        boolean dropped = !documents.isEmpty() || decision.get() != null;
        clear();
        show(recordedMessage, () -> dropped ? messages.get("cancel.dropped") : "");
    }

    private void clear() {
        clearCase();
        screensCleared.set(screensCleared.get() + 1);
        show(details, () -> ""); // an earlier passenger's refusal detail is theirs (PD3)
        show(proofMessage, () -> "");
        show(passengerSentence, () -> "");
        // the card just handled is still on the reader: it is read again only once taken away (the heading still says
        // how it was read; "place the card" under "card read" read as a contradiction)
        boolean cardOnReader = readerState.get() == ReaderState.READ || readerState.get() == ReaderState.REFUSED;
        if (readerState.get() != ReaderState.FAULT) show(readerMessage, () -> cardOnReader ? messages.get("reader.takeAway") : nextStep());
    }

    /** Forgets the documents, the record and the decision (PD3); the chosen case stays. */
    private void clearCase() {
        generation++;
        passenger++;
        documents.clear();
        found = null;
        offline = false;
        extraFactor = null;
        factorAttempts = 0;
        show(factorMessage, () -> "");
        nameDecision = null;
        card.set(null);
        for (ShownDocument d : shownDocuments) if (d.photo() != null) wipe(d.photo());
        shownDocuments.clear();
        renders.remove(comparison); // the decision's texts go with it
        comparison.clear();
        show(recordsNote, () -> "");
        decision.set(null);
        show(verdict, () -> "");
        show(passengerSentence, () -> "");
        factorKinds.clear();
        needsNameDecision.set(false);
        canRecord.set(false);
        currentCase = null;
        refreshSlots();
    }

    /** The decision's texts in the clerk's language: the comparison rows, the conclusion and the passenger's sentence. */
    private void renderDecision(Decision d, boolean offline) {
        comparison.clear();
        for (FieldComparison fc : d.comparisons()) {
            // in a two-document case each row says whose document it is (委托人 · 姓名)
            String whose = caseKind.get().documentRoles().size() > 1
                    ? messages.get(Texts.key(fc.role()) + ".whose") + " · " : "";
            comparison.add(new Row(whose + messages.of(fc.field()),
                    shownValue(fc.field(), fc.sides().onDocument()), shownValue(fc.field(), fc.sides().onRecord()),
                    messages.get("compare." + fc.result().name()), String.join(" ", fc.rules()),
                    messages.of(fc.hint()), fc.result()));
        }
        boolean refusal = switch (d.outcome()) {
            case REFUSED, FAILED, WRONG_CASE -> true;
            default -> false;
        };
        // a refusal's sentence is said once, in red for the passenger; the conclusion keeps the rule beside the outcome
        StringBuilder v = new StringBuilder(messages.of(d.outcome())).append(" — ").append(d.reason().rule());
        if (!refusal) v.append(' ').append(messages.of(d.reason()));
        for (Missing m : d.missing()) v.append('\n').append("· ").append(messages.of(m));
        d.services().ifPresent(s -> v.append('\n').append(services(s.here())).append(s.stationWindowOnly().isEmpty() ? ""
                : "\n" + messages.get("services.stationOnly", services(s.stationWindowOnly()))));
        for (var n : d.notes()) v.append('\n').append("· ").append(n.rule()).append(' ').append(messages.of(n));
        if (offline) v.append('\n').append(messages.get("records.offlineNote"));
        verdict.set(v.toString());
        passengerSentence.set(refusal ? messages.of(d.reason()) : "");
    }

    /** F2: every text again in {@code next}'s language, from what is shown (nothing is read, looked up or decided again). */
    public void language(Messages next) {
        messages = next;
        renders.values().forEach(Runnable::run);
        refreshSlots();
    }

    /** Shows a text and remembers how it is made, so a language switch renders it again. */
    private void show(ReadOnlyStringWrapper text, Supplier<String> made) { show((Object) text, () -> text.set(made.get())); }

    private void show(Object target, Runnable render) {
        renders.put(target, render);
        render.run();
    }

    private void refreshSlots() {
        List<DocumentRole> roles = caseKind.get().documentRoles();
        DocumentRole next = roles.stream().filter(r -> !documents.containsKey(r)).findFirst().orElse(null);
        slots.setAll(roles.stream().map(r -> new Slot(r, messages.of(r), filledWith(documents.get(r)), r == next,
                documents.get(r) instanceof Presented.Unreadable)).toList());
        if (roles.size() < 2) {
            show(step, () -> "");
        } else {
            int at = next == null ? roles.size() : roles.indexOf(next) + 1;
            // a card that could not be read ends the case (D3): not "both documents read"
            DocumentRole unreadable = roles.stream().filter(r -> documents.get(r) instanceof Presented.Unreadable).findFirst().orElse(null);
            show(step, () -> unreadable != null ? messages.get("step.unreadable", messages.of(unreadable))
                    : next == null ? messages.get("step.done")
                    : messages.get("step.of", at, roles.size(), messages.of(next)));
        }
    }

    private String filledWith(Presented p) {
        if (p == null) return "";
        DocumentEvidence e = DocumentEvidence.of(DocumentRole.HOLDER, p);
        if (e.source() == DocumentEvidence.Source.UNREADABLE) return messages.get("slot.unreadable");
        return messages.of(e.type()) + " · " + e.name().value();
    }

    /** What the clerk does next: place the card for the next slot (by name in a two-document case). */
    private String nextStep() {
        List<DocumentRole> roles = caseKind.get().documentRoles();
        if (roles.size() == 1 || decision.get() != null) return messages.get("reader.placeCard");
        DocumentRole next = roles.stream().filter(r -> !documents.containsKey(r)).findFirst().orElse(roles.getFirst());
        // "take the previous card away" only while it is still on the reader (not for the first, nor once it is off)
        boolean previousOnReader = !documents.isEmpty() && readerState.get() == ReaderState.READ;
        return messages.get(previousOnReader ? "reader.swapFor" : "reader.placeFor", messages.of(next));
    }

    /** The fault in the clerk's words with its code beside it: "读卡器无响应（超时）（TIMEOUT 0x…）：detail". */
    private String fault(ReadOutcome.DeviceFault f) {
        return messages.get("details.fault", messages.of(f.kind()), f.kind() + f.status().map(st -> " " + st.hex()).orElse(""), f.detail());
    }

    private void setReader(ReaderState s, Supplier<String> message) {
        readerState.set(s);
        show(readerMessage, message);
    }
}
