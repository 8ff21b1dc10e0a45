package org.ticketwindow.idcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.testing.People;
import org.ticketwindow.idcheck.testing.TestProfiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ticketwindow.idcheck.cli.CliTest.run;

/** match-name, etp keygen/issue/verify and decide, in-process with real files, images and the documented JSON. */
class RulesCommandsTest {

    @Test
    @DisplayName("N5 match-name: JSON with outcome, rules, special and a hint naming both dots")
    void matchName() throws Exception {
        JsonNode dots = run("match-name", "--card", "阿依古丽·买买提", "--entered", "阿依古丽.买买提").json();
        assertThat(dots.get("outcome").asText()).isEqualTo("MISMATCH");
        assertThat(dots.get("hint").asText()).contains("·").contains(".");
        JsonNode trad = run("match-name", "--card", "陳淑華", "--entered", "陈淑华").json();
        assertThat(trad.get("outcome").asText()).isEqualTo("EQUIVALENT");
        assertThat(trad.get("rules").toString()).isEqualTo("[\"N3\"]");
        assertThat(trad.get("special").toString()).isEqualTo("[\"TRADITIONAL\"]");
        CliTest.Result exact = run("match-name", "--card", "张三", "--entered", "张三");
        assertThat(exact.code()).isZero();
        assertThat(exact.json().get("outcome").asText()).isEqualTo("EXACT");
    }

    @Test
    @DisplayName("E6 etp keygen, issue (PNG and text), verify by image and text: exit 0 accepted, 1 refused")
    void etpRoundTrip(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("issuer.key");
        Path trust = dir.resolve("trust.txt");
        CliTest.Result keygen = run("etp", "keygen", "--kid", "issuer-2026-01", "--out", key.toString(), "--trust-out", trust.toString());
        assertThat(keygen.code()).isZero();
        assertThat(Files.readString(trust)).startsWith("issuer-2026-01=");
        assertThat(run("etp", "keygen", "--out", key.toString()).code()).as("never overwrites a key").isEqualTo(2);

        Path png = dir.resolve("qr.png");
        long iat = 1_795_000_000L;
        CliTest.Result issue = run("etp", "issue", "--key", key.toString(), "--name", "张三", "--idn", People.ZHANG_SAN,
                "--iat", String.valueOf(iat), "--qrt", String.valueOf(iat + 100), "--out", png.toString(), "--text");
        assertThat(issue.code()).isZero();
        String text = issue.out().strip();
        assertThat(text).startsWith("ETP1.");

        CliTest.Result byImage = run("etp", "verify", "--image", png.toString(), "--trust", trust.toString(), "--now", String.valueOf(iat + 130));
        assertThat(byImage.code()).isZero();
        JsonNode ok = byImage.json();
        assertThat(ok.get("accepted").asBoolean()).isTrue();
        assertThat(ok.get("idNumber").asText()).isEqualTo("1101**********1233");
        assertThat(ok.get("usableFor").asText()).isEqualTo("TICKET_SERVICES");
        assertThat(byImage.out()).doesNotContain(People.ZHANG_SAN);

        CliTest.Result stale = run("etp", "verify", "--text", text, "--trust", trust.toString(), "--now", String.valueOf(iat + 166));
        assertThat(stale.code()).isEqualTo(1);
        assertThat(stale.json().get("reason").asText()).isEqualTo("STALE_CODE");
        assertThat(stale.json().has("advice")).as("a stale code is refreshed, not taken to the police desk (E5)").isFalse();

        Path blank = dir.resolve("blank.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        CliTest.Result noCode = run("etp", "verify", "--image", blank.toString(), "--trust", trust.toString());
        assertThat(noCode.code()).isEqualTo(1);
        assertThat(noCode.json().get("reason").asText()).isEqualTo("UNREADABLE");

        Files.writeString(dir.resolve("bad-trust.txt"), "issuer=???\n");
        CliTest.Result badTrust = run("etp", "verify", "--text", text, "--trust", dir.resolve("bad-trust.txt").toString());
        assertThat(badTrust.code()).isEqualTo(2);
        assertThat(badTrust.err()).contains("bad-trust.txt:1");
    }

    /** Every example in docs/examples/ with the outcome and first rule a trainer should see. */
    static final Map<String, String> EXAMPLES = new TreeMap<>(Map.ofEntries(
            Map.entry("agency-special-name.json", "REFUSED V2"),
            Map.entry("duplicate-by-proxy.json", "REFUSED X4"),
            Map.entry("eproof-for-verification.json", "REFUSED E3"),
            Map.entry("eproof-ticket-service.json", "SERVICES E3"),
            Map.entry("failed-record.json", "REFUSED V3"),
            Map.entry("offline-rare-name.json", "PENDING_CENTRAL A1"),
            Map.entry("on-site-mismatch.json", "FAILED V1"),
            Map.entry("on-site-pass.json", "PASSED V1"),
            Map.entry("over-limit-unreadable.json", "REFUSED D3"),
            Map.entry("pre-verification-mrz-expired.json", "REFUSED D1"),
            Map.entry("pre-verification-passport.json", "PRE_PASSED P1"),
            Map.entry("proxy-expired.json", "REFUSED D1"),
            Map.entry("proxy-passport-agency.json", "REFUSED X2"),
            Map.entry("window-special-name-factor.json", "PASSED V1")));

    @Test
    @DisplayName("A1 decide: every example in docs/examples decides as documented, with no name or number in the output")
    void examples() throws Exception {
        Path dir = TestProfiles.projectDir().resolve("docs/examples");
        List<String> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        assertThat(files).containsExactlyElementsOf(EXAMPLES.keySet());
        for (String f : files) {
            CliTest.Result r = run("decide", "--case", dir.resolve(f).toString());
            assertThat(r.code()).as(f + ": " + r.err()).isZero();
            JsonNode j = r.json();
            assertThat(j.get("outcome").asText() + " " + j.get("rules").get(0).asText()).as(f).isEqualTo(EXAMPLES.get(f));
            assertThat(r.out()).as(f).doesNotContain(People.ZHANG_SAN).doesNotContain("L898902C3");
        }
    }

    @Test
    @DisplayName("decide: a broken case file is refused with file, key and reason")
    void badCaseFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("case.json");
        Files.writeString(f, "{\"counterKind\": \"WINDOW\", \"case\": \"ON_SITE\"}");
        CliTest.Result r = run("decide", "--case", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("case.json: counterKind: not one of STATION_WINDOW, AGENCY")
                .doesNotContain("'WINDOW'"); // PD1: the value is never repeated (issue 15)
        Files.writeString(f, "{\"counterKind\": \"AGENCY\", \"case\": \"ON_SITE\", \"documents\": {\"HOLDER\": {\"crad\": \"ordinary\"}}}");
        assertThat(run("decide", "--case", f.toString()).err()).contains("documents.HOLDER.crad: unknown key");
        Files.writeString(f, "{not json");
        assertThat(run("decide", "--case", f.toString()).err()).contains("cannot read the case file as JSON");
    }
}
