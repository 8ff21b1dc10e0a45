/** Composition root: where data lives ({@code IDCHECK_HOME}), where profiles come from, logging, wiring. */
package org.ticketwindow.idcheck.app;
