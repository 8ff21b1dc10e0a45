package org.ticketwindow.idcheck.central;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One result as it arrived: its id and its exact bytes. The idempotency digest is taken over these bytes (a counter
 * resends the bytes it recorded, unchanged), and the envelope is read from them once. A batch is split with the
 * streaming parser rather than read into a tree: building, re-serialising and converting the tree was a third of the
 * central's work per result.
 */
record IncomingResult(String resultId, byte[] json) {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** The request could not be understood as a whole (HTTP 400). */
    static final class BadRequest extends Exception {
        BadRequest(String message) { super(message); }
    }

    static final String BATCH_SHAPE = "expected {\"results\": [...]}";

    /** Splits {@code {"results": [ {...}, … ]}}; every element must be an object with a text {@code resultId}. */
    static List<IncomingResult> batch(byte[] body) throws BadRequest {
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                    || !"results".equals(p.currentName()) || p.nextToken() != JsonToken.START_ARRAY) {
                throw new BadRequest(BATCH_SHAPE);
            }
            List<IncomingResult> out = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                IncomingResult r = t == JsonToken.START_OBJECT ? element(p, body) : null;
                if (r == null || r.resultId() == null) throw new BadRequest("every result needs a resultId");
                out.add(r);
            }
            if (p.nextToken() != JsonToken.END_OBJECT || p.nextToken() != null) throw new BadRequest(BATCH_SHAPE);
            return out;
        } catch (IOException e) {
            throw new BadRequest("the body is not JSON");
        }
    }

    /** One result on its own ({@code PUT /v1/results/{id}}); its {@code resultId} is null when it has none. */
    static IncomingResult single(byte[] body) throws BadRequest {
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return new IncomingResult(null, body);
            IncomingResult r = element(p, body);
            if (p.nextToken() != null) throw new BadRequest("the body is not JSON");
            return r;
        } catch (IOException e) {
            throw new BadRequest("the body is not JSON");
        }
    }

    /** At an object's START_OBJECT: reads to its END_OBJECT, noting the id and where the object's bytes lie. */
    private static IncomingResult element(JsonParser p, byte[] body) throws IOException {
        int start = Math.toIntExact(p.currentTokenLocation().getByteOffset());
        String id = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("resultId") && value == JsonToken.VALUE_STRING) id = p.getText();
            else p.skipChildren();
        }
        int end = Math.toIntExact(p.currentLocation().getByteOffset());
        return new IncomingResult(id, Arrays.copyOfRange(body, start, end));
    }
}
