package org.ticketwindow.idcheck.wire;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire's fast instant reading ({@link CanonicalInstant}) answers exactly as the JSON library's own reading, which
 * it replaces for the counter's form: same instant for every well-formed text, same failure for every other.
 */
class CanonicalInstantTest {
    /** The wire's mapping with instants read by the JSON library alone, as before issue 19's fast path. */
    private static final ObjectMapper GENERAL = WireJson.build(false);

    @Property(tries = 3000)
    void theCounterFormReadsAsTheLibraryReadsIt(@ForAll("instants") Instant i) throws Exception {
        String json = WireJson.mapper().writeValueAsString(i);
        assertThat(CanonicalInstant.parse(i.toString())).as(json).isEqualTo(i);
        // what the wire writes is the form the fast path reads: the counter's instants never fall back
        assertThat(CanonicalInstant.parse(json.substring(1, json.length() - 1))).as(json).isEqualTo(i);
        assertThat(read(WireJson.mapper(), json)).isEqualTo(read(GENERAL, json)).isEqualTo(i.toString());
    }

    @Property(tries = 3000)
    void anyTextReadsAsTheLibraryReadsIt(@ForAll("nearlyInstants") String text) {
        String json = "\"" + text + "\"";
        assertThat(read(WireJson.mapper(), json)).as(json).isEqualTo(read(GENERAL, json));
    }

    @Example
    void theEdgesTheFastPathLeavesToTheLibrary() {
        for (String text : new String[]{"2024-02-29T23:59:59.999999999Z", "2023-02-29T00:00:00Z", "2026-11-30T24:00:00Z",
                "2026-12-31T23:59:60Z", "2026-11-30T08:15:30.Z", "2026-11-30T08:15:30+08:00", "2026-11-30t08:15:30z",
                "+12026-11-30T08:15:30Z", "0000-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "2026-04-31T00:00:00Z",
                " 2026-11-30T08:15:30Z", "1764490530", "1764490530.5", "", "2026-11-30T08:15:30.1234567890Z"}) {
            String json = "\"" + text + "\"";
            assertThat(read(WireJson.mapper(), json)).as(json).isEqualTo(read(GENERAL, json));
        }
        assertThat(CanonicalInstant.parse("2026-12-31T23:59:60Z")).isNull();
        assertThat(CanonicalInstant.parse("2026-11-30T08:15:30+08:00")).isNull();
        assertThat(CanonicalInstant.parse("2024-02-29T12:00:00.5Z")).isEqualTo(Instant.parse("2024-02-29T12:00:00.5Z"));
    }

    @Example
    void theWireMapperReadsInstantsThroughTheFastPath() throws Exception {
        ObjectMapper m = WireJson.mapper();
        var context = ((DefaultDeserializationContext) m.getDeserializationContext())
                .createInstance(m.getDeserializationConfig(), null, null);
        JsonDeserializer<Object> d = context.findRootValueDeserializer(m.constructType(Instant.class));
        assertThat(d).isInstanceOf(CanonicalInstant.Deserializer.class);
    }

    /** What the mapper makes of the JSON: the instant's text, or the kind of failure. */
    private static String read(ObjectMapper m, String json) {
        try {
            Instant i = m.readValue(json, Instant.class);
            return String.valueOf(i);
        } catch (Exception e) {
            return "fails: " + e.getClass().getSimpleName();
        }
    }

    @Provide Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000), Arbitraries.integers().between(0, 999_999_999));
        return net.jqwik.api.Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    /** Well-formed instants with one character changed, dropped or added: what a faulty counter could send. */
    @Provide Arbitrary<String> nearlyInstants() {
        Arbitrary<String> text = instants().map(i -> DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.MILLIS)));
        Arbitrary<Character> c = Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', 'T', 'Z', '.', '+', ' ', 'z', 'x');
        return net.jqwik.api.Combinators.combine(text, Arbitraries.integers().between(0, 29), c, Arbitraries.integers().between(0, 3))
                .as((t, at, ch, how) -> {
                    int p = Math.min(at, t.length() - 1);
                    return switch (how) {
                        case 0 -> t.substring(0, p) + ch + t.substring(p + 1);
                        case 1 -> t.substring(0, p) + t.substring(p + 1);
                        case 2 -> t.substring(0, p) + ch + t.substring(p);
                        default -> t;
                    };
                });
    }
}
