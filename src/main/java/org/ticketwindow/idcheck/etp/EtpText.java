package org.ticketwindow.idcheck.etp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The text a proof's QR code carries: {@code ETP1.<base64url payload>.<base64url Ed25519 signature>}, the signature
 * over the ASCII bytes {@code ETP1.<payload>} (docs/etp.md). Splitting and joining only; checks are
 * {@link EtpVerifier}'s.
 */
public final class EtpText {
    static final String PREFIX = "ETP1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private EtpText() {}

    /**
     * The parts of a scanned text: the signed part, the payload JSON and the signature bytes; {@code signatureAsIssued}
     * is false when the signature's text is not the one encoding of its bytes (a last character changed in bits the
     * decoder drops): the signature still verifies, but the code is not the one issued.
     */
    record Parts(String signed, JsonNode payload, byte[] signature, boolean signatureAsIssued) {}

    /** Empty when the text is not {@code ETP1.x.y} with base64url parts and a JSON object payload. */
    static Optional<Parts> split(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip();
        String[] p = t.split("\\.", -1);
        if (p.length != 3 || !p[0].equals(PREFIX) || p[1].isEmpty() || p[2].isEmpty()) return Optional.empty();
        try {
            Base64.Decoder d = Base64.getUrlDecoder();
            if (p[1].contains("=") || p[2].contains("=")) return Optional.empty();
            byte[] json = d.decode(p[1]);
            byte[] sig = d.decode(p[2]);
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) return Optional.empty();
            return Optional.of(new Parts(p[0] + "." + p[1], node, sig, B64.encodeToString(sig).equals(p[2])));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** {@code ETP1.<payload>} for a payload, ready to be signed. */
    static String signedPart(EtpPayload p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("kid", p.kid());
        o.put("pid", p.pid());
        o.put("doc", p.doc());
        o.put("name", p.name());
        o.put("idn", p.idn());
        o.put("iat", p.iat());
        o.put("qrt", p.qrt());
        try {
            return PREFIX + "." + B64.encodeToString(JSON.writeValueAsString(o).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String join(String signedPart, byte[] signature) {
        return signedPart + "." + B64.encodeToString(signature);
    }
}
