package org.ticketwindow.idcheck.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.ReaderEvent;
import org.ticketwindow.idcheck.store.QueuedResult;
import org.ticketwindow.idcheck.sync.CentralUnavailableException;
import org.ticketwindow.idcheck.sync.FoundRecord;
import org.ticketwindow.idcheck.sync.RecordBasis;
import org.ticketwindow.idcheck.sync.Recorder;
import org.ticketwindow.idcheck.verify.CaseKind;
import org.ticketwindow.idcheck.verify.CounterKind;
import org.ticketwindow.idcheck.verify.Decision;
import org.ticketwindow.idcheck.verify.DocumentEvidence;
import org.ticketwindow.idcheck.verify.DocumentRole;
import org.ticketwindow.idcheck.verify.FieldComparison;
import org.ticketwindow.idcheck.verify.Presented;
import org.ticketwindow.idcheck.verify.RecordRole;
import org.ticketwindow.idcheck.verify.VerificationCase;
import org.ticketwindow.idcheck.verify.VerificationRules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The verification workspace for the on-site case (本人核验): the reader's state and the clerk's next step, the card,
 * the records found online with a field-by-field comparison, the rules' decision, and recording it. Reader events
 * arrive on the reader's thread and are handed to the UI thread; lookups and recording run in the background. A
 * decision is recorded once (a second key press while recording, or after, does nothing), and personal data is
 * cleared from the screen as soon as the result is committed (PD3).
 */
public final class WorkspaceViewModel {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CounterKind counterKind;
    private final String clerkId;
    private final Recorder recorder;
    private final RecordLookup lookup;
    private final Runnable recorded;
    private final VerificationRules rules;
    private final Tasks tasks;
    private final Messages messages;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<ReaderState> readerState = new ReadOnlyObjectWrapper<>(ReaderState.WAITING);
    private final ReadOnlyStringWrapper readerMessage = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<CardData> card = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Row> comparison = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper recordsNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Decision> decision = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper passengerSentence = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper recordedMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canRecord = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private VerificationCase currentCase;
    private List<RecordBasis> basis = List.of();
    /** Bumped by every new card or clear, so a late lookup answer for an earlier card is dropped. */
    private long generation;

    /** One line of the comparison: the field, what the card says, what the record says, the result and the hint. */
    public record Row(String field, String result, String rules, String hint, FieldComparison.Result kind) {}

    public WorkspaceViewModel(CounterKind counterKind, String clerkId, Recorder recorder, RecordLookup lookup, Runnable recorded,
                              VerificationRules rules, Tasks tasks, Messages messages, Clock clock) {
        this.counterKind = counterKind;
        this.clerkId = clerkId;
        this.recorder = recorder;
        this.lookup = lookup;
        this.recorded = recorded;
        this.rules = rules;
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        readerMessage.set(messages.get(ReaderState.WAITING.key()));
    }

    public ReadOnlyObjectProperty<ReaderState> readerState() { return readerState.getReadOnlyProperty(); }
    public ReadOnlyStringProperty readerMessage() { return readerMessage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CardData> card() { return card.getReadOnlyProperty(); }
    public ObservableList<Row> comparison() { return comparison; }
    public ReadOnlyStringProperty recordsNote() { return recordsNote.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Decision> decision() { return decision.getReadOnlyProperty(); }
    public ReadOnlyStringProperty verdict() { return verdict.getReadOnlyProperty(); }
    /** One plain sentence for the passenger when the case is refused or fails. */
    public ReadOnlyStringProperty passengerSentence() { return passengerSentence.getReadOnlyProperty(); }
    public ReadOnlyStringProperty recordedMessage() { return recordedMessage.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canRecord() { return canRecord.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busy() { return busy.getReadOnlyProperty(); }

    /** From the reader's thread. */
    public void onReaderEvent(ReaderEvent event) { tasks.onUi(() -> handle(event)); }

    private void handle(ReaderEvent event) {
        switch (event) {
            case ReaderEvent.CardOutcome o -> cardOutcome(o.outcome());
            case ReaderEvent.CardRemoved r -> {
                if (readerState.get() == ReaderState.FAULT) return;
                if (decision.get() == null) clear(); // taken away before a decision: the case is gone (a decided one stays)
                setReader(ReaderState.WAITING, messages.get(ReaderState.WAITING.key()));
            }
            case ReaderEvent.Fault f -> setReader(ReaderState.FAULT, messages.pick(f.fault().clerkZh(), f.fault().clerkEn()));
            case ReaderEvent.Recovered r -> setReader(ReaderState.WAITING, messages.get(ReaderState.WAITING.key()));
        }
    }

    private void cardOutcome(ReadOutcome outcome) {
        if (busy.get()) return; // a result is being committed: the next card waits for it
        clear();
        recordedMessage.set("");
        switch (outcome) {
            case ReadOutcome.Read r -> {
                setReader(ReaderState.READ, messages.pick(r.clerkZh(), r.clerkEn()));
                card.set(r.card());
                lookUp(r.card());
            }
            case ReadOutcome.Refused r -> {
                setReader(ReaderState.REFUSED, messages.pick(r.clerkZh(), r.clerkEn()));
                card.set(r.card());
                decide(new Presented.Chip(r.card()), Optional.empty(), false);
            }
            case ReadOutcome.Unreadable u -> {
                setReader(ReaderState.REFUSED, messages.pick(u.clerkZh(), u.clerkEn()));
                decide(new Presented.Unreadable(u.detail()), Optional.empty(), false);
            }
            case ReadOutcome.DeviceFault f -> setReader(ReaderState.FAULT, messages.pick(f.clerkZh(), f.clerkEn()));
            case ReadOutcome.NoCard n -> setReader(ReaderState.WAITING, messages.get(ReaderState.WAITING.key()));
        }
    }

    private void lookUp(CardData c) {
        DocumentEvidence shown = DocumentEvidence.of(DocumentRole.HOLDER, new Presented.Chip(c));
        long asked = generation;
        recordsNote.set(messages.get("records.looking"));
        tasks.run(() -> {
            try {
                return Optional.of(lookup.lookup(shown.type(), shown.number()));
            } catch (CentralUnavailableException e) {
                return Optional.<List<FoundRecord>>empty();
            }
        }, found -> {
            if (asked != generation) return; // the card changed meanwhile
            if (found.isEmpty()) {
                recordsNote.set(messages.get("records.offline"));
                decide(new Presented.Chip(c), Optional.empty(), true);
                return;
            }
            Optional<FoundRecord> own = found.get().stream().filter(f -> f.record().role() == RecordRole.REGISTERED_USER).findFirst()
                    .or(() -> found.get().stream().findFirst());
            recordsNote.set(own.isEmpty() ? messages.get("records.none") : messages.get("records.found", found.get().size()));
            decide(new Presented.Chip(c), own, false);
        }, e -> recordsNote.set(messages.get("records.failed", e.getMessage())));
    }

    private void decide(Presented document, Optional<FoundRecord> record, boolean offline) {
        VerificationCase.Builder b = VerificationCase.builder(counterKind, CaseKind.ON_SITE, LocalDate.now(clock.withZone(CHINA)))
                .document(DocumentRole.HOLDER, document);
        record.ifPresent(f -> b.record(f.record()));
        currentCase = b.build();
        basis = record.map(f -> List.of(new RecordBasis(f.record().id(), f.version()))).orElse(List.of());
        Decision d = rules.decide(currentCase);
        decision.set(d);
        for (FieldComparison fc : d.comparisons()) {
            comparison.add(new Row(messages.pick(fc.field().zh(), fc.field().en()), messages.get("compare." + fc.result().name()),
                    String.join(" ", fc.rules()), messages.pick(fc.hintZh(), fc.hintEn()), fc.result()));
        }
        verdict.set(messages.pick(d.outcome().zh(), d.outcome().en()) + " — " + d.reason().rule() + " "
                + messages.pick(d.reason().zh(), d.reason().en()) + (offline ? "\n" + messages.get("records.offlineNote") : ""));
        boolean refusal = switch (d.outcome()) {
            case REFUSED, FAILED, WRONG_CASE -> true;
            default -> false;
        };
        passengerSentence.set(refusal ? messages.pick(d.reason().zh(), d.reason().en()) : "");
        canRecord.set(d.recordable());
    }

    /** The clerk confirms the decision: it is committed to the queue, then the screen forgets the passenger (PD3). */
    public void record() {
        if (!canRecord.get() || busy.get()) return; // double key press, or nothing to record
        canRecord.set(false);
        busy.set(true);
        VerificationCase c = currentCase;
        Decision d = decision.get();
        List<RecordBasis> b = basis;
        tasks.run(() -> recorder.record(clerkId, c, d, b), (QueuedResult q) -> {
            busy.set(false);
            clear();
            recordedMessage.set(messages.get("recorded", messages.pick(d.outcome().zh(), d.outcome().en()), q.id()));
            recorded.run();
        }, e -> {
            busy.set(false);
            canRecord.set(true); // nothing was recorded: the clerk may try again once the store is fixed
            recordedMessage.set(messages.get("record.failed", e.getMessage()));
        });
    }

    /** Esc: drop the case without recording (the card must be taken away and placed again). */
    public void cancel() {
        if (busy.get()) return;
        clear();
        recordedMessage.set("");
    }

    private void clear() {
        generation++;
        card.set(null);
        comparison.clear();
        recordsNote.set("");
        decision.set(null);
        verdict.set("");
        passengerSentence.set("");
        canRecord.set(false);
        currentCase = null;
        basis = List.of();
    }

    private void setReader(ReaderState s, String message) {
        readerState.set(s);
        readerMessage.set(message);
    }
}
