package dev.reason4j.recipes.stages;

import dev.reason4j.core.metrics.AnalysisSummary;
import dev.reason4j.recipes.ResumableStage;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a sampling stage wrote.
 *
 * @param dir the stage's run directory
 * @param responses its {@code responses.jsonl}: every analysed response, problems in order (the per-response lines
 *     of {@code reason4j analyze}, which the data stages read)
 * @param summary the analysis over all of them (accuracy, tokens, solution rounds, ξ_O, ξ_P)
 * @param counts problems in all, skipped as done by an earlier run, sampled by this run
 */
public record SampleResult(Path dir, Path responses, AnalysisSummary summary, ResumableStage.Counts counts) {

    public SampleResult {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(responses, "responses");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(counts, "counts");
    }
}
