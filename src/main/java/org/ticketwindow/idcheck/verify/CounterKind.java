package org.ticketwindow.idcheck.verify;

/** Where the console is installed: fixed per installation by a technician, never chosen by the clerk. */
public enum CounterKind {
    STATION_WINDOW("车站售票窗口", "station ticket window"),
    AGENCY("铁路客票代售点", "railway ticket agency");

    private final String zh;
    private final String en;

    CounterKind(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }
    public String en() { return en; }

    /**
     * Why a whole case is never handled at this kind of counter, whatever the documents (P2, DUP1: station windows
     * only); empty when it can be. The rules refuse with it, and the console greys the case out before it is chosen.
     */
    public java.util.Optional<Reason> refuses(CaseKind kind) {
        if (this == STATION_WINDOW) return java.util.Optional.empty();
        return switch (kind) {
            case PRE_VERIFICATION -> java.util.Optional.of(Reasons.p2Agency());
            case DUPLICATE_CLAIM -> java.util.Optional.of(Reasons.dup1Agency());
            case ON_SITE, PROXY, OVER_LIMIT_CONTACT, TICKET_SERVICE -> java.util.Optional.empty();
        };
    }
}
