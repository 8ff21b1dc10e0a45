package org.ticketwindow.idcheck.store;

import java.security.SecureRandom;
import java.util.UUID;

/** UUIDv7 result ids (RFC 9562): 48-bit Unix milliseconds, then random bits; they sort by creation time. */
public final class ResultIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ResultIds() {}

    public static UUID next(long epochMillis) {
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
        long lsb = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
