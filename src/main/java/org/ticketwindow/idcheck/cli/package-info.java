/** The {@code idcheck} commands (picocli). Machine output is JSON with stable keys, documented in docs/cli.md. */
package org.ticketwindow.idcheck.cli;
