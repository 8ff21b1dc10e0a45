package org.ticketwindow.idcheck.store;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * AES-256-GCM for personal fields at rest (PD2): {@code version(1) | iv(12) | ciphertext+tag}. The associated data
 * is the row's id, so a ciphertext moved to another row does not decrypt.
 */
public final class FieldCipher {
    private static final byte VERSION = 1;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    /** One cipher per thread, initialised anew per field (a fresh IV each time): looking one up per field was most of a claim's work. */
    private final ThreadLocal<Cipher> cipher = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    });

    public FieldCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    public byte[] encrypt(byte[] plain, String rowId) {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        try {
            Cipher c = cipher.get();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain);
            return ByteBuffer.allocate(1 + iv.length + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }

    /** The plain bytes; throws {@link UnreadableFieldException} when the data was altered, moved or sealed with another key. */
    public byte[] decrypt(byte[] sealed, String rowId) {
        if (sealed == null || sealed.length < 1 + 12 + 16 || sealed[0] != VERSION) {
            throw new UnreadableFieldException("not an encrypted field of this version");
        }
        try {
            Cipher c = cipher.get();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 1, 12));
            c.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, 13, sealed.length - 13);
        } catch (AEADBadTagException e) {
            throw new UnreadableFieldException("authentication failed (altered, moved or another installation's key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }

    /** An encrypted field that cannot be opened: the row is parked with this reason, the rest flow (S4). */
    public static final class UnreadableFieldException extends RuntimeException {
        public UnreadableFieldException(String message) {
            super("encrypted result cannot be opened: " + message);
        }
    }
}
