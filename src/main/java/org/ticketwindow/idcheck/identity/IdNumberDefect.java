package org.ticketwindow.idcheck.identity;

/** Why a document number fails its checks (rule D5). Each carries the clerk-facing reason in Chinese and English. */
public enum IdNumberDefect {
    BAD_FORMAT("号码格式不正确", "the number does not have the expected format"),
    BAD_CHECK_DIGIT("号码校验位错误，可能为伪造或损坏的证件", "wrong check digit: the card may be forged or damaged"),
    BAD_BIRTH_DATE("号码中的出生日期无效", "the birth date inside the number is not a valid date"),
    FUTURE_BIRTH_DATE("号码中的出生日期晚于今天", "the birth date inside the number is in the future"),
    UNKNOWN_PROVINCE("号码中的省级行政区划代码不在列表中", "the province code of the number is not a known one");

    private final String zh;
    private final String en;

    IdNumberDefect(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }
    public String en() { return en; }
}
