package org.ticketwindow.idcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.testing.People;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ticketwindow.idcheck.cli.CliTest.run;

/** Exit codes and messages when things are wrong around a command (issue 15, "Exit codes and messages", "Personal values"). */
class CommandFaultsTest {
    @TempDir Path dir;

    private record Proc(int code, String out, String err) {}

    private Proc idcheck(Path home, List<String> jvm, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(jvm);
        cmd.add("org.ticketwindow.idcheck.cli.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("IDCHECK_HOME", home.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Proc(p.waitFor(), out, err);
    }

    @Test
    @DisplayName("an unwritable log directory: stdout stays the command's JSON, stderr says so in one line")
    void unwritableLogDirectory() throws Exception {
        Path notADirectory = dir.resolve("a-file");
        Files.writeString(notADirectory, "x"); // works as root too: nothing can be created under a file
        Proc p = idcheck(dir.resolve("home"), List.of("-Didcheck.log.dir=" + notADirectory.resolve("logs")), "queue");
        assertThat(p.code()).as(p.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(p.out());
        assertThat(json.get("queued").asInt()).isZero();
        assertThat(p.err().lines().toList()).singleElement().satisfies(line ->
                assertThat(line).contains("cannot be written").contains("audit log file are NOT being written"));
    }

    @Test
    @DisplayName("exit codes: configuration 6, store fault 7, a missing file 2 with its reason; none is a device fault")
    void exitCodes() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/counter.properties"), "counter.kind=NOT_A_KIND\nno.such.key=1\n");
        Proc config = idcheck(home, List.of(), "queue");
        assertThat(config.code()).as(config.err()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(config.err().lines().toList()).as("every problem, one line each, no stack trace")
                .hasSize(2).allSatisfy(l -> assertThat(l).contains("counter.properties"));
        Files.delete(home.resolve("config/counter.properties"));

        Files.createDirectories(home.resolve("data"));
        Files.write(home.resolve("data/idcheck.db"), new byte[8192]); // not a database
        Proc store = idcheck(home, List.of(), "queue");
        assertThat(store.code()).as(store.err()).isEqualTo(ExitCodes.STORE_FAULT);
        assertThat(store.err()).contains("已损坏").doesNotContain("\tat ");

        Files.writeString(home.resolve("config/hardware-profiles.override.yaml"), "a: " + "[".repeat(2000) + "]".repeat(2000) + "\n");
        Proc nested = idcheck(home, List.of(), "probe");
        assertThat(nested.code()).as(nested.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(nested.err()).contains("hardware-profiles.override.yaml").contains("not valid YAML").doesNotContain("NullPointer");
        Files.delete(home.resolve("config/hardware-profiles.override.yaml"));

        CliTest.Result missing = run("decode", "--file", dir.resolve("nope.bin").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("no such file").contains("nope.bin");
    }

    @Test
    @DisplayName("PD1 decide and etp verify never echo an ID number, a name or bidirectional controls from their input")
    void noPersonalValuesInErrors() throws Exception {
        Path caseFile = dir.resolve("case.json");
        Files.writeString(caseFile, "{\"counterKind\": \"STATION_WINDOW\", \"case\": \"" + People.ZHANG_SAN + "\", \"today\": \"2026-11-30\"}");
        CliTest.Result decide = run("decide", "--case", caseFile.toString());
        assertThat(decide.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(decide.err()).contains("case").doesNotContain(People.ZHANG_SAN);

        Files.writeString(caseFile, "{\"counterKind\": \"STATION_WINDOW\", \"case\": \"ON_SITE\", \"today\": \"张三丰\"}");
        assertThat(run("decide", "--case", caseFile.toString()).err()).contains("today").doesNotContain("张三丰");

        Path trust = dir.resolve("trust.txt");
        assertThat(run("etp", "keygen", "--kid", "issuer-1", "--out", dir.resolve("k").toString(), "--trust-out", trust.toString()).code()).isZero();
        String payload = "{\"kid\":\"\u202Eevil " + People.ZHANG_SAN + "\",\"pid\":\"x\"}";
        String text = "ETP1." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".AAAA";
        CliTest.Result etp = run("etp", "verify", "--text", text, "--trust", trust.toString());
        assertThat(etp.code()).isEqualTo(1);
        assertThat(etp.json().get("detail").asText()).doesNotContain("\u202E").doesNotContain(People.ZHANG_SAN).contains("not trusted");
    }
}
