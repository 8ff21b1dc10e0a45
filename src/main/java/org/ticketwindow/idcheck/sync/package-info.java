/**
 * The way to the central service: the wire model (the OpenAPI document in {@code /openapi/central.yaml} is the
 * contract), the HTTPS client with the counter's certificate, the recorder that puts decided cases in the queue, and
 * the sync worker (batches, backoff with full jitter, parking) with its status for the console (docs/sync.md).
 */
package org.ticketwindow.idcheck.sync;
