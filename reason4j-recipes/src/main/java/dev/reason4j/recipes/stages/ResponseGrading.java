package dev.reason4j.recipes.stages;

import dev.reason4j.core.metrics.ResponseAnalyzer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How sampled responses are split into solution rounds, graded and counted ({@link ResponseAnalyzer}, the
 * analytics of {@code reason4j analyze}), with what decides its verdicts for the run manifests.
 *
 * @param analyzer splits, grades, clusters and counts tokens
 * @param config what the analyzer cannot tell about itself (the grader's answer extraction), recorded next to its
 *     splitter, clusterer and token counter
 */
public record ResponseGrading(ResponseAnalyzer analyzer, Map<String, Object> config) {

    public ResponseGrading {
        Objects.requireNonNull(analyzer, "analyzer");
        config = Map.copyOf(config);
    }

    /** Everything that decides the analysis's numbers, for a manifest. */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>(new TreeMap<>(config));
        m.put("splitter", analyzer.splitter().name());
        m.put("clusterer", analyzer.clusterer().name());
        m.put("token_counter", analyzer.tokenCounter().name());
        return m;
    }
}
