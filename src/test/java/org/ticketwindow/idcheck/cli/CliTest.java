package org.ticketwindow.idcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.testing.TestProfiles;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands in-process, with the documented exit codes and JSON keys. */
class CliTest {
    record Result(int code, String out, String err) {
        JsonNode json() throws Exception { return Json.MAPPER.readTree(out); }
    }

    static Result run(String... args) {
        System.setProperty("idcheck.profiles.dir", TestProfiles.profilesDir().toString());
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    @DisplayName("read: exit 0 with masked JSON, clear with --show-pii")
    void readOk() throws Exception {
        Result r = run("read", "--profile", "simulator", "--card", "ordinary");
        assertThat(r.code()).isEqualTo(0);
        JsonNode card = r.json().get("card");
        assertThat(card.get("cardType").asText()).isEqualTo("RESIDENT");
        assertThat(card.get("idNumber").asText()).isEqualTo("1101**********1233");
        assertThat(card.get("name").asText()).isEqualTo("张*");
        assertThat(r.out()).doesNotContain("110101199003071233").doesNotContain("张三");
        for (String key : new String[]{"gender", "ethnicityCode", "birthDate", "address", "issuingAuthority", "validFrom",
                "validUntil", "photoBytes", "fingerprintBytes"}) assertThat(card.has(key)).as(key).isTrue();
        Result pii = run("read", "--profile", "simulator", "--card", "ordinary", "--show-pii");
        assertThat(pii.json().get("card").get("idNumber").asText()).isEqualTo("110101199003071233");
        assertThat(pii.json().get("card").get("validUntil").asText()).isEqualTo("2040-03-15");
    }

    @Test
    @DisplayName("D3 read: exit 3 no card, 4 unreadable, 4 refused (D5), LONG_TERM in JSON")
    void readExitCodes() throws Exception {
        assertThat(run("read", "--profile", "simulator", "--card", "none").code()).isEqualTo(3);
        Result unreadable = run("read", "--profile", "simulator", "--card", "unreadable");
        assertThat(unreadable.code()).isEqualTo(4);
        assertThat(unreadable.json().get("outcome").asText()).isEqualTo("UNREADABLE");
        assertThat(unreadable.json().get("passenger").asText()).contains("发证机关");
        Result forged = run("read", "--profile", "simulator", "--card", "forged-check-digit");
        assertThat(forged.code()).isEqualTo(4);
        assertThat(forged.json().get("outcome").asText()).isEqualTo("REFUSED");
        Result longTerm = run("read", "--profile", "simulator", "--card", "long-term");
        assertThat(longTerm.json().get("card").get("validUntil").asText()).isEqualTo("LONG_TERM");
        Result foreign = run("read", "--profile", "simulator", "--card", "foreign-2023", "--show-pii");
        assertThat(foreign.json().get("card").get("englishName").asText()).isEqualTo("EXAMPLE ANDREW MARK");
        assertThat(foreign.json().get("card").get("renewalCount").asText()).isEqualTo("00");
    }

    @Test
    @DisplayName("calibrate: N reads of the test card, the report as JSON with no personal data; exit 4 when reads fail")
    void calibrate() throws Exception {
        Result good = run("calibrate", "--profile", "simulator", "--reads", "4");
        assertThat(good.code()).isZero();
        assertThat(good.json().get("reads").asInt()).isEqualTo(4);
        assertThat(good.json().get("outcomes").get("READ").asInt()).isEqualTo(4);
        assertThat(good.out()).doesNotContain("110101199003071233").doesNotContain("张三");
        assertThat(good.err()).contains("100.0% success");
        Result bad = run("calibrate", "--profile", "simulator", "--card", "unreadable", "--reads", "2");
        assertThat(bad.code()).isEqualTo(4);
        assertThat(bad.json().get("errorCodes").get("unreadable:0x41").asInt()).isEqualTo(2);
        assertThat(run("calibrate", "--profile", "ga467-serial", "--port", "/dev/does-not-exist-idcheck", "--reads", "1").code()).isEqualTo(5);
    }

    @Test
    @DisplayName("read: a serial port that does not exist is a device fault (exit 5) that says what to check")
    void readMissingPort() throws Exception {
        Result r = run("read", "--profile", "ga467-serial", "--port", "/dev/does-not-exist-idcheck");
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.json().get("outcome").asText()).isEqualTo("DEVICE_FAULT");
        assertThat(r.json().get("fault").asText()).isEqualTo("OPEN_FAILED");
        assertThat(r.json().get("action").asText()).contains("端口");
    }

    @Test
    @DisplayName("usage errors exit 2: unknown profile, missing option, broken profile file")
    void usage(@TempDir Path dir) throws Exception {
        assertThat(run("read", "--profile", "nope").code()).isEqualTo(2);
        assertThat(run("read").code()).isEqualTo(2);
        Path bad = dir.resolve("broken.yaml");
        Files.writeString(bad, "id: broken\ntransport: serial\n");
        Result r = run("read", "--profile", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("broken.yaml: displayName: required");
    }

    @Test
    @DisplayName("decode: a status frame, a find answer and junk; a read answer decodes to a masked card")
    void decode() throws Exception {
        Result r = run("decode", "--hex", "00 AA AA AA 96 69 00 04 00 00 60 64 AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97");
        assertThat(r.code()).isEqualTo(0);
        JsonNode j = r.json();
        assertThat(j.get("frames").get(0).get("status").asText()).isEqualTo("SAM_SELF_TEST_FAILED");
        assertThat(j.get("frames").get(0).get("statusZh").asText()).isEqualTo("SAM自检失败，不能接收命令");
        assertThat(j.get("frames").get(1).get("status").asText()).isEqualTo("CARD_FOUND");
        assertThat(j.get("skippedBytes").asInt()).isEqualTo(1);
        Result req = run("decode", "--hex", "AA AA AA 96 69 00 03 30 01 32");
        assertThat(req.json().get("frames").get(0).get("direction").asText()).isEqualTo("REQUEST");
        assertThat(run("decode", "--hex", "zz").code()).isEqualTo(2);
    }

    @Test
    @DisplayName("decode --file reads a capture of a full read answer")
    void decodeFile(@TempDir Path dir) throws Exception {
        var fixture = org.ticketwindow.idcheck.reader.sim.CardFixture.builtIn("residence-permit-tw");
        byte[] frame = org.ticketwindow.idcheck.reader.sam.SamResponse.frame(0x90, fixture.payload().encode(false)).encode();
        Path f = dir.resolve("capture.bin");
        Files.write(f, frame);
        JsonNode card = run("decode", "--file", f.toString()).json().get("frames").get(0).get("card");
        assertThat(card.get("cardType").asText()).isEqualTo("RESIDENCE_PERMIT");
        assertThat(card.get("passNumber").asText()).isEqualTo("1******8");
    }

    @Test
    @DisplayName("probe: lists profiles and says whether PC/SC is available")
    void probe() throws Exception {
        Result r = run("probe", "--port", "/dev/ttyUSB7");
        assertThat(r.code()).isEqualTo(0);
        JsonNode j = r.json();
        assertThat(j.get("profiles").size()).isGreaterThanOrEqualTo(6);
        assertThat(j.get("pcsc").has("available")).isTrue();
        assertThat(j.get("serialPorts").findValuesAsText("path")).contains("/dev/ttyUSB7");
        JsonNode given = null;
        for (JsonNode p : j.get("serialPorts")) if (p.get("path").asText().equals("/dev/ttyUSB7")) given = p;
        assertThat(given).as("/dev/ttyUSB7 among the serial ports").isNotNull();
        assertThat(given.get("description").asText()).as("a port the OS did not list").isEqualTo("given with --port");
    }

    @Test
    @DisplayName("--version prints the product name")
    void version() {
        Result r = run("--version");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("idcheck").contains("窗口身份核验台");
    }
}
