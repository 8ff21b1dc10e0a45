/**
 * The GA 467 protocol over a serial port (RS-232 or a USB virtual COM port) with jSerialComm. Ports are opened by
 * path: pseudo-terminals and symlinks work although {@code getCommPorts()} does not list them.
 */
package org.ticketwindow.idcheck.reader.serial;
