package org.ticketwindow.idcheck.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ticketwindow.idcheck.identity.RailwayTime;
import org.ticketwindow.idcheck.store.Clerk;
import org.ticketwindow.idcheck.store.ClerkAccounts;
import org.ticketwindow.idcheck.store.LoginResult;

import java.time.format.DateTimeFormatter;

/**
 * The login screen: clerk id and PIN, checked off the UI thread (PBKDF2 is slow on purpose). An unknown id gets the
 * same answer as a wrong PIN (ids are not to be probed); the PIN field is cleared after every attempt.
 */
public final class LoginViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(RailwayTime.ZONE);

    private final ClerkAccounts clerks;
    private final Tasks tasks;
    private final Messages messages;
    private final StringProperty clerkId = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Clerk> loggedIn = new ReadOnlyObjectWrapper<>();

    public LoginViewModel(ClerkAccounts clerks, Tasks tasks, Messages messages) {
        this.clerks = clerks;
        this.tasks = tasks;
        this.messages = messages;
    }

    public StringProperty clerkId() { return clerkId; }
    public StringProperty pin() { return pin; }
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busy() { return busy.getReadOnlyProperty(); }
    /** Set once a clerk is in; the console then shows the workspace. */
    public ReadOnlyObjectProperty<Clerk> loggedIn() { return loggedIn.getReadOnlyProperty(); }

    /** When the last login was submitted and answered (System.nanoTime): the start-up benchmark's marks. */
    private long submittedAt, answeredAt;

    public long submittedAt() { return submittedAt; }
    public long answeredAt() { return answeredAt; }

    public void login() {
        if (busy.get()) return; // a second Enter while checking
        String id = clerkId.get() == null ? "" : clerkId.get().strip();
        String typed = pin.get();
        pin.set("");
        if (id.isEmpty() || !ClerkAccounts.validPin(typed)) {
            message.set(messages.get("login.incomplete"));
            return;
        }
        busy.set(true);
        submittedAt = System.nanoTime();
        message.set(messages.get("login.checking"));
        tasks.run(() -> clerks.login(id, typed), this::answered, e -> {
            busy.set(false);
            message.set(messages.get("login.storeFailed", e.getMessage()));
        });
    }

    private void answered(LoginResult r) {
        answeredAt = System.nanoTime();
        busy.set(false);
        switch (r) {
            case LoginResult.Success s -> {
                message.set("");
                loggedIn.set(s.clerk());
            }
            // the same words for both: how many tries are left would tell which ids exist
            case LoginResult.WrongPin w -> message.set(messages.get("login.wrong"));
            case LoginResult.Unknown u -> message.set(messages.get("login.wrong"));
            case LoginResult.Locked l -> message.set(messages.get("login.locked", TIME.format(l.until())));
        }
    }

    /**
     * The same form built again (text size, theme, language) over this new view model: what was typed stays, and so
     * does the last answer ("locked until 14:30") where the language is the same (a new language has none yet).
     */
    void takeOver(LoginViewModel before) {
        clerkId.set(before.clerkId.get());
        pin.set(before.pin.get());
        if (before.messages.locale().equals(messages.locale())) message.set(before.message.get());
    }

    public void logout() {
        loggedIn.set(null);
        clerkId.set("");
        message.set("");
    }
}
