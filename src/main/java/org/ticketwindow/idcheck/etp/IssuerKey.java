package org.ticketwindow.idcheck.etp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;

/**
 * An issuer's Ed25519 key pair for training and tests ({@code idcheck etp keygen}): a properties file with
 * {@code kid}, {@code private} (base64 PKCS#8) and {@code public} (base64 X.509 SPKI), written owner-only.
 * Real issuers keep their keys elsewhere; the console only ever needs the trust list.
 */
public record IssuerKey(String kid, PrivateKey privateKey, PublicKey publicKey) {

    public static IssuerKey generate(String kid) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new IssuerKey(kid, pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK 15+", e);
        }
    }

    public void save(Path file) throws IOException {
        String text = "# idcheck training issuer key: keep private\nkid=" + kid + "\nprivate="
                + Base64.getEncoder().encodeToString(privateKey.getEncoded()) + "\npublic="
                + Base64.getEncoder().encodeToString(publicKey.getEncoded()) + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the directory's ACL applies
        }
    }

    public static IssuerKey load(Path file) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String kid = p.getProperty("kid");
        String priv = p.getProperty("private");
        String pub = p.getProperty("public");
        if (kid == null || priv == null || pub == null) {
            throw new IOException(file + ": an issuer key file needs kid, private and public");
        }
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(priv)));
            return new IssuerKey(kid, key, TrustList.publicKey(pub));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + ": not an Ed25519 issuer key file");
        }
    }

    /** The trust list line a counter needs for this key. */
    public String trustLine() { return TrustList.line(kid, publicKey); }
}
