package org.ticketwindow.idcheck.text;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundles are one vocabulary (decision 0016): both languages hold the same keys, no key is in two bundles, every
 * key the code spells is there, every enum that has texts has one for each constant, and every pattern's apostrophes
 * suit how it is formatted.
 */
class TextsTest {
    private static final Path SOURCES = Path.of("src/main/java/org/ticketwindow/idcheck");

    private static Properties load(String bundle, String suffix) {
        Properties p = new Properties();
        String name = "/" + bundle.replace('.', '/') + suffix + ".properties";
        try (InputStream in = TextsTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static Set<String> keys(String suffix) {
        Set<String> all = new TreeSet<>();
        for (String b : Texts.BUNDLES) all.addAll(load(b, suffix).stringPropertyNames());
        return all;
    }

    @Test
    @DisplayName("Chinese and English hold the same keys, bundle by bundle, and no key is in two bundles")
    void sameKeys() {
        Set<String> seen = new TreeSet<>();
        for (String b : Texts.BUNDLES) {
            Set<String> zh = load(b, "").stringPropertyNames();
            Set<String> en = load(b, "_en").stringPropertyNames();
            assertThat(new TreeSet<>(en)).as(b + ": keys only in Chinese or only in English").isEqualTo(new TreeSet<>(zh));
            for (String k : zh) assertThat(seen.add(k)).as(k + " is in two bundles").isTrue();
        }
    }

    @Test
    @DisplayName("the person at the counter is 旅客 in every Chinese text (the railway's word; 乘客 had crept into six)")
    void oneWordForThePassenger() {
        for (String b : Texts.BUNDLES) {
            Properties zh = load(b, "");
            assertThat(zh.stringPropertyNames().stream().filter(k -> zh.getProperty(k).contains("乘客")).sorted().toList())
                    .as(b).isEmpty();
        }
    }

    @Test
    @DisplayName("every enum with texts has one for each constant (so a new constant cannot go untranslated)")
    void enums() {
        Set<String> keys = keys("");
        List<String> missing = new ArrayList<>();
        int translated = 0;
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ticketwindow.idcheck")) {
            if (!c.isEnum()) continue;
            Enum<?>[] constants = (Enum<?>[]) c.reflect().getEnumConstants();
            if (Stream.of(constants).noneMatch(e -> keys.contains(Texts.key(e)))) continue;
            translated++;
            for (Enum<?> e : constants) if (!keys.contains(Texts.key(e))) missing.add(Texts.key(e));
        }
        assertThat(missing).as("enum constants without a text").isEmpty();
        assertThat(translated).as("enums with texts").isGreaterThan(20);
    }

    // A key spelled in code: the first string argument of get(…), Text.of(…), a Reason, a hint or an exception's key
    private static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:\\bget|Text\\.of|new Reason\\(\"\\w+\",|new MrzException|new Hint|new CardDefect\\([\\w.]+,)\\(?\\s*\"([A-Za-z][\\w-]*(?:\\.[\\w-]+)+)\"(\\s*\\+)?");

    @Test
    @DisplayName("every key spelled in the code is in the bundles; every key prefix (\"queue.state.\" + …) names some")
    void literalKeys() throws IOException {
        Set<String> keys = keys("");
        Set<String> missing = new TreeSet<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1);
                    if (key.matches("\\w+\\.(java|properties|yaml|json|db|key|txt)")) continue; // a file name
                    found++;
                    boolean prefix = m.group(2) != null; // "prefix." + something
                    boolean ok = prefix ? keys.stream().anyMatch(k -> k.startsWith(key)) : keys.contains(key);
                    if (!ok) missing.add(SOURCES.relativize(f) + ": " + key);
                }
            }
        }
        assertThat(missing).as("keys used in code but not in the bundles").isEmpty();
        assertThat(found).isGreaterThan(300);
    }

    @Test
    @DisplayName("a pattern with arguments doubles its apostrophes (MessageFormat); one without does not")
    void apostrophes() {
        List<String> wrong = new ArrayList<>();
        for (String b : Texts.BUNDLES) {
            for (String suffix : List.of("", "_en")) {
                Properties p = load(b, suffix);
                for (String k : p.stringPropertyNames()) {
                    String v = p.getProperty(k);
                    boolean formatted = v.matches("(?s).*\\{\\d.*");
                    String lone = v.replace("''", "");
                    if (formatted && lone.contains("'")) wrong.add(b + suffix + " " + k + ": a lone apostrophe");
                    if (!formatted && v.contains("''")) wrong.add(b + suffix + " " + k + ": a doubled apostrophe without arguments");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    @DisplayName("texts, enum constants and lists render in the language asked for")
    void renders() {
        Text t = Text.of("reader.busy", "COM3", Set.of(), org.ticketwindow.idcheck.reader.ReaderUse.CALIBRATION);
        assertThat(Texts.chinese().of(t)).contains("COM3").contains("校准");
        assertThat(Texts.english().of(t)).contains("a calibration");
        assertThat(Texts.chinese().get("text.separator")).isEqualTo("；");
        assertThat(Texts.english().of(Text.of("read.REFUSED", List.of(
                org.ticketwindow.idcheck.identity.CardDefect.of(org.ticketwindow.idcheck.identity.CardDefect.Kind.EXPIRED),
                org.ticketwindow.idcheck.identity.CardDefect.of(org.ticketwindow.idcheck.identity.CardDefect.Kind.BIRTH_DATE)))))
                .isEqualTo("the card failed its checks: the card has expired; the card's birth date is not a valid date");
        assertThat(Texts.key(org.ticketwindow.idcheck.store.StoreException.Kind.DISK_FULL)).isEqualTo("StoreException.Kind.DISK_FULL");
    }

    @Test
    @DisplayName("a stored text (the queue's last error, the central's answer) comes back and renders in either language")
    void stored() {
        Text t = Text.of("answer.kindOutcomeDetail", org.ticketwindow.idcheck.wire.AnswerKind.CONFLICT,
                org.ticketwindow.idcheck.verify.Outcome.PASSED, "@record R1 changed\tsince");
        String line = t.stored();
        assertThat(Texts.chinese().ofStored(line)).isEqualTo("中心：有冲突，未应用，核验通过（@record R1 changed\tsince）");
        assertThat(Texts.english().ofStored(line)).isEqualTo("Central: conflict, not applied, verified (@record R1 changed\tsince)");
        assertThat(Texts.chinese().ofStored("APPLIED PASSED: an answer stored before texts were")).as("an older line as it is")
                .isEqualTo("APPLIED PASSED: an answer stored before texts were");
    }

    @Test
    @DisplayName("every training tray card has its description in both languages")
    void trayCards() {
        for (String id : org.ticketwindow.idcheck.reader.sim.Tray.ids()) {
            assertThat(Texts.chinese().has("tray.card." + id)).as(id).isTrue();
            assertThat(Texts.english().of(Text.of("tray.card." + id))).as(id).doesNotContainPattern("\\p{IsHan}");
        }
    }
}
