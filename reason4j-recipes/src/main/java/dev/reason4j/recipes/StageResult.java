package dev.reason4j.recipes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.provenance.Hashing;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a stage run did and wrote.
 *
 * @param counts units in all, skipped as already committed, committed by this run
 * @param written records written per data set, by data-set name (the file is {@code RUN/<name>.jsonl})
 * @param totals the units' statistics summed over the whole run (see {@link DataSetFiles#totals})
 */
public record StageResult(ResumableStage.Counts counts, Map<String, Long> written, Map<String, Double> totals) {

    /** The file, in the run directory, that records a stage's outputs. */
    public static final String SUMMARY = "summary.json";

    public StageResult {
        Objects.requireNonNull(counts, "counts");
        written = Collections.unmodifiableMap(new LinkedHashMap<>(written));
        totals = Collections.unmodifiableMap(new LinkedHashMap<>(totals));
    }

    /**
     * Records the run's outputs in {@code runDir/summary.json}, next to its {@code run.json}: the unit counts, each
     * data set's file, records and SHA-256, and the totals.
     */
    public StageResult writeSummary(Path runDir, ObjectMapper mapper) {
        ObjectNode summary = mapper.createObjectNode();
        summary.putObject("units").put("total", counts.total()).put("skipped", counts.skipped())
                .put("committed", counts.committed());
        ObjectNode sets = summary.putObject("data_sets");
        written.forEach((name, records) -> {
            Path file = DataSetFiles.file(runDir, name);
            sets.putObject(name).put("file", file.getFileName().toString()).put("records", records)
                    .put("sha256", Hashing.sha256(file));
        });
        ObjectNode t = summary.putObject("totals");
        totals.forEach(t::put);
        JsonlOutput.writeDocument(runDir.resolve(SUMMARY), summary, mapper);
        return this;
    }
}
