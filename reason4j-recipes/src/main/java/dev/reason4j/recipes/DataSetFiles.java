package dev.reason4j.recipes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.store.RunStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Writes a stage's data sets from its committed results: data set {@code name} of every unit, in unit order, to
 * {@code dir/name.jsonl}, each file complete or absent ({@link JsonlOutput}). Rewriting after a resumed run gives
 * the same files as an uninterrupted run.
 */
public final class DataSetFiles {

    private DataSetFiles() {}

    /** The file a data set is written to. */
    public static Path file(Path dir, String name) {
        return dir.resolve(name + ".jsonl");
    }

    /** Writes {@code names} unchanged; see {@link #write(RunStore, Path, List, Map, ObjectMapper)}. */
    public static Map<String, Long> write(RunStore store, Path dir, List<String> names, ObjectMapper mapper) {
        return write(store, dir, names, Map.of(), mapper);
    }

    /**
     * Writes every data set of {@code names}, passing each record of a data set that has a transform through it.
     *
     * @return the number of records written, by data set
     */
    public static Map<String, Long> write(RunStore store, Path dir, List<String> names,
            Map<String, UnaryOperator<ObjectNode>> transforms, ObjectMapper mapper) {
        List<JsonlOutput> outputs = new ArrayList<>();
        try {
            for (String name : names) {
                outputs.add(JsonlOutput.open(file(dir, name), mapper));
            }
            try (Stream<ObjectNode> results = ResumableStage.results(store, mapper)) {
                results.forEach(result -> {
                    for (int i = 0; i < names.size(); i++) {
                        UnaryOperator<ObjectNode> transform = transforms.getOrDefault(names.get(i), UnaryOperator.identity());
                        for (JsonNode record : result.path("data_sets").path(names.get(i))) {
                            outputs.get(i).write(transform.apply((ObjectNode) record));
                        }
                    }
                });
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                outputs.get(i).commit();
                counts.put(names.get(i), outputs.get(i).lines());
            }
            return counts;
        } finally {
            outputs.forEach(JsonlOutput::close);
        }
    }

    /**
     * Totals of the units' {@code stats}: numbers are summed, {@code true} counts 1; {@code units} counts the
     * results. The field order is that of the first result.
     */
    public static Map<String, Double> totals(RunStore store, ObjectMapper mapper) {
        Map<String, Double> totals = new LinkedHashMap<>();
        totals.put("units", 0.0);
        try (Stream<ObjectNode> results = ResumableStage.results(store, mapper)) {
            results.forEach(result -> {
                totals.merge("units", 1.0, Double::sum);
                result.path("stats").properties().forEach(e -> {
                    JsonNode v = e.getValue();
                    if (v.isNumber() || v.isBoolean()) {
                        totals.merge(e.getKey(), v.isBoolean() ? (v.asBoolean() ? 1.0 : 0.0) : v.asDouble(), Double::sum);
                    }
                });
            });
        }
        return totals;
    }
}
