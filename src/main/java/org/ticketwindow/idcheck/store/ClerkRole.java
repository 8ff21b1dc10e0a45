package org.ticketwindow.idcheck.store;

/** Who may do what at the console. */
public enum ClerkRole {
    CLERK("售票员", "clerk"),
    AGENCY_OPERATOR("代售点操作员", "agency operator"),
    TECHNICIAN("技术人员", "technician"),
    SUPERVISOR("值班主任", "supervisor");

    private final String zh;
    private final String en;

    ClerkRole(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }
    public String en() { return en; }
}
