package org.ticketwindow.idcheck.store;

import java.nio.charset.StandardCharsets;

/** The keys derived from the installation key, one per purpose (HMAC-SHA256 with a label), so no key serves twice. */
public record InstallationKeys(byte[] fieldEncryption, byte[] auditChain) {

    public static InstallationKeys from(byte[] master) {
        return new InstallationKeys(derive(master, "idcheck field encryption v1"), derive(master, "idcheck audit chain v1"));
    }

    static byte[] derive(byte[] master, String label) {
        return Digests.hmacSha256(master, label.getBytes(StandardCharsets.UTF_8));
    }

    @Override public String toString() { return "InstallationKeys[***]"; }
}
