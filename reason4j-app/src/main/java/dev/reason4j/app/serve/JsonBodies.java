package dev.reason4j.app.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.lm.openai.internal.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;

/** Reads request bodies: size limit first (413), then JSON syntax and field types (400 naming line or field). */
final class JsonBodies {

    private JsonBodies() {}

    /**
     * Reads at most {@code limit} bytes; a declared or actual longer body is refused without reading it all.
     *
     * @param declaredLength the {@code Content-Length} header, or -1
     */
    static byte[] read(InputStream in, long declaredLength, long limit) throws IOException {
        if (declaredLength > limit) {
            throw ApiError.tooLarge(limit);
        }
        byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (body.length > limit) {
            throw ApiError.tooLarge(limit);
        }
        return body;
    }

    /** The body as a JSON object. */
    static JsonNode object(byte[] body) {
        JsonNode node;
        try {
            node = Wire.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ApiError.badRequest("Malformed JSON body" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiError.badRequest("Unreadable body: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw ApiError.badRequest("The request body is empty; expected a JSON object.");
        }
        if (!node.isObject()) {
            throw ApiError.badRequest("The request body must be a JSON object, not " + node.getNodeType().name().toLowerCase() + ".");
        }
        return node;
    }

    /** {@code node} as a wire record; a field of the wrong type gets a 400 that names it. */
    static <T> T as(JsonNode node, Class<T> type) {
        try {
            return Wire.MAPPER.treeToValue(node, type);
        } catch (DatabindException e) {
            String field = e instanceof JsonMappingException m ? m.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[") : "";
            throw ApiError.badRequest(field.isEmpty() ? null : field,
                    (field.isEmpty() ? "" : "Field '" + field + "': ") + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest(e.getOriginalMessage());
        }
    }
}
