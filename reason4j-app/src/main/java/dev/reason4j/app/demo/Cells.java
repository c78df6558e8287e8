package dev.reason4j.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Table cells from JSON numbers: a dash where a number is missing or undefined (null in the JSON). */
final class Cells {

    private Cells() {}

    /** {@code value} as a percentage with one decimal. */
    static String percent(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.1f%%", 100 * value.asDouble()) : "-";
    }

    /** {@code value} formatted with {@code format} ({@code %.3f}). */
    static String number(JsonNode value, String format) {
        return value.isNumber() ? String.format(Locale.ROOT, format, value.asDouble()) : "-";
    }
}
