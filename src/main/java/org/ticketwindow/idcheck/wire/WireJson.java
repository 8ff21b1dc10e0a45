package org.ticketwindow.idcheck.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.ticketwindow.idcheck.identity.PersonName;

import java.io.IOException;
import java.time.Instant;

/**
 * The one JSON mapping of the wire (and of the queued bodies, which are wire envelopes): record components are the
 * keys, times are ISO-8601 strings, a name is a plain string. Unknown keys are an error: the contract is closed.
 */
public final class WireJson {
    private static final ObjectMapper MAPPER = build(true);

    /** The mapping; without {@code canonicalInstants}, instants read as before issue 19 (to compare the fast path with). */
    static ObjectMapper build(boolean canonicalInstants) {
        SimpleModule wire = new SimpleModule("idcheck-wire")
                .addSerializer(PersonName.class, new JsonSerializer<>() {
                    @Override public void serialize(PersonName n, JsonGenerator g, SerializerProvider p) throws IOException {
                        g.writeString(n.value());
                    }
                })
                .addDeserializer(PersonName.class, new JsonDeserializer<>() {
                    @Override public PersonName deserialize(JsonParser p, DeserializationContext c) throws IOException {
                        return new PersonName(p.getValueAsString());
                    }
                });
        if (canonicalInstants) {
            wire.setDeserializerModifier(new BeanDeserializerModifier() { // the counter's form first, the rest as before
                @Override public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription type,
                                                                      JsonDeserializer<?> general) {
                    return type.getBeanClass() == Instant.class ? new CanonicalInstant.Deserializer(general) : general;
                }
            });
        }
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(wire)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    private WireJson() {}

    public static ObjectMapper mapper() { return MAPPER; }
}
