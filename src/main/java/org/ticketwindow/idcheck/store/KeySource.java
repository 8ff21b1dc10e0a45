package org.ticketwindow.idcheck.store;

/**
 * Where the installation key (32 bytes) comes from. It never lives in the database: the queue's personal fields are
 * encrypted under a key derived from it, and the audit chain is MAC'd with another. The default is {@link KeyFile};
 * an installation can plug in the OS key store (Windows DPAPI / Credential Manager, a Linux secret service) by
 * implementing this (docs/store.md).
 */
public interface KeySource {
    /** The installation key; created on first use when the source can create one. */
    byte[] installationKey();

    /** Where the key is, for messages (no key material). */
    String describe();
}
