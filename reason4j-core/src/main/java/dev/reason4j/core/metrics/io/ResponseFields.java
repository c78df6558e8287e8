package dev.reason4j.core.metrics.io;

import dev.reason4j.core.dataset.FieldPath;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the fields of a response record are. Each field is a list of alternatives, tried in order; the first that
 * is present (and not JSON null) is used. Written as dotted paths joined by {@code |}:
 * {@code expected_answer|answer|meta.gold}.
 *
 * @param problem the question; optional (records without it are their own problem)
 * @param response the response: a string, or an array of strings for several samples
 * @param gold the gold answer: a string or a number
 * @param splits solutions split beforehand, {@code [{solution, correct, cluster}]} (or one such array per sample)
 * @param id what groups samples of one problem across records; empty to group by problem text
 */
public record ResponseFields(
        List<FieldPath> problem, List<FieldPath> response, List<FieldPath> gold, List<FieldPath> splits,
        List<FieldPath> id) {

    public ResponseFields {
        problem = required("problem", problem);
        response = required("response", response);
        gold = required("gold", gold);
        splits = required("splits", splits);
        id = List.copyOf(Objects.requireNonNull(id, "id"));
    }

    private static List<FieldPath> required(String name, List<FieldPath> alternatives) {
        Objects.requireNonNull(alternatives, name);
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException(name + " field needs at least one path, got none");
        }
        return List.copyOf(alternatives);
    }

    /** {@code problem|question}, {@code response|responses}, {@code expected_answer|answer|gold}, {@code split_solutions}, no id. */
    public static ResponseFields defaults() {
        return new ResponseFields(paths("problem|question"), paths("response|responses"),
                paths("expected_answer|answer|gold"), paths("split_solutions"), List.of());
    }

    /**
     * Parses alternatives written as dotted paths joined by {@code |}; a blank text gives no alternatives.
     *
     * @throws IllegalArgumentException naming the path that is malformed
     */
    public static List<FieldPath> paths(String alternatives) {
        if (alternatives == null || alternatives.isBlank()) {
            return List.of();
        }
        return Arrays.stream(alternatives.split("\\|", -1)).map(FieldPath::parse).toList();
    }

    /** The alternatives of one field written back as {@code a|b.c}. */
    public static String describe(List<FieldPath> alternatives) {
        return String.join("|", alternatives.stream().map(FieldPath::toString).toList());
    }

    /** The fields as JSON-shaped values, for run manifests. */
    public Map<String, Object> toConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("problem_field", describe(problem));
        config.put("response_field", describe(response));
        config.put("gold_field", describe(gold));
        config.put("splits_field", describe(splits));
        config.put("id_field", describe(id));
        return config;
    }
}
