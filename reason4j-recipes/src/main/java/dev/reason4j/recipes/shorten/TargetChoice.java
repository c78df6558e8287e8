package dev.reason4j.recipes.shorten;

import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.recipes.ProblemSamples;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses, among a problem's samples, the one target of each kind the recipe trains on and the response it is
 * contrasted with.
 *
 * <p>The positive of a kind is the sample's simplification with the fewest tokens over all samples that give one
 * (for {@link ShortTarget#SHORTEST}: over the samples whose final answer is correct), so each problem contributes
 * its tersest correct reasoning; ties go to the earlier sample. The negative of every preference pair is the
 * problem's longest response ({@link ProblemSamples#longest()}), as in the paper.
 */
public final class TargetChoice {

    /**
     * A chosen target.
     *
     * @param sample the index in the problem's samples it was built from
     */
    public record Target(ShortTarget kind, int sample, ResponseSimplification.Simplified value) {
        public Target {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }
    }

    private TargetChoice() {}

    /** The positive target of {@code kind}, or empty when no sample gives one. */
    public static Optional<Target> best(ShortTarget kind, ProblemSamples problem) {
        List<AnalyzedResponse> samples = problem.samples();
        Target best = null;
        for (int i = 0; i < samples.size(); i++) {
            AnalyzedResponse s = samples.get(i);
            if (kind == ShortTarget.SHORTEST && !s.analysis().correct()) {
                continue;
            }
            Optional<ResponseSimplification.Simplified> value = ResponseSimplification.of(kind, s);
            if (value.isPresent() && (best == null || value.get().tokens() < best.value().tokens())) {
                best = new Target(kind, i, value.get());
            }
        }
        return Optional.ofNullable(best);
    }
}
