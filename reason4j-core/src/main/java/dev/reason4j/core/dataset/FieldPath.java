package dev.reason4j.core.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * Where a field lives in a JSON record, written as a dotted path: {@code answer}, {@code meta.answer},
 * {@code choices.0} (a number selects an array element). A key that is itself all digits selects the object
 * member of that name when the value is an object.
 *
 * @param segments the path's parts, none empty
 */
public record FieldPath(List<String> segments) {

    public FieldPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty() || segments.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("field path must be non-empty names separated by '.', got '"
                    + String.join(".", segments) + "'");
        }
    }

    /**
     * Parses a dotted path.
     *
     * @throws IllegalArgumentException naming the path when it is blank or has an empty part ({@code a..b})
     */
    public static FieldPath parse(String dotted) {
        Objects.requireNonNull(dotted, "field path");
        if (dotted.isBlank()) {
            throw new IllegalArgumentException("field path must not be blank");
        }
        List<String> parts = List.of(dotted.strip().split("\\.", -1));
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("field path '" + dotted + "' has an empty part; write e.g. meta.answer");
        }
        return new FieldPath(parts);
    }

    /** The value at this path in {@code record}, or {@code null} when some part of the path is absent. */
    public JsonNode resolve(JsonNode record) {
        JsonNode node = record;
        for (String segment : segments) {
            if (node == null) {
                return null;
            }
            node = node.isArray() ? element(node, segment) : node.get(segment);
        }
        return node;
    }

    /** The top-level field this path starts at. */
    public String topLevelField() {
        return segments.getFirst();
    }

    private static JsonNode element(JsonNode array, String segment) {
        if (!segment.chars().allMatch(Character::isDigit) || segment.length() > 9) {
            return null;
        }
        return array.get(Integer.parseInt(segment));
    }

    @Override
    public String toString() {
        return String.join(".", segments);
    }
}
