/**
 * The way to the central service: the HTTPS client with the counter's certificate, the recorder that puts decided
 * cases in the queue, and the sync worker (batches, backoff with full jitter, parking) with its status for the
 * console (docs/sync.md). What travels is the wire contract of {@code wire}.
 */
package org.ticketwindow.idcheck.sync;
