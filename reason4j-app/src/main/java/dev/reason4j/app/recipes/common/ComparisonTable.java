package dev.reason4j.app.recipes.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a recipe's final table from the {@code comparison} rows of its {@code summary.json}. */
public final class ComparisonTable {

    private ComparisonTable() {}

    public static void print(PrintWriter w, JsonNode rows) {
        w.println("method          responses  accuracy  mean tokens  solutions    ξ_O    ξ_P      AES");
        for (JsonNode row : rows) {
            String method = row.path("method").asText();
            if (row.has("skipped")) {
                w.printf(Locale.ROOT, "%-15s skipped: %s%n", method, row.path("skipped").asText());
                continue;
            }
            w.printf(Locale.ROOT, "%-15s %9d  %7s  %11s  %9s  %5s  %5s  %7s%n", method, row.path("responses").asLong(),
                    percent(row.path("accuracy")), number(row.path("mean_tokens"), "%.1f"),
                    number(row.path("mean_solutions"), "%.2f"), number(row.path("outcome_efficiency"), "%.3f"),
                    number(row.path("process_efficiency"), "%.3f"), number(row.path("aes"), "%+.3f"));
        }
        rows.forEach(row -> {
            if (row.has("aes_undefined")) {
                w.printf("AES of %s undefined: %s%n", row.path("method").asText(), row.path("aes_undefined").asText());
            }
        });
    }

    private static String percent(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.1f%%", 100 * value.asDouble()) : "-";
    }

    private static String number(JsonNode value, String format) {
        return value.isNumber() ? String.format(Locale.ROOT, format, value.asDouble()) : "-";
    }
}
