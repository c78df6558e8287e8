package dev.reason4j.recipes.prune;

import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.recipes.ProblemSamples;
import java.util.List;
import java.util.Objects;

/**
 * The per-sample weights of O1-Pruner's length-harmonizing fine-tuning (Luo et al., "O1-Pruner: Length-Harmonizing
 * Fine-Tuning for O1-Like Reasoning Pruning", arXiv:2501.12570). The reference model is pre-sampled K times per
 * problem x; with L(y) the length of sample y in tokens, A(x, y) ∈ {0, 1} its correctness, and over the K samples
 * <pre>
 *   L̄_ref(x) = (1/K) Σ_y L(y),        Ā_ref(x) = (1/K) Σ_y A(x, y),
 * </pre>
 * a sample's weight is
 * <pre>
 *   w(x, y) = L̄_ref(x) / L(y) − 1 + λ · ( A(x, y) − Ā_ref(x) ),      λ = 2 by default,
 * </pre>
 * positive for samples shorter than the problem's mean or more accurate than its average, then clipped to
 * [{@link PruneOptions#clipLow()}, {@link PruneOptions#clipHigh()}] = [−2, 4] so a very short sample cannot dominate.
 * The trainer's advantage is the clipped weight z-scored over the whole training data set ({@link ZScore}).
 */
public final class LengthHarmonizingWeights {

    /**
     * A problem's reference statistics.
     *
     * @param meanLength L̄_ref(x), mean tokens over the samples
     * @param accuracy Ā_ref(x), the share of correct samples
     */
    public record ProblemStats(double meanLength, double accuracy) {}

    private final PruneOptions options;

    public LengthHarmonizingWeights(PruneOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The statistics of {@code problem}'s samples.
     *
     * @throws IllegalArgumentException naming the sample's line when a sample has no tokens (L(y) = 0 has no weight)
     */
    public static ProblemStats stats(ProblemSamples problem) {
        List<AnalyzedResponse> samples = problem.samples();
        double length = 0;
        double correct = 0;
        for (AnalyzedResponse s : samples) {
            if (s.analysis().tokens() <= 0) {
                throw new IllegalArgumentException("problem " + problem.problemId() + ", sample on line " + s.line()
                        + ": 0 tokens; the length-harmonizing weight L̄/L needs L > 0");
            }
            length += s.analysis().tokens();
            correct += s.analysis().correct() ? 1 : 0;
        }
        return new ProblemStats(length / samples.size(), correct / samples.size());
    }

    /** w(x, y) before clipping. */
    public double unclipped(ProblemStats stats, AnalyzedResponse sample) {
        double accuracy = sample.analysis().correct() ? 1 : 0;
        return stats.meanLength() / sample.analysis().tokens() - 1 + options.lambda() * (accuracy - stats.accuracy());
    }

    /** w(x, y) clipped to [clipLow, clipHigh]. */
    public double weight(ProblemStats stats, AnalyzedResponse sample) {
        return Math.clamp(unclipped(stats, sample), options.clipLow(), options.clipHigh());
    }
}
