package org.ticketwindow.idcheck.validation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {
    @Test
    @DisplayName("every problem is kept, in the order found, and reads file: key: reason")
    void collects() {
        Problems p = new Problems();
        assertThat(p.isEmpty()).isTrue();
        p.add("a.yaml", "bauds[1]", "must be one of [9600, 115200], was 1");
        p.add("b.properties", "counter.id", "1–64 letters, digits, _ . -");
        assertThat(p.count()).isEqualTo(2);
        assertThat(p.anyIn("b.properties")).isTrue();
        assertThat(p.anyIn("c.json")).isFalse();
        assertThat(p.all()).extracting(Problem::key).containsExactly("bauds[1]", "counter.id");
        assertThat(Problems.lines(p.all())).isEqualTo("a.yaml: bauds[1]: must be one of [9600, 115200], was 1\n"
                + "b.properties: counter.id: 1–64 letters, digits, _ . -");
    }

    @Test
    @DisplayName("unknown keys: each one named with its prefix, the allowed keys listed sorted, known keys pass")
    void unknownKeys() {
        Problems p = new Problems();
        p.unknownKeys("x.yaml", "match.", List.of("usb", "colour", "portPatern").iterator(), Set.of("usb", "portPattern", "readerNamePattern"));
        assertThat(p.all()).extracting(Problem::toString).containsExactly(
                "x.yaml: match.colour: unknown key (allowed: portPattern, readerNamePattern, usb)",
                "x.yaml: match.portPatern: unknown key (allowed: portPattern, readerNamePattern, usb)");
        // the same problem in the supervisor's language, as the installation file's are shown on screen
        assertThat(org.ticketwindow.idcheck.text.Texts.chinese().of(p.all().getFirst().asText()))
                .isEqualTo("x.yaml：match.colour：未知的设置项（可用：portPattern, readerNamePattern, usb）");
    }

    @Test
    @DisplayName("what a caller keeps is a copy: later problems do not change it")
    void copies() {
        Problems p = new Problems();
        p.add("f", "-", "first");
        List<Problem> before = p.all();
        p.add("f", "-", "second");
        assertThat(before).hasSize(1);
        assertThat(p.all()).hasSize(2);
    }
}
