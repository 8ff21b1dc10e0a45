package org.ticketwindow.idcheck.verify.name;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** N4 as properties over names mixing Chinese characters, Latin letters, dots and spaces. */
class NameUnitsProperties {

    @Provide
    Arbitrary<String> names() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.chars().range('\u4E00', '\u9FA5')),
                net.jqwik.api.Tuple.of(4, Arbitraries.chars().range('A', 'Z')),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('a', 'z')),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(' ', '·', '-')));
        return chars.list().ofMinSize(0).ofMaxSize(40).map(l -> {
            StringBuilder b = new StringBuilder();
            l.forEach(b::append);
            return b.toString();
        });
    }

    @Property
    @Label("N4 the entered form is never over 30 units")
    void neverOver30(@ForAll("names") String name) {
        assertThat(NameUnits.of(NameUnits.truncated(name))).isLessThanOrEqualTo(NameUnits.LIMIT);
    }

    @Property
    @Label("N4 the entered form is a prefix of the name without spaces")
    void prefixOfStripped(@ForAll("names") String name) {
        String stripped = name.replaceAll("\\s", "");
        assertThat(stripped).startsWith(NameUnits.truncated(name));
    }

    @Property
    @Label("N4 the entered form is as long as allowed: adding the next character would cross 30")
    void maximal(@ForAll("names") String name) {
        String stripped = name.replaceAll("\\s", "");
        String cut = NameUnits.truncated(name);
        if (cut.length() < stripped.length()) {
            int next = stripped.codePointAt(cut.length());
            assertThat(NameUnits.of(cut) + NameUnits.units(next)).isGreaterThan(NameUnits.LIMIT);
        } else {
            assertThat(NameUnits.of(name)).isLessThanOrEqualTo(NameUnits.LIMIT);
        }
    }

    @Property
    @Label("N4 an over-long name matches its own entered form, in any letter case")
    void matchesOwnTruncation(@ForAll("names") String name) {
        NameRules rules = new NameRules();
        if (name.isBlank()) return;
        String entered = NameUnits.truncated(name).toLowerCase(java.util.Locale.ROOT);
        assertThat(rules.compare(name, entered).matches()).isTrue();
    }
}
