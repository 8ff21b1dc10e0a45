package org.ticketwindow.idcheck.verify;

/** The identity fields compared with a record and frozen when it passes (V1: three; P1: four with nationality). */
public enum Field {
    NAME("姓名", "name"),
    DOCUMENT_TYPE("证件类型", "document type"),
    DOCUMENT_NUMBER("证件号码", "document number"),
    NATIONALITY("国籍", "nationality");

    private final String zh;
    private final String en;

    Field(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }
    public String en() { return en; }
}
