/**
 * The reference central service (docs/sync.md): HTTPS with client certificates (plain HTTP on loopback for training),
 * its own store on SQLite or PostgreSQL with the same SQL, lookups, results applied through the shared
 * {@code verify} rules with idempotency and per-counter sequence checks, the training PKI, seeding and statistics.
 */
package org.ticketwindow.idcheck.central;
