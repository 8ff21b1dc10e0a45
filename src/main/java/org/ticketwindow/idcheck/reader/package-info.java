/**
 * The reader port: {@link org.ticketwindow.idcheck.reader.CardReader}, the classified
 * {@link org.ticketwindow.idcheck.reader.ReadOutcome} (rule D3), reader events and the one-thread-per-reader loop,
 * and hardware profiles loaded from {@code hardware-profiles/}.
 */
package org.ticketwindow.idcheck.reader;
