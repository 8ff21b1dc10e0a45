package org.ticketwindow.idcheck.store;

import java.time.Instant;

/** A console account. {@code lockedUntil} is null when not locked. */
public record Clerk(String id, String displayName, ClerkRole role, int failedAttempts, Instant lockedUntil) {
    public boolean lockedAt(Instant now) { return lockedUntil != null && now.isBefore(lockedUntil); }
}
