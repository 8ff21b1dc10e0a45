package org.ticketwindow.idcheck.identity;

/** The four chip card types a GA 467 reader returns, told apart by the UCS-2 flag at byte 248 (§2.6). */
public enum CardType {
    RESIDENT(' '),
    FOREIGN_PERMANENT_2017('I'),
    FOREIGN_PERMANENT_2023('Y'),
    RESIDENCE_PERMIT('J');

    private final char flag;

    CardType(char flag) {
        this.flag = flag;
    }

    public char flag() { return flag; }

    /** The type for a flag character, or {@code null} for an unknown flag ("unsupported card type"). */
    public static CardType byFlag(char flag) {
        for (CardType t : values()) if (t.flag == flag) return t;
        return null;
    }
}
