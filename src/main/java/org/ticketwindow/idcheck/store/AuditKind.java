package org.ticketwindow.idcheck.store;

/** What an audit entry is about. */
public enum AuditKind {
    LOGIN, LOGIN_FAILED, LOCKOUT, LOGOUT, DECISION, REFUSAL, CLERK_CHANGE, CONFIGURATION, RETENTION
}
