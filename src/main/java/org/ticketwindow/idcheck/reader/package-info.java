/**
 * The reader port: {@link org.ticketwindow.idcheck.reader.CardReader}, the classified
 * {@link org.ticketwindow.idcheck.reader.ReadOutcome} (rule D3), reader events and the one-thread-per-reader loop,
 * hardware profiles loaded from {@code hardware-profiles/}, and the vocabulary the transports share (SW3 status codes,
 * SAM ID, timeout keys, listed serial ports). It knows no transport: {@code reader.connect} opens readers.
 */
package org.ticketwindow.idcheck.reader;
