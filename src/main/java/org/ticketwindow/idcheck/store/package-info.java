/**
 * The local store (SQLite): the durable results queue with its personal fields encrypted, clerk accounts, the
 * hash-chained audit trail, versioned migrations, retention. The generic JDBC pieces ({@link
 * org.ticketwindow.idcheck.store.SqlDatabase}, {@link org.ticketwindow.idcheck.store.Migrations}) also carry the
 * reference central's store (docs/decisions/0008).
 */
package org.ticketwindow.idcheck.store;
