/**
 * The simulated reader — a product feature (training mode, 实训模式) and the test bed: fictional card fixtures, a
 * simulated GA 467 SAM with seeded fault injection, an in-process channel, a serial emulator that speaks GA 467 on
 * a real serial port (or pty), and a PC/SC virtual card for the vsmartcard {@code vpcd} driver.
 */
package org.ticketwindow.idcheck.reader.sim;
