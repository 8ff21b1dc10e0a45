package org.ticketwindow.idcheck.store;

import java.time.Instant;

/** The answer to a login attempt, with what the login screen says. */
public sealed interface LoginResult {
    record Success(Clerk clerk) implements LoginResult {}

    /** Wrong PIN; {@code attemptsLeft} before the account locks. */
    record WrongPin(int attemptsLeft) implements LoginResult {}

    /** Too many wrong PINs: locked until the time, or until a supervisor unlocks it. */
    record Locked(Instant until) implements LoginResult {}

    /** No such clerk id (the screen says the same as a wrong PIN: ids are not to be probed). */
    record Unknown() implements LoginResult {}
}
