package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.identity.Pbkdf2;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * The salted hash an extra factor travels as when the counter cannot check it (offline, or the lookup did not share
 * the reference): {@code xf1$KIND$ITERATIONS$salt$hash}, PBKDF2-HMAC-SHA256 over {@code KIND:normalised value} with a
 * 16-byte random salt per result. The central recomputes it with the value it holds. A 4-digit factor cannot be
 * protected by any hash alone: this keeps it out of clear text; the queue's encryption (PD2) and TLS (S6) protect
 * the rest. See docs/rules-decisions.md.
 */
public final class ExtraFactorHash {
    static final String SCHEME = "xf1";
    static final int ITERATIONS = 10_000;

    private ExtraFactorHash() {}

    public static ExtraFactor.Hashed of(ExtraFactor.Given given, RandomGenerator random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new ExtraFactor.Hashed(given.kind(), digest(given.kind(), given.value(), salt, ITERATIONS));
    }

    static String digest(ExtraFactorKind kind, String value, byte[] salt, int iterations) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return SCHEME + "$" + kind.name() + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(pbkdf2(kind, value, salt, iterations));
    }

    /** True when {@code digest} was made from {@code expected} (false for any malformed digest or other kind). */
    public static boolean matches(ExtraFactor.Hashed hashed, String expected) {
        String[] p = hashed.digest().split("\\$");
        if (p.length != 5 || !p[0].equals(SCHEME) || !p[1].equals(hashed.kind().name()) || expected == null) return false;
        try {
            int iterations = Integer.parseInt(p[2]);
            if (iterations < 1000 || iterations > 1_000_000) return false;
            Base64.Decoder b64 = Base64.getUrlDecoder();
            byte[] salt = b64.decode(p[3]);
            byte[] want = b64.decode(p[4]);
            return MessageDigest.isEqual(want, pbkdf2(hashed.kind(), expected, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] pbkdf2(ExtraFactorKind kind, String value, byte[] salt, int iterations) {
        return Pbkdf2.derive((kind.name() + ":" + kind.normalise(value)).toCharArray(), salt, iterations);
    }
}
