package dev.reason4j.app.analyze;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.metrics.AnalysisSummary;
import dev.reason4j.core.metrics.ResponseAnalyzer;
import dev.reason4j.core.metrics.TokenCounter;
import dev.reason4j.core.metrics.io.SummaryJson;
import dev.reason4j.core.provenance.RunManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The content of {@code summary.json}: the input, the core summary ({@link SummaryJson}: {@code responses},
 * {@code accuracy}, {@code mean_tokens}, {@code mean_solutions}, {@code outcome_efficiency},
 * {@code process_efficiency}, distributions, length intervals, {@code issues}), how tokens were counted, the
 * splitter and clusterer, {@code aes} and {@code baseline} when there is a baseline, and the run manifest as
 * {@code provenance}.
 */
final class SummaryFile {

    /** What summaries say about approximate counts. */
    static final String APPROXIMATE_NOTE = "approximate token counts (no --tokenizer given): comparable with each "
            + "other, not with counts from a real tokenizer";

    private SummaryFile() {}

    static ObjectNode build(ObjectMapper mapper, Path input, AnalysisSummary summary, ResponseAnalyzer analyzer,
            Optional<AesComparison> comparison, RunManifest manifest) throws IOException {
        SummaryJson json = new SummaryJson(mapper);
        ObjectNode root = mapper.createObjectNode().put("input", input.toString());
        root.setAll(json.write(summary));
        TokenCounter tokens = analyzer.tokenCounter();
        ObjectNode counting = root.putObject("token_counting")
                .put("mode", tokens.approximate() ? "approximate" : "tokenizer")
                .put("name", tokens.name());
        if (tokens.approximate()) {
            counting.put("note", APPROXIMATE_NOTE);
        }
        root.put("splitter", analyzer.splitter().name()).put("clusterer", analyzer.clusterer().name());
        comparison.ifPresent(c -> {
            if (c.result().isPresent()) {
                root.put("aes", c.result().get().score());
            } else {
                root.putNull("aes");
            }
            Baseline b = c.baseline();
            ObjectNode baseline = root.putObject("baseline")
                    .put("source", b.source())
                    .put("responses", b.responses())
                    .put("mean_tokens", b.meanTokens())
                    .put("accuracy", b.accuracy());
            c.result().ifPresent(r -> baseline.setAll(json.write(c.weights(), r)));
        });
        root.set("provenance", mapper.readTree(manifest.toJson()));
        return root;
    }
}
