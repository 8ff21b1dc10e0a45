package org.ticketwindow.idcheck.identity;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/** PBKDF2-HMAC-SHA256, the one password hash of the product (extra-factor digests, clerk PINs). Pure. */
public final class Pbkdf2 {
    private Pbkdf2() {}

    /** A 256-bit derived key; the secret's characters are wiped afterwards. */
    public static byte[] derive(char[] secret, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(secret, salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
