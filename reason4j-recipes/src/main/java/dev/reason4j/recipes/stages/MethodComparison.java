package dev.reason4j.recipes.stages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.metrics.AccuracyEfficiencyScore;
import dev.reason4j.core.metrics.AnalysisSummary;
import java.util.List;
import java.util.Objects;

/**
 * The table a recipe ends with: per method (a model, or a model with another prompt) its accuracy, mean tokens,
 * solution rounds, ξ_O and ξ_P on the same held-out problems, and its Accuracy-Efficiency Score against the first
 * row, the baseline ({@link AccuracyEfficiencyScore}, O1-Pruner). AES is undefined (null, with the reason) when the
 * baseline's accuracy or length is 0; undefined means are null.
 */
public final class MethodComparison {

    /**
     * One row.
     *
     * @param method a short name ({@code baseline}, {@code o1-pruner})
     * @param description what the method is
     * @param summary its evaluation, or null when it was skipped
     * @param skipped why it was skipped, when it was
     */
    public record Entry(String method, String description, AnalysisSummary summary, String skipped) {
        public Entry {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(description, "description");
            if ((summary == null) == (skipped == null)) {
                throw new IllegalArgumentException("a row has either an evaluation or a reason it was skipped");
            }
        }

        /** An evaluated method. */
        public static Entry evaluated(String method, String description, AnalysisSummary summary) {
            return new Entry(method, description, Objects.requireNonNull(summary, "summary"), null);
        }

        /** A method that was not run, and why. */
        public static Entry skipped(String method, String description, String reason) {
            return new Entry(method, description, null, Objects.requireNonNull(reason, "reason"));
        }
    }

    private final AccuracyEfficiencyScore weights;
    private final ObjectMapper mapper;

    public MethodComparison(AccuracyEfficiencyScore weights, ObjectMapper mapper) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** The rows, the first being the baseline the others are scored against. */
    public ArrayNode rows(List<Entry> entries) {
        if (entries.isEmpty() || entries.get(0).summary() == null) {
            throw new IllegalArgumentException("the first row must be an evaluated baseline");
        }
        AnalysisSummary baseline = entries.get(0).summary();
        ArrayNode rows = mapper.createArrayNode();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            ObjectNode row = rows.addObject().put("method", e.method()).put("description", e.description());
            if (e.summary() == null) {
                row.put("skipped", e.skipped());
                continue;
            }
            AnalysisSummary s = e.summary();
            row.put("responses", s.responses()).put("problems", s.problems());
            StageSummaries.number(row, "accuracy", s.accuracy());
            StageSummaries.number(row, "mean_tokens", s.meanTokens());
            StageSummaries.number(row, "mean_solutions", s.meanSolutions());
            StageSummaries.number(row, "outcome_efficiency", s.outcomeEfficiency());
            StageSummaries.number(row, "process_efficiency", s.processEfficiency());
            if (i == 0) {
                row.putNull("aes");
                continue;
            }
            try {
                AccuracyEfficiencyScore.Result aes = weights.score(baseline.meanTokens(), baseline.accuracy(),
                        s.meanTokens(), s.accuracy());
                row.put("aes", aes.score()).put("length_reduction", aes.lengthReduction())
                        .put("accuracy_gain", aes.accuracyGain());
            } catch (IllegalArgumentException undefined) {
                row.putNull("aes").put("aes_undefined", undefined.getMessage());
            }
        }
        return rows;
    }
}
