/**
 * The wire contract between a counter and the central service, the one vocabulary both sides speak: the records of
 * the OpenAPI document {@code central.yaml} beside them in this package's resources (results, answers, lookups,
 * missing results, health), their one JSON mapping ({@code WireJson}) and the TLS 1.3 material both ends load
 * ({@code Tls}). The sync client and the central depend on it; it depends on neither (docs/sync.md).
 */
package org.ticketwindow.idcheck.wire;
