package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.identity.Masking;

/**
 * Text that came from input we did not verify (a case file, a QR payload), before it goes into a message: control and
 * format characters removed (bidirectional overrides could make a message read differently than it is), personal
 * values masked (PD1), and kept short.
 */
final class Untrusted {
    private static final int MAX = 120;

    private Untrusted() {}

    static String text(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            int t = Character.getType(cp);
            if (t != Character.CONTROL && t != Character.FORMAT) out.appendCodePoint(cp);
        });
        String clean = Masking.scrub(out.toString());
        return clean.length() > MAX ? clean.substring(0, MAX) + "…" : clean;
    }
}
