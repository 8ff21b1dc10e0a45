/**
 * The GA 467 SAM protocol over any byte transport: frame codec (docs/protocol.md §1.2, §1.7), commands (§1.3),
 * status codes (§1.4), the 256-byte card text layouts (§2), and {@link org.ticketwindow.idcheck.reader.sam.SamSession},
 * which runs the read sequence and classifies its outcome (rule D3).
 */
package org.ticketwindow.idcheck.reader.sam;
