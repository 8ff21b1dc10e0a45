package org.ticketwindow.idcheck.verify.name;

import java.util.List;

/**
 * What the name rules need to know about one code point: whether it is a Han character, whether it is rare
 * (N1: Private Use Area, outside the BMP, or not encodable in GBK), its simplified form (N3) and its tone-less
 * Mandarin readings (N1 homophones; {@code ü} is written {@code v}).
 */
record HanChar(int codePoint, boolean han, boolean rare, int simplified, List<String> readings) {
    static final int SAME = -1;

    boolean traditional() { return simplified != SAME; }

    boolean sharesReadingWith(HanChar other) {
        for (String r : readings) if (other.readings.contains(r)) return true;
        return false;
    }
}
