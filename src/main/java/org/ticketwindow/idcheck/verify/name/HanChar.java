package org.ticketwindow.idcheck.verify.name;

import java.util.List;

/**
 * What the name rules need to know about one code point: whether it is a Han character, whether it is rare
 * (N1: Private Use Area, outside the BMP, or not encodable in GBK), whether it is a standard character of the
 * 通用规范汉字表, its simplified form when it is traditional (N3), the character a standard character is often
 * mistaken for ({@code counterpart}: 昇 → 升, for the clerk's hint) and its tone-less Mandarin readings (N1
 * homophones; {@code ü} is written {@code v}).
 */
record HanChar(int codePoint, boolean han, boolean rare, boolean standard, int simplified, int counterpart,
               List<String> readings) {
    static final int SAME = -1;

    /** N3: only a character outside the standard table that has a simplified form (a standard one never is). */
    boolean traditional() { return simplified != SAME; }

    boolean sharesReadingWith(HanChar other) {
        for (String r : readings) if (other.readings.contains(r)) return true;
        return false;
    }
}
