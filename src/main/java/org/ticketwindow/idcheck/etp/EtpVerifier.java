package org.ticketwindow.idcheck.etp;

import com.fasterxml.jackson.databind.JsonNode;
import org.ticketwindow.idcheck.identity.ElectronicProof;
import org.ticketwindow.idcheck.identity.IdNumber;
import org.ticketwindow.idcheck.identity.IdNumberKind;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.identity.RailwayTime;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Checks a proof offline, in the order of docs/etp.md: format, trusted issuer and Ed25519 signature, document type,
 * 24 h validity, 60 s freshness (with the configured clock skew, default 5 s), ID number. Thread-safe.
 */
public final class EtpVerifier {
    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(5);
    static final long VALIDITY_SECONDS = 86_400;
    static final long FRESHNESS_SECONDS = 60;

    private final TrustList trust;
    private final long skew;

    public EtpVerifier(TrustList trust, Duration skew) {
        if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("clock skew must be between 0 and 300 seconds");
        }
        this.trust = trust;
        this.skew = skew.toSeconds();
    }

    public EtpVerdict verify(String text, Instant now) {
        Optional<EtpText.Parts> parts = EtpText.split(text);
        if (parts.isEmpty()) return refuse(EtpRefusal.UNREADABLE, "not an ETP1 text");
        JsonNode p = parts.get().payload();
        String kid = text(p, "kid");
        if (kid == null) return refuse(EtpRefusal.UNREADABLE, "payload without kid");
        Optional<PublicKey> key = trust.key(kid);
        if (key.isEmpty()) return refuse(EtpRefusal.UNKNOWN_ISSUER, "kid " + kid + " is not trusted");
        if (!parts.get().signatureAsIssued()) {
            return refuse(EtpRefusal.BAD_SIGNATURE, "the signature's text is not the base64url of its bytes (altered after issue)");
        }
        if (!signatureOk(key.get(), parts.get())) return refuse(EtpRefusal.BAD_SIGNATURE, "Ed25519 signature does not verify");
        String pid = text(p, "pid");
        String doc = text(p, "doc");
        String name = text(p, "name");
        String idn = text(p, "idn");
        if (pid == null || doc == null || name == null || idn == null || !p.path("iat").isIntegralNumber()
                || !p.path("qrt").isIntegralNumber()) {
            return refuse(EtpRefusal.UNREADABLE, "payload misses a field");
        }
        long iat = p.get("iat").asLong();
        long qrt = p.get("qrt").asLong();
        long t = now.getEpochSecond();
        if (!doc.equals("RID")) return refuse(EtpRefusal.WRONG_DOCUMENT_TYPE, "document type " + doc);
        if (t >= iat + VALIDITY_SECONDS) return refuse(EtpRefusal.EXPIRED, "issued " + (t - iat) + " s ago");
        if (iat > t + skew) return refuse(EtpRefusal.ISSUED_IN_FUTURE, "issued " + (iat - t) + " s ahead of now");
        if (t - qrt > FRESHNESS_SECONDS + skew) return refuse(EtpRefusal.STALE_CODE, "code generated " + (t - qrt) + " s ago");
        if (qrt > t + skew) return refuse(EtpRefusal.STALE_CODE, "code generated " + (qrt - t) + " s ahead of now");
        IdNumber number = IdNumber.of(idn);
        LocalDate today = LocalDate.ofInstant(now, RailwayTime.ZONE);
        boolean numberOk = number.kind() == IdNumberKind.RESIDENT && number.refusingDefects(today).isEmpty();
        if (!numberOk) return refuse(EtpRefusal.INVALID_ID_NUMBER, "number fails GB 11643");
        if (name.isBlank()) return refuse(EtpRefusal.UNREADABLE, "empty name");
        return new EtpVerdict.Accepted(new ElectronicProof(pid, new PersonName(name), number, Instant.ofEpochSecond(iat),
                Instant.ofEpochSecond(iat + VALIDITY_SECONDS), kid));
    }

    private static boolean signatureOk(PublicKey key, EtpText.Parts parts) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(parts.signed().getBytes(StandardCharsets.US_ASCII));
            return s.verify(parts.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String text(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static EtpVerdict refuse(EtpRefusal r, String detail) { return new EtpVerdict.Refused(r, detail); }
}
