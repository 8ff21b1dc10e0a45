package org.ticketwindow.idcheck.testing;

import java.util.HexFormat;

/** Hex helpers for golden frames written as in docs/protocol.md ("AA AA AA 96 69 …"). */
public final class Hex {
    private Hex() {}

    public static byte[] bytes(String spaced) { return HexFormat.of().parseHex(spaced.replace(" ", "")); }

    public static String spaced(byte[] b) { return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b); }
}
