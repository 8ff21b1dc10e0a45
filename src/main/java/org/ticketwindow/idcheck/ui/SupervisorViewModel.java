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
import org.ticketwindow.idcheck.app.CounterSettings;
import org.ticketwindow.idcheck.store.AuditKind;
import org.ticketwindow.idcheck.store.AuditTrail;
import org.ticketwindow.idcheck.store.Clerk;
import org.ticketwindow.idcheck.store.ClerkAccounts;
import org.ticketwindow.idcheck.store.ClerkRole;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The supervisor screen: clerks (add, reset PIN, unlock, role), audit chain verification, and the counter's settings
 * (the supervisor's keys edited and saved to the installation file, validated first and audited). Every change goes through the store, which audits it with the supervisor's id.
 */
public final class SupervisorViewModel {
    private final ClerkAccounts clerks;
    private final AuditTrail audit;
    private final String supervisorId;
    private final Tasks tasks;
    private final Messages messages;
    private final ObservableList<Clerk> list = FXCollections.observableArrayList();
    private final StringProperty newId = new SimpleStringProperty("");
    private final StringProperty newName = new SimpleStringProperty("");
    private final ObjectProperty<ClerkRole> newRole = new SimpleObjectProperty<>(ClerkRole.CLERK);
    private final StringProperty pin = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper auditResult = new ReadOnlyStringWrapper("");
    private final List<String> settings;
    private final Path settingsFile;
    private final Consumer<CounterSettings> saved;
    /** The editable settings ({@link CounterSettings#SUPERVISOR_KEYS}) as the file has them now. */
    private final Map<String, StringProperty> editable = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper settingsMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper settingsRefused = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper messageRefused = new ReadOnlyBooleanWrapper(false);

    /**
     * @param settingsFile the installation file the supervisor's keys are saved to
     * @param saved        told the new settings after a save (the contact limit applies to the next case)
     */
    public SupervisorViewModel(ClerkAccounts clerks, AuditTrail audit, String supervisorId, List<String> settings,
                               Path settingsFile, Consumer<CounterSettings> saved, Tasks tasks, Messages messages) {
        this.clerks = clerks;
        this.audit = audit;
        this.supervisorId = supervisorId;
        this.settings = List.copyOf(settings);
        this.settingsFile = settingsFile;
        this.saved = saved;
        this.tasks = tasks;
        this.messages = messages;
        for (String k : CounterSettings.SUPERVISOR_KEYS) editable.put(k, new SimpleStringProperty(""));
    }

    /** The supervisor's keys and their values as typed, in the file's order of {@link CounterSettings#SUPERVISOR_KEYS}. */
    public Map<String, StringProperty> editableSettings() { return editable; }
    public ReadOnlyStringProperty settingsMessage() { return settingsMessage.getReadOnlyProperty(); }

    /** True while the clerk-management message says why something was refused (shown red, not as a success). */
    public ReadOnlyBooleanProperty messageRefused() { return messageRefused.getReadOnlyProperty(); }

    /** True while the settings message says why a save was refused (shown red, not as a success). */
    public ReadOnlyBooleanProperty settingsRefused() { return settingsRefused.getReadOnlyProperty(); }

    /** A setting's label: its name in the clerk's language with the file's key beside it ("常用联系人上限（policy.contact-limit）"). */
    public String settingLabel(String key) { return messages.get("sup.key." + key, key); }

    /**
     * Saves the changed keys to the installation file, validated as a whole first (a bad value names its key and
     * nothing is written), and audits the change. The central and certificates apply at the next start.
     */
    public void saveSettings() {
        Map<String, String> changes = new LinkedHashMap<>();
        editable.forEach((k, v) -> changes.put(k, v.get()));
        tasks.run(() -> {
            CounterSettings s = CounterSettings.save(settingsFile, changes);
            audit.append(AuditKind.CONFIGURATION, supervisorId, settingsFile.getFileName().toString(),
                    org.ticketwindow.idcheck.text.Text.of("audit.settingsSaved", String.join(", ", changes.keySet())));
            return s;
        }, s -> {
            saved.accept(s);
            settingsRefused.set(false);
            settingsMessage.set(messages.get("sup.settingsSaved"));
        }, this::settingsFailed);
    }

    public ObservableList<Clerk> clerks() { return list; }
    public StringProperty newId() { return newId; }
    public StringProperty newName() { return newName; }
    public ObjectProperty<ClerkRole> newRole() { return newRole; }
    /** The PIN for a new clerk or a reset; cleared after every use. */
    public StringProperty pin() { return pin; }
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }
    public ReadOnlyStringProperty auditResult() { return auditResult.getReadOnlyProperty(); }
    /** The counter's settings as "key: value" lines (changed by the technician in the installation file). */
    public List<String> settings() { return settings; }

    /** Reads the clerks and the installation file's current values, off the UI thread. */
    public void refresh() {
        tasks.run(clerks::list, list::setAll, this::failed);
        tasks.run(() -> {
            Properties current = new Properties();
            if (Files.exists(settingsFile)) {
                try (var r = Files.newBufferedReader(settingsFile, StandardCharsets.UTF_8)) {
                    current.load(r);
                }
            }
            return current;
        }, current -> editable.forEach((k, v) -> v.set(current.getProperty(k, ""))), this::settingsFailed);
    }

    /** Every problem of a refused file in the clerk's language, one per line; another failure with its message. */
    private void settingsFailed(Throwable e) {
        String why = e instanceof CounterSettings.SettingsException s
                ? "\n" + String.join("\n", s.problems().stream().map(messages::of).toList()) : e.getMessage();
        settingsRefused.set(true);
        settingsMessage.set(messages.get("sup.settingsRefused", why));
    }

    public void add() {
        String id = newId.get().strip();
        String name = newName.get().strip();
        String p = takePin();
        if (id.isEmpty() || name.isEmpty() || !ClerkAccounts.validPin(p)) {
            refused(messages.get("sup.addIncomplete"));
            return;
        }
        ClerkRole role = newRole.get();
        change(() -> clerks.add(id, name, role, p, supervisorId), messages.get("sup.added", id));
        newId.set("");
        newName.set("");
    }

    public void resetPin(Clerk c) {
        String p = takePin();
        if (c == null) return;
        if (!ClerkAccounts.validPin(p)) {
            refused(messages.get("sup.pinRule"));
            return;
        }
        change(() -> clerks.resetPin(c.id(), p, supervisorId), messages.get("sup.pinReset", c.id()));
    }

    public void unlock(Clerk c) {
        if (c != null) change(() -> clerks.unlock(c.id(), supervisorId), messages.get("sup.unlocked", c.id()));
    }

    public void setRole(Clerk c, ClerkRole role) {
        if (c == null || role == null) return;
        if (c.id().equals(supervisorId) && role != ClerkRole.SUPERVISOR) {
            refused(messages.get("sup.notSelf")); // a supervisor cannot lock themselves out of this screen
            return;
        }
        change(() -> clerks.setRole(c.id(), role, supervisorId), messages.get("sup.roleSet", c.id(), messages.of(role)));
    }

    /** How many entries the screen lists at most (the newest first); the filter narrows them. */
    public static final int AUDIT_ROWS = 500;
    /** How many entries a search looks through at most (about half a year of a busy counter's). */
    public static final int AUDIT_SCAN = 50_000;
    private final StringProperty entriesNote = new javafx.beans.property.SimpleStringProperty("");
    private final javafx.collections.ObservableList<AuditTrail.Entry> entries = javafx.collections.FXCollections.observableArrayList();
    private final ObjectProperty<org.ticketwindow.idcheck.store.AuditKind> entryKind = new javafx.beans.property.SimpleObjectProperty<>();
    private final StringProperty entryText = new javafx.beans.property.SimpleStringProperty("");

    /** The audit entries shown, newest first, as filtered by {@link #entryKind()} and {@link #entryText()}. */
    public javafx.collections.ObservableList<AuditTrail.Entry> entries() { return entries; }
    /** Only entries of this kind (all when null). */
    public ObjectProperty<org.ticketwindow.idcheck.store.AuditKind> entryKind() { return entryKind; }
    /**
     * Only entries whose kind, clerk, subject or detail, as the supervisor reads them ({@link #line}), contain this text,
     * in any letter case (not the entry's number or time: "1001" is a clerk, not entry 1001 and 10010–10019).
     */
    public StringProperty entryText() { return entryText; }
    /** Empty, or that the search stopped before the oldest entry (it looks through {@link #AUDIT_SCAN} at most). */
    public javafx.beans.property.ReadOnlyStringProperty entriesNote() { return entriesNote; }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(org.ticketwindow.idcheck.identity.RailwayTime.ZONE);

    /** One entry as the supervisor reads it: number, Beijing time, kind, who, on what, and the detail, in their language. */
    public String line(AuditTrail.Entry e) {
        // each short piece on one line where the entry wraps ("登" / "录" at the largest text); the detail wraps
        List<String> said = said(e);
        String number = whole(messages.get("sup.auditNumber", e.seq())), when = whole(WHEN.format(e.at()));
        // a log-in's, log-out's or lock-out's subject is the log-in: "登录　1001　登录　…" said it twice; the kind says it
        return org.ticketwindow.idcheck.store.ClerkAccounts.LOGIN_SUBJECT.equals(e.subject())
                ? messages.get("sup.auditEntryNoSubject", number, when, whole(said.get(0)), whole(said.get(1)), said.get(3))
                : messages.get("sup.auditEntry", number, when, whole(said.get(0)), whole(said.get(1)), whole(said.get(2)), said.get(3));
    }

    /**
     * What an entry says, in the supervisor's language: its kind, who, on what and the detail. The filter searches
     * these, the subject a log-in entry does not show included ("登录" finds the lock-outs too, "login" every log-in).
     */
    private List<String> said(AuditTrail.Entry e) {
        return List.of(messages.of(e.kind()), messages.auditWord(e.actor()), messages.auditWord(e.subject()), messages.stored(e.detail()));
    }

    private String whole(String piece) { return Unbroken.of(piece, messages.locale()); }

    /** Reads the entries again with the filter as it is now (off the UI thread). */
    public void showEntries() {
        var kind = entryKind.get();
        String text = entryText.get() == null ? "" : entryText.get().strip().toLowerCase(java.util.Locale.ROOT);
        tasks.run(() -> audit.recent(AUDIT_ROWS, AUDIT_SCAN, kind, e -> text.isEmpty()
                || said(e).stream().anyMatch(s -> s.toLowerCase(java.util.Locale.ROOT).contains(text))), found -> {
            entries.setAll(found.entries());
            entriesNote.set(found.complete() ? "" : messages.get("sup.auditSearchedRecent", found.scanned()));
        }, this::failed);
    }

    /** Walks the audit chain; a break names the entry and the problem. */
    public void verifyAudit() {
        auditResult.set(messages.get("sup.auditChecking"));
        record Checked(List<AuditTrail.Break> breaks, long entries) {}
        tasks.run(() -> new Checked(audit.verify(), audit.size()), r -> auditResult.set(r.breaks().isEmpty()
                ? messages.get("sup.auditOk", r.entries())
                : messages.get("sup.auditBroken", r.breaks().size(), r.breaks().getFirst().seq(), r.breaks().getFirst().problem())), this::failed);
    }

    private String takePin() {
        String p = pin.get();
        pin.set("");
        return p == null ? "" : p.strip();
    }

    private void change(Runnable work, String done) {
        tasks.run(() -> {
            work.run();
            return clerks.list();
        }, l -> {
            list.setAll(l);
            messageRefused.set(false);
            message.set(done);
        }, this::failed);
    }

    private void failed(Throwable e) { refused(messages.get("sup.failed", e.getMessage())); }

    /** A refusal or failure: said in red, not as a success. */
    private void refused(String why) {
        messageRefused.set(true);
        message.set(why);
    }
}
