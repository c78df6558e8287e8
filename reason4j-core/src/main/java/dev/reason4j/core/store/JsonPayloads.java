package dev.reason4j.core.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Checks record payloads: exactly one JSON value, on one line, so that a JSONL export stays one record per line. */
final class JsonPayloads {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonPayloads() {}

    static void requireSingleLineJson(String key, String payload) {
        if (payload == null) {
            throw new IllegalArgumentException("record '" + key + "': payload must not be null");
        }
        if (payload.indexOf('\n') >= 0 || payload.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("record '" + key + "': payload must be JSON on one line "
                    + "(line breaks inside strings are written \\n); write it compactly");
        }
        try (JsonParser parser = FACTORY.createParser(payload)) {
            if (parser.nextToken() == null) {
                throw new IllegalArgumentException("record '" + key + "': payload is empty, expected a JSON value");
            }
            parser.skipChildren();
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                throw new IllegalArgumentException("record '" + key + "': payload holds more than one JSON value");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("record '" + key + "': payload is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
