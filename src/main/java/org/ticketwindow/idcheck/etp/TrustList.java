package org.ticketwindow.idcheck.etp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The issuer keys a counter trusts (E6): one {@code kid=<base64 X.509 SubjectPublicKeyInfo DER>} per line, {@code #}
 * comments. A malformed line is an error naming the file and line, never skipped: a counter with a broken trust
 * list must say so rather than refuse every passenger's proof as "unknown issuer".
 */
public final class TrustList {
    private final Map<String, PublicKey> keys;

    private TrustList(Map<String, PublicKey> keys) { this.keys = Map.copyOf(keys); }

    public static final class TrustListException extends Exception {
        TrustListException(String message) { super(message); }
    }

    public static TrustList load(Path file) throws TrustListException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TrustListException(file + ": cannot read the trust list (" + e.getMessage() + ")");
        }
        return parse(file.toString(), text);
    }

    public static TrustList parse(String source, String text) throws TrustListException {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        String[] lines = text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            String where = source + ":" + (n + 1) + ": ";
            if (eq <= 0) throw new TrustListException(where + "expected kid=<base64 public key>");
            String kid = line.substring(0, eq).strip();
            if (keys.containsKey(kid)) throw new TrustListException(where + "kid " + kid + " appears twice");
            try {
                keys.put(kid, publicKey(line.substring(eq + 1).strip()));
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                throw new TrustListException(where + "not a base64 Ed25519 public key (X.509 SubjectPublicKeyInfo)");
            }
        }
        return new TrustList(keys);
    }

    public static TrustList of(Map<String, PublicKey> keys) { return new TrustList(keys); }

    static PublicKey publicKey(String base64) throws GeneralSecurityException {
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        if (!key.getAlgorithm().equals("EdDSA") && !key.getAlgorithm().equals("Ed25519")) {
            throw new GeneralSecurityException("not Ed25519");
        }
        return key;
    }

    public Optional<PublicKey> key(String kid) { return Optional.ofNullable(keys.get(kid)); }

    public int size() { return keys.size(); }

    /** The line of the trust list file for a key. */
    public static String line(String kid, PublicKey key) {
        return kid + "=" + Base64.getEncoder().encodeToString(key.getEncoded());
    }
}
