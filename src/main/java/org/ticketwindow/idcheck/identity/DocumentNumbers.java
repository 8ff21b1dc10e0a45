package org.ticketwindow.idcheck.identity;

import java.util.Locale;

/**
 * How two document numbers are compared, written once for the console, the rules and the central: surrounding spaces
 * dropped, letters upper-cased (an ID number's {@code x}, a passport's letters, a 2017 foreigner's card's prefix).
 */
public final class DocumentNumbers {
    private DocumentNumbers() {}

    public static String normalise(String number) {
        return number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean same(String a, String b) {
        return normalise(a).equals(normalise(b));
    }
}
