package org.ticketwindow.idcheck.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.identity.RailwayTime;
import org.ticketwindow.idcheck.text.Text;
import org.ticketwindow.idcheck.verify.DocumentType;
import org.ticketwindow.idcheck.verify.EnteredDocument;
import org.ticketwindow.idcheck.verify.Mrz;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pre-verification entry form (P1): passport, HKMO or TW permit typed by the clerk, or a passport filled from its
 * machine-readable zone by a keyboard-wedge scanner. Validated as the clerk types; the problems list says what is still
 * wrong, field by field, and {@link #document()} is present only when there is none.
 */
public final class EntryFormViewModel {
    /** The documents a clerk enters by hand (the others are read from a chip). */
    public static final List<DocumentType> TYPES = List.of(DocumentType.PASSPORT, DocumentType.HKMO_PERMIT, DocumentType.TW_PERMIT);

    /** The language its problems and the scan's answer are said in: another after F2 (language). */
    private Messages messages;
    private final Clock clock;
    private final ObjectProperty<DocumentType> type = new SimpleObjectProperty<>(DocumentType.PASSPORT);
    private final StringProperty number = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty nationality = new SimpleStringProperty("");
    private final StringProperty birthDate = new SimpleStringProperty("");
    private final StringProperty validUntil = new SimpleStringProperty("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper mrzMessage = new ReadOnlyStringWrapper("");
    /** The last scan's answer in no language (none: no scan since the form was cleared), said again after F2. */
    private Optional<Text> mrzAnswer = Optional.empty();
    private EnteredDocument.Source source = EnteredDocument.Source.KEYBOARD;
    private boolean filling;
    /** Nothing typed or scanned yet: no problems are shown (a new form is not an error). */
    private boolean untouched = true;

    public EntryFormViewModel(Messages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
        for (var p : List.of(number, name, nationality, birthDate, validUntil)) p.addListener((o, was, now) -> edited());
        type.addListener((o, was, now) -> edited());
        validate();
    }

    public ObjectProperty<DocumentType> type() { return type; }
    public StringProperty number() { return number; }
    public StringProperty name() { return name; }
    public StringProperty nationality() { return nationality; }
    /** yyyy-MM-dd, optional. */
    public StringProperty birthDate() { return birthDate; }
    /** yyyy-MM-dd. */
    public StringProperty validUntil() { return validUntil; }
    public ObservableList<String> problems() { return problems; }
    public ReadOnlyBooleanProperty complete() { return complete.getReadOnlyProperty(); }
    public ReadOnlyStringProperty mrzMessage() { return mrzMessage.getReadOnlyProperty(); }

    /** The scanner typed a passport's machine-readable zone: the form is filled from it, or says why it cannot be. */
    public void scanMrz(String text) {
        try {
            EnteredDocument d = Mrz.parsePassport(text, LocalDate.now(clock.withZone(RailwayTime.ZONE)));
            filling = true;
            type.set(d.type());
            number.set(d.number());
            name.set(d.name().value());
            nationality.set(d.nationality());
            birthDate.set(d.birthDate() == null ? "" : d.birthDate().toString());
            validUntil.set(d.validUntil() == null ? "" : d.validUntil().toString());
            filling = false;
            source = EnteredDocument.Source.MRZ;
            untouched = false;
            answer(Text.of("entry.mrzOk"));
            validate();
        } catch (Mrz.MrzException e) {
            filling = false;
            answer(e.text());
        }
    }

    private void answer(Text text) {
        mrzAnswer = Optional.of(text);
        mrzMessage.set(messages.of(text));
    }

    /**
     * The form in another language (F2): what was typed or scanned stays, with its problems and the scan's answer said
     * in the new one. The form lives as long as the workspace's case, not as long as the controls built over it (the
     * language and the text size build them again; a new form each time lost a passport being pre-verified, its
     * decision still ready to record).
     */
    public void language(Messages now) {
        messages = now;
        mrzMessage.set(mrzAnswer.map(messages::of).orElse(""));
        validate();
    }

    /** The entered document when the form is complete. */
    public Optional<EnteredDocument> document() {
        return complete.get() ? Optional.of(build()) : Optional.empty();
    }

    public void clear() {
        filling = true;
        type.set(DocumentType.PASSPORT);
        for (var p : List.of(number, name, nationality, birthDate, validUntil)) p.set("");
        filling = false;
        source = EnteredDocument.Source.KEYBOARD;
        untouched = true;
        mrzAnswer = Optional.empty();
        mrzMessage.set("");
        validate();
    }

    private void edited() {
        if (filling) return;
        source = EnteredDocument.Source.KEYBOARD; // a hand edit after a scan: the data is no longer the zone's
        untouched = false;
        validate();
    }

    private void validate() {
        List<String> out = new ArrayList<>();
        EnteredDocument d = build();
        boolean untilMalformed = !validUntil.get().isBlank() && date(validUntil.get()) == null;
        for (EnteredDocument.Problem p : d.problems()) {
            if (!(untilMalformed && p.field() == null)) out.add(messages.of(p.text())); // said more precisely below
        }
        if (untilMalformed) out.add(messages.get("entry.badDate", messages.get("entry.validUntil")));
        if (!birthDate.get().isBlank() && date(birthDate.get()) == null) out.add(messages.get("entry.badDate", messages.get("entry.birthDate")));
        problems.setAll(untouched ? List.of() : out.stream().distinct().toList());
        complete.set(out.isEmpty());
    }

    private EnteredDocument build() {
        return new EnteredDocument(type.get(), number.get(), new PersonName(name.get().strip()), nationality.get(),
                date(birthDate.get()), date(validUntil.get()), source);
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
