package dev.reason4j.app.analyze;

import dev.reason4j.core.metrics.AccuracyEfficiencyScore;
import dev.reason4j.core.metrics.AnalysisSummary;
import java.util.Objects;
import java.util.Optional;

/**
 * A model run scored against a baseline with the Accuracy-Efficiency Score.
 *
 * @param baseline the baseline
 * @param weights α, β, γ
 * @param result ΔL, ΔA and AES; empty when the model run has no analysed responses
 */
record AesComparison(Baseline baseline, AccuracyEfficiencyScore weights,
        Optional<AccuracyEfficiencyScore.Result> result) {

    AesComparison {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(result, "result");
    }

    /** Scores {@code model} against {@code baseline}. */
    static AesComparison of(Baseline baseline, AccuracyEfficiencyScore weights, AnalysisSummary model) {
        Optional<AccuracyEfficiencyScore.Result> result = model.responses() == 0
                ? Optional.empty()
                : Optional.of(weights.score(baseline.meanTokens(), baseline.accuracy(), model.meanTokens(),
                        model.accuracy()));
        return new AesComparison(baseline, weights, result);
    }
}
