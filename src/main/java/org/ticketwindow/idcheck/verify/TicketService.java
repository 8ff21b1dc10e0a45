package org.ticketwindow.idcheck.verify;

/** Counter ticket services (T-rules; sale only with an electronic proof, E3). */
public enum TicketService {
    SALE("售票", "sale"),
    EXCHANGE("换票", "exchange"),
    CHANGE("改签", "change"),
    REFUND("退票", "refund");

    private final String zh;
    private final String en;

    TicketService(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }
    public String en() { return en; }
}
