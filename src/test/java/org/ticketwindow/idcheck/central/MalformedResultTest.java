package org.ticketwindow.idcheck.central;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.ticketwindow.idcheck.reader.sim.FictionalPeople;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.testing.CentralFixture;
import org.ticketwindow.idcheck.testing.Counters;
import org.ticketwindow.idcheck.wire.AnswerKind;
import org.ticketwindow.idcheck.wire.ResultAnswer;
import org.ticketwindow.idcheck.wire.WireJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed results at the real central over TLS (issue 15, item 6): each is answered, none fails a batch. */
class MalformedResultTest {
    @TempDir Path dir;

    private static final String INJECTED = "Injected·值·4711";
    private static final long INJECTED_NUMBER = 987654321012345L;
    private static long sequences;

    @Test
    @DisplayName("S4 PD1 every field missing, null or of the wrong type is answered (REJECTED with a reason naming no value), never HTTP 500")
    void fuzzedEnvelopes() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(CentralService.class), (Logger) LoggerFactory.getLogger(CentralServer.class));
        loggers.forEach(l -> l.addAppender(log));
        try (CentralFixture central = CentralFixture.start(dir, 20); LocalStore store = Counters.store(dir.resolve("counter"))) {
            Counters.record(store, "C1", 0, 1);
            JsonNode valid = WireJson.mapper().readTree(store.results().claim(1).getFirst().body());
            List<String> personal = personalValues(valid);
            assertThat(personal).contains(FictionalPeople.card(0).idNumber().value(), FictionalPeople.card(0).name().value());

            List<ObjectNode> variants = new ArrayList<>();
            mutations(valid, "", variants, valid);
            assertThat(variants).hasSizeGreaterThan(100);
            CentralClient client = central.client("C1");
            int rejected = 0;
            java.util.Map<String, Integer> reasons = new java.util.TreeMap<>();
            for (int i = 0; i < variants.size(); i += 25) {
                List<ObjectNode> chunk = variants.subList(i, Math.min(variants.size(), i + 25));
                List<byte[]> bodies = new ArrayList<>();
                for (ObjectNode v : chunk) bodies.add(WireJson.mapper().writeValueAsBytes(v));
                List<ResultAnswer> answers = client.send(bodies).answers().answers(); // throws on HTTP 500
                assertThat(answers).hasSameSizeAs(chunk);
                for (ResultAnswer a : answers) {
                    if (a.answer() == AnswerKind.REJECTED) {
                        rejected++;
                        reasons.merge(a.reason().replaceAll("\\d+", "N"), 1, Integer::sum);
                        assertThat(a.reason()).as("PD1 a reason quotes no value").isNotBlank()
                                .doesNotContain(INJECTED).doesNotContain(Long.toString(INJECTED_NUMBER));
                        for (String p : personal) assertThat(a.reason()).doesNotContain(p);
                    }
                }
            }
            // singly too (PUT /v1/results/{id}): the same answers, never a 500
            for (int i = 0; i < variants.size(); i += 7) {
                ObjectNode v = variants.get(i).deepCopy();
                String id = UUID.randomUUID().toString();
                v.put("resultId", id);
                assertThat(client.submitOne(id, WireJson.mapper().writeValueAsBytes(v)).answer()).isNotNull();
            }
            System.out.println("item 6: " + variants.size() + " malformed envelopes, " + rejected + " rejected, the rest applied");
            reasons.forEach((r, n) -> System.out.println("  " + n + " x " + r));
            assertThat(rejected).isGreaterThan(variants.size() / 3);
            assertThat(log.list).as("no stack trace and no 'internal error' in the central's log")
                    .noneMatch(e -> e.getThrowableProxy() != null || e.getFormattedMessage().contains("internal error"));
            assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR)
                    .allSatisfy(e -> personal.forEach(p -> assertThat(e.getFormattedMessage()).doesNotContain(p)));
        } finally {
            loggers.forEach(l -> l.detachAppender(log));
        }
    }

    /** For every field and element of {@code node}: removed, null, and of each wrong type; each variant with a fresh id. */
    private static void mutations(JsonNode node, String path, List<ObjectNode> out, JsonNode root) {
        if (node instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (path.isEmpty() && f.equals("resultId")) continue; // without an id there is nothing to answer by
                String p = path + "/" + f;
                out.add(variant(root, p, (parent) -> ((ObjectNode) parent).remove(f)));
                for (JsonNode wrong : wrongValues()) out.add(variant(root, p, (parent) -> ((ObjectNode) parent).set(f, wrong)));
                mutations(o.get(f), p, out, root);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                int index = i;
                String p = path + "/" + i;
                for (JsonNode wrong : wrongValues()) out.add(variant(root, p, (parent) -> ((ArrayNode) parent).set(index, wrong)));
                mutations(a.get(i), p, out, root);
            }
        }
    }

    private static List<JsonNode> wrongValues() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return List.of(f.nullNode(), f.textNode(INJECTED), f.numberNode(INJECTED_NUMBER), f.booleanNode(true),
                f.objectNode().put("x", INJECTED), f.arrayNode().add(INJECTED));
    }

    private static ObjectNode variant(JsonNode root, String path, Consumer<JsonNode> change) {
        ObjectNode copy = root.deepCopy();
        copy.put("resultId", UUID.randomUUID().toString());
        long sequence = ++sequences; // each its own place in the counter's sequence, so it is judged by its content
        copy.put("sequence", sequence);
        ((ObjectNode) copy.get("evidence")).put("sequence", sequence);
        int cut = path.lastIndexOf('/');
        change.accept(cut == 0 ? copy : copy.at(path.substring(0, cut)));
        return copy;
    }

    /** The text values in the documents the result carries (names, numbers, dates). */
    private static List<String> personalValues(JsonNode valid) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : valid.at("/evidence/documents")) {
            d.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual() && e.getValue().asText().length() >= 2 && !e.getValue().asText().matches("[A-Z_]+")) {
                    out.add(e.getValue().asText());
                }
            });
        }
        return out;
    }
}
