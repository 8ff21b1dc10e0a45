package org.ticketwindow.idcheck.store;

/**
 * Where the installation key (32 bytes) comes from. It never lives in the database: the queue's personal fields are
 * encrypted under a key derived from it, and the audit chain is MAC'd with another. The default is {@link KeyFile};
 * an installation can plug in the OS key store (Windows DPAPI / Credential Manager, a Linux secret service) by
 * implementing this (docs/store.md). A key is only ever made for a new store: {@link LocalStore} asks for
 * {@link #installationKey()} when a store exists, so a lost key is a fault, never silently a new key (issue 15).
 */
public interface KeySource {
    /** The existing installation key; a {@link StoreException.Kind#KEY} fault (with the technician's steps) when there is none. */
    byte[] installationKey();

    /** For a new store only: the existing key, or a new one made (whole, owner-only) when there is none. */
    byte[] createOrRead();

    /** Where the key is, for messages (no key material). */
    String describe();
}
