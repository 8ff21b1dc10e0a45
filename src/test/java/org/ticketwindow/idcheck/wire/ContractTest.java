package org.ticketwindow.idcheck.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.reader.sim.FictionalPeople;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.store.OutgoingResult;
import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.testing.CentralFixture;
import org.ticketwindow.idcheck.testing.Counters;
import org.ticketwindow.idcheck.verify.DocumentType;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document is the contract: what the client sends and what the server answers validate against it. */
class ContractTest {
    @TempDir Path dir;

    private static JsonNode openApi() throws Exception {
        try (InputStream in = WireJson.class.getResourceAsStream("central.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    private static Set<ValidationMessage> validate(JsonNode api, String schema, JsonNode value) {
        ObjectNode root = WireJson.mapper().createObjectNode();
        root.put("$ref", "#/components/schemas/" + schema);
        root.set("components", api.get("components"));
        JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(root, SchemaValidatorsConfig.builder().build());
        return s.validate(value);
    }

    @Test
    @DisplayName("A1 S7 requests the client sends and answers the server gives match the OpenAPI document (wire/central.yaml)")
    void clientAndServerAgree() throws Exception {
        JsonNode api = openApi();
        assertThat(api.get("paths").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("/v1/health", "/v1/missing", "/v1/results", "/v1/results/{resultId}", "/v1/lookup");
        ObjectMapper json = WireJson.mapper();
        try (CentralFixture central = CentralFixture.start(dir, 20); LocalStore store = Counters.store(dir.resolve("c"))) {
            CentralClient client = central.client("C1");
            Counters.record(store, "C1", 0, 3);
            List<OutgoingResult> out = store.results().claim(3);
            for (OutgoingResult o : out) assertThat(validate(api, "ResultEnvelope", json.readTree(o.body()))).isEmpty();

            BatchAnswer batch = client.send(List.of(out.get(0).body(), out.get(1).body())).answers();
            assertThat(validate(api, "BatchAnswer", json.valueToTree(batch))).isEmpty();
            ResultAnswer one = client.submitOne(out.get(2).id(), out.get(2).body());
            assertThat(validate(api, "ResultAnswer", json.valueToTree(one))).isEmpty();
            byte[] altered = new String(out.get(2).body(), StandardCharsets.UTF_8).replace("clerk-01", "clerk-09").getBytes(StandardCharsets.UTF_8);
            ResultAnswer conflict = client.submitOne(out.get(2).id(), altered);
            assertThat(conflict.answer()).isEqualTo(AnswerKind.REUSED_ID);
            assertThat(validate(api, "ResultAnswer", json.valueToTree(conflict))).isEmpty();

            LookupAnswer found = client.lookup(new LookupRequest(DocumentType.RID, FictionalPeople.card(10).idNumber().value()));
            assertThat(found.records()).hasSize(2); // F-10 and the contact entry C-10
            assertThat(validate(api, "LookupAnswer", json.valueToTree(found))).isEmpty();
            assertThat(validate(api, "LookupRequest", json.valueToTree(new LookupRequest(DocumentType.PASSPORT, "E1234567")))).isEmpty();
            Health health = client.health();
            assertThat(validate(api, "Health", json.valueToTree(health))).isEmpty();
            assertThat(health.pool()).isEqualTo(new Health.Pool(0, 1, 0, 1)); // SQLite: its one connection, idle now
            MissingResults missing = client.missing("C1", 5); // #3 went out alone, #4-#5 were never recorded
            assertThat(missing.missing()).containsExactly(new MissingResults.Range(4, 5));
            assertThat(validate(api, "MissingResults", json.valueToTree(missing))).isEmpty();

            // the schema is strict enough to catch a wrong body
            ObjectNode wrong = (ObjectNode) json.readTree(out.getFirst().body());
            ((ObjectNode) wrong.get("evidence")).put("photo", "AAAA");
            assertThat(validate(api, "ResultEnvelope", wrong)).isNotEmpty();

            // RD-42: the extra factor's attempt count is described; a body from before it was kept is still valid
            ObjectNode factor = (ObjectNode) ((ObjectNode) json.readTree(out.getFirst().body())).get("evidence").get("extraFactor");
            assertThat(factor.get("attempts").intValue()).as("sent, 0 when no value was given").isZero();
            ObjectNode counted = factor.deepCopy().put("status", "NOT_MATCHED").put("kind", "PHONE_LAST4").put("attempts", 3);
            assertThat(validate(api, "ExtraFactorCheck", counted)).isEmpty();
            assertThat(validate(api, "ExtraFactorCheck", counted.deepCopy().put("attempts", -1))).isNotEmpty();
            assertThat(validate(api, "ExtraFactorCheck", counted.deepCopy().put("attempts", "3"))).isNotEmpty();
            ObjectNode old = (ObjectNode) json.readTree(out.getFirst().body());
            ((ObjectNode) old.get("evidence").get("extraFactor")).remove("attempts");
            assertThat(validate(api, "ResultEnvelope", old)).as("a result queued before the count was kept").isEmpty();
            assertThat(json.treeToValue(old, ResultEnvelope.class).evidence().extraFactor().attempts()).isZero();
        }
    }
}
