package org.ticketwindow.idcheck.verify;

/** Counter ticket services (T-rules; sale only with an electronic proof, E3). */
public enum TicketService {
    SALE,
    EXCHANGE,
    CHANGE,
    REFUND;
}
