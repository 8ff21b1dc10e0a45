package org.ticketwindow.idcheck.photo;

import java.util.Optional;

/**
 * The sanity check made before any decoder sees a card's photo: 1024 bytes starting {@code 57 4C 66 00 7E 00}
 * ("WL", width 102, height 126 little-endian; docs/protocol.md §3). Garbage is refused here, without calling the
 * vendor's library.
 */
public final class WltHeader {
    public static final int LENGTH = 1024;
    private static final byte[] MAGIC = {0x57, 0x4C, 0x66, 0x00, 0x7E, 0x00};

    private WltHeader() {}

    /** Empty when the bytes look like a WLT photo; otherwise the technician's line saying why not (no bytes quoted). */
    public static Optional<String> problem(byte[] wlt) {
        if (wlt == null || wlt.length == 0) return Optional.of("the card returned no photo");
        if (wlt.length != LENGTH) return Optional.of("photo data is " + wlt.length + " bytes, a WLT photo has " + LENGTH);
        for (int i = 0; i < MAGIC.length; i++) {
            if (wlt[i] != MAGIC[i]) return Optional.of("photo data does not start with the WLT header 57 4C 66 00 7E 00 (\"WL\", 102 x 126)");
        }
        return Optional.empty();
    }
}
