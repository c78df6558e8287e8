package dev.reason4j.core.metrics;

import java.util.Objects;

/**
 * An analysed response with where it came from.
 *
 * @param line the input line (JSONL) or item (JSON array) it was read from
 * @param sample its index among the samples of that record (0 for a single response)
 * @param problemKey what groups the samples of one problem: the record's id, else a hash of the problem text
 * @param problem the question
 * @param gold the gold answer, or {@code null} when the split solutions carried the verdicts
 * @param response the response text, or {@code null} when only split solutions were given
 * @param analysis the analysis
 */
public record AnalyzedResponse(
        long line, int sample, String problemKey, String problem, String gold, String response,
        ResponseAnalysis analysis) {

    public AnalyzedResponse {
        if (sample < 0) {
            throw new IllegalArgumentException("sample must be >= 0, got " + sample);
        }
        Objects.requireNonNull(problemKey, "problemKey");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(analysis, "analysis");
    }
}
