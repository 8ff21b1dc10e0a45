package org.ticketwindow.idcheck.etp;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ticketwindow.idcheck.testing.People;
import org.ticketwindow.idcheck.text.Texts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** E1–E6 on proofs signed by a training issuer key; times around the exact boundaries of docs/etp.md. */
class EtpVerifierTest {
    static final long IAT = 1_795_000_000L;
    static IssuerKey issuer;
    static IssuerKey stranger;
    static EtpVerifier verifier;

    @BeforeAll
    static void keys() {
        issuer = IssuerKey.generate("issuer-2026-01");
        stranger = IssuerKey.generate("issuer-2026-01"); // same kid, different key: a forger
        verifier = new EtpVerifier(TrustList.of(Map.of("issuer-2026-01", issuer.publicKey())), EtpVerifier.DEFAULT_SKEW);
    }

    static String proof(String doc, String idn, long iat, long qrt) {
        return new EtpIssuer(issuer).issue(new EtpPayload(null, "0f9c2c1e-0000-4000-8000-000000000001", doc, "张三", idn, iat, qrt));
    }

    static EtpVerdict at(String text, long now) { return verifier.verify(text, Instant.ofEpochSecond(now)); }

    static EtpRefusal refusal(EtpVerdict v) {
        assertThat(v).isInstanceOf(EtpVerdict.Refused.class);
        return ((EtpVerdict.Refused) v).reason();
    }

    @Test
    @DisplayName("E6 a fresh proof from a trusted issuer is accepted as an identity for ticket services (E3)")
    void accepted() {
        EtpVerdict v = at(proof("RID", People.ZHANG_SAN, IAT, IAT + 3600), IAT + 3610);
        assertThat(v).isInstanceOfSatisfying(EtpVerdict.Accepted.class, a -> {
            assertThat(a.proof().idNumber().value()).isEqualTo(People.ZHANG_SAN);
            assertThat(a.proof().name().value()).isEqualTo("张三");
            assertThat(a.proof().validUntil()).isEqualTo(Instant.ofEpochSecond(IAT + 86_400));
            assertThat(a.proof().issuerKeyId()).isEqualTo("issuer-2026-01");
            assertThat(a.proof().toString()).doesNotContain(People.ZHANG_SAN).doesNotContain("张三");
        });
    }

    @Test
    @DisplayName("E1 only resident ID card holders: another document type is refused")
    void wrongType() {
        assertThat(refusal(at(proof("PASSPORT", People.ZHANG_SAN, IAT, IAT), IAT + 1))).isEqualTo(EtpRefusal.WRONG_DOCUMENT_TYPE);
    }

    @ParameterizedTest(name = "E2 validity: now = iat + {0} s -> {1}")
    @CsvSource({"86399,ACCEPTED", "86400,EXPIRED", "86401,EXPIRED"})
    @DisplayName("E2 a proof is valid for exactly 24 hours")
    void validity(long after, String expected) {
        long now = IAT + after;
        EtpVerdict v = at(proof("RID", People.ZHANG_SAN, IAT, now), now);
        assertThat(v instanceof EtpVerdict.Accepted ? "ACCEPTED" : refusal(v).name()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "E2 freshness: code {0} s old -> {1}")
    @CsvSource({"0,ACCEPTED", "60,ACCEPTED", "65,ACCEPTED", "66,STALE_CODE", "600,STALE_CODE", "-5,ACCEPTED", "-6,STALE_CODE"})
    @DisplayName("E2 a code older than 60 s plus the 5 s skew is stale; a code from the future beyond the skew too")
    void freshness(long age, String expected) {
        long now = IAT + 1000;
        EtpVerdict v = at(proof("RID", People.ZHANG_SAN, IAT, now - age), now);
        assertThat(v instanceof EtpVerdict.Accepted ? "ACCEPTED" : refusal(v).name()).isEqualTo(expected);
    }

    @Test
    @DisplayName("E2 the skew is configurable; an issue time ahead of the clock beyond it is refused")
    void skew() {
        EtpVerifier strict = new EtpVerifier(TrustList.of(Map.of("issuer-2026-01", issuer.publicKey())), Duration.ZERO);
        assertThat(strict.verify(proof("RID", People.ZHANG_SAN, IAT, IAT), Instant.ofEpochSecond(IAT + 61)))
                .isInstanceOf(EtpVerdict.Refused.class);
        assertThat(strict.verify(proof("RID", People.ZHANG_SAN, IAT, IAT), Instant.ofEpochSecond(IAT + 60)))
                .isInstanceOf(EtpVerdict.Accepted.class);
        assertThat(refusal(at(proof("RID", People.ZHANG_SAN, IAT + 100, IAT + 100), IAT))).isEqualTo(EtpRefusal.ISSUED_IN_FUTURE);
        assertThatThrownBy(() -> new EtpVerifier(TrustList.of(Map.of()), Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("E6 a tampered payload, a forged signature and an unknown issuer are refused with their reasons")
    void signature() {
        String good = proof("RID", People.ZHANG_SAN, IAT, IAT);
        String[] parts = good.split("\\.");
        String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forgedJson = json.replace(People.ZHANG_SAN, People.LI_XIAOHONG);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forgedJson.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThat(refusal(at(tampered, IAT + 1))).isEqualTo(EtpRefusal.BAD_SIGNATURE);
        String forged = new EtpIssuer(stranger).issue(new EtpPayload(null, "x", "RID", "张三", People.ZHANG_SAN, IAT, IAT));
        assertThat(refusal(at(forged, IAT + 1))).isEqualTo(EtpRefusal.BAD_SIGNATURE);
        String unknown = new EtpIssuer(IssuerKey.generate("other-issuer")).issue(new EtpPayload(null, "x", "RID", "张三",
                People.ZHANG_SAN, IAT, IAT));
        assertThat(refusal(at(unknown, IAT + 1))).isEqualTo(EtpRefusal.UNKNOWN_ISSUER);
        byte[] sig = Base64.getUrlDecoder().decode(parts[2]);
        sig[0] ^= 1;
        assertThat(refusal(at(parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig), IAT + 1)))
                .isEqualTo(EtpRefusal.BAD_SIGNATURE);
    }

    @Test
    @DisplayName("E6 a signature whose last character was changed only in the bits the decoder drops is refused: not the code issued")
    void signatureTextAsIssued() {
        String good = proof("RID", People.ZHANG_SAN, IAT, IAT);
        assertThat(at(good, IAT + 1)).isInstanceOf(EtpVerdict.Accepted.class);
        // 64 bytes are 86 characters: the last carries 2 bits and 4 always zero; setting one of those decodes to the
        // same signature, which still verifies (a lenient decoder). Flipping the lowest bit of its 6 changes no byte.
        String sigText = good.substring(good.lastIndexOf('.') + 1);
        assertThat(sigText).hasSize(86);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = good.charAt(good.length() - 1);
        String altered = good.substring(0, good.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        assertThat(Base64.getUrlDecoder().decode(altered.substring(altered.lastIndexOf('.') + 1)))
                .as("the same bytes").isEqualTo(Base64.getUrlDecoder().decode(sigText));
        assertThat(refusal(at(altered, IAT + 1))).isEqualTo(EtpRefusal.BAD_SIGNATURE);
    }

    @Test
    @DisplayName("E6 a bad ID number in a signed proof is refused")
    void badNumber() {
        String bad = People.ZHANG_SAN.substring(0, 17) + "4";
        assertThat(refusal(at(proof("RID", bad, IAT, IAT), IAT + 1))).isEqualTo(EtpRefusal.INVALID_ID_NUMBER);
        assertThat(refusal(at(proof("RID", "810000199003071253", IAT, IAT), IAT + 1))).as("a permit number is not a RID")
                .isEqualTo(EtpRefusal.INVALID_ID_NUMBER);
    }

    @ParameterizedTest(name = "E6 unreadable: {0}")
    @CsvSource(value = {"''", "hello", "ETP1", "ETP1..", "ETP2.e30.AAAA", "ETP1.e30=.AAAA", "ETP1.!!!.AAAA", "ETP1.WzFd.AAAA"},
            emptyValue = "")
    @DisplayName("E6 text that is not a proof is unreadable")
    void unreadable(String text) {
        assertThat(refusal(at(text, IAT))).isEqualTo(EtpRefusal.UNREADABLE);
    }

    @Test
    @DisplayName("E6 missing fields are a refusal; unknown fields are ignored; a scanner's trailing newline is fine")
    void fields() {
        EtpIssuer signer = new EtpIssuer(issuer);
        String signed = EtpText.signedPart(new EtpPayload("issuer-2026-01", "p", "RID", "张三", People.ZHANG_SAN, IAT, IAT));
        String json = new String(Base64.getUrlDecoder().decode(signed.substring(5)), StandardCharsets.UTF_8);
        assertThat(refusal(at(signRaw(json.replace("\"pid\":\"p\",", "")), IAT + 1))).isEqualTo(EtpRefusal.UNREADABLE);
        assertThat(at(signRaw(json.replace("{", "{\"extra\":1,")), IAT + 1)).isInstanceOf(EtpVerdict.Accepted.class);
        assertThat(at(signer.issue(new EtpPayload(null, "p", "RID", "张三", People.ZHANG_SAN, IAT, IAT)) + "\r\n", IAT + 1))
                .isInstanceOf(EtpVerdict.Accepted.class);
    }

    private static String signRaw(String json) {
        String signed = "ETP1." + Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        try {
            java.security.Signature s = java.security.Signature.getInstance("Ed25519");
            s.initSign(issuer.privateKey());
            s.update(signed.getBytes(StandardCharsets.US_ASCII));
            return EtpText.join(signed, s.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("E5 every refusal reason has its text, and the advice sends the passenger to the police desk")
    void advice() {
        for (EtpRefusal r : EtpRefusal.values()) assertThat(Texts.chinese().of(r)).isNotBlank();
        assertThat(Texts.chinese().get("etp.ADVICE")).contains("公安制证窗口");
    }

    @Test
    @DisplayName("E6 the trust list file: comments, one key per kid, malformed lines named by file and line")
    void trustList() throws Exception {
        TrustList list = TrustList.parse("trust.txt", "# issuers\n\n" + issuer.trustLine() + "\n");
        assertThat(list.size()).isEqualTo(1);
        assertThatThrownBy(() -> TrustList.parse("trust.txt", "# x\nissuer=notbase64!"))
                .hasMessageContaining("trust.txt:2");
        assertThatThrownBy(() -> TrustList.parse("trust.txt", issuer.trustLine() + "\n" + issuer.trustLine()))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> TrustList.parse("trust.txt", "just text")).hasMessageContaining("kid=");
    }

    @Test @DisplayName("E5 only a proof refused as such sends the passenger to the police desk; a stale code, a bad scan or the counter's clock do not")
    void onlyAProofRefusedAsSuchSendsThePassengerToThePoliceDesk() {
        assertThat(java.util.Arrays.stream(EtpRefusal.values()).filter(EtpRefusal::sendsToPoliceDesk).toList())
                .containsExactlyInAnyOrder(EtpRefusal.UNKNOWN_ISSUER, EtpRefusal.BAD_SIGNATURE, EtpRefusal.WRONG_DOCUMENT_TYPE,
                        EtpRefusal.EXPIRED, EtpRefusal.INVALID_ID_NUMBER);
    }
}
