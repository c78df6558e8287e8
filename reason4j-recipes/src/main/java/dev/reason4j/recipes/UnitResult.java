package dev.reason4j.recipes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one unit of a stage (usually one problem) produced: records for each of the stage's data sets, and numbers
 * about the unit for the stage's summary. It is committed to the run store as one record,
 * {@code {"key", "data_sets": {name: [record, …]}, "stats": {…}}}, so a unit's data lands whole or not at all.
 *
 * @param dataSets records by data-set name, in the order the data sets are written
 * @param stats numbers about the unit (counts, flags), one flat JSON object
 */
public record UnitResult(Map<String, List<TrainingRecord>> dataSets, ObjectNode stats) {

    public UnitResult {
        Map<String, List<TrainingRecord>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(dataSets, "dataSets").forEach((name, records) -> copy.put(name, List.copyOf(records)));
        dataSets = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(stats, "stats");
    }

    /** The record committed for {@code key}. */
    public ObjectNode toJson(String key, ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode().put("key", key);
        ObjectNode sets = o.putObject("data_sets");
        dataSets.forEach((name, records) -> {
            ArrayNode array = sets.putArray(name);
            records.forEach(r -> array.add(r.toJson(mapper)));
        });
        o.set("stats", stats);
        return o;
    }
}
