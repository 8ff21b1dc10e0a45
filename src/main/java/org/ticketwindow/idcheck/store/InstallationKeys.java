package org.ticketwindow.idcheck.store;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/** The keys derived from the installation key, one per purpose (HMAC-SHA256 with a label), so no key serves twice. */
public record InstallationKeys(byte[] fieldEncryption, byte[] auditChain) {

    public static InstallationKeys from(KeySource source) {
        byte[] master = source.installationKey();
        return new InstallationKeys(derive(master, "idcheck field encryption v1"), derive(master, "idcheck audit chain v1"));
    }

    static byte[] derive(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override public String toString() { return "InstallationKeys[***]"; }
}
