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
}
