/**
 * Opening and probing readers: the one package that knows every transport (serial, PC/SC, the simulator), so the
 * reader port ({@code reader}) depends on none of them. The console, {@code read}, {@code calibrate} and
 * {@code probe} come here for a reader; what they get is the port's {@link org.ticketwindow.idcheck.reader.ReaderOwnership}.
 */
package org.ticketwindow.idcheck.reader.connect;
