/**
 * Identity values with no I/O: ID numbers (GB 11643 and the permit/foreigner forms), the four chip card types,
 * names, dates and validity. Every value that carries personal data masks itself in {@code toString()} (rule PD1).
 */
package org.ticketwindow.idcheck.identity;
