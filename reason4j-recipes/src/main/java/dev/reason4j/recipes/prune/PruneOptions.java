package dev.reason4j.recipes.prune;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of the O1-Pruner data stage.
 *
 * @param lambda λ, the weight of the accuracy term (O1-Pruner: 2)
 * @param clipLow weights below are raised to it (−2)
 * @param clipHigh weights above are lowered to it (4)
 * @param samplesPerProblem m, the pre-samples per problem the trainer sees, drawn at random without replacement
 *     (all of them when a problem has at most m; the default 16 equals the default K, so every sample is used)
 * @param seed seeds the draw; each problem's draw depends only on the seed and the problem's id, so a resumed run
 *     draws the same samples
 */
public record PruneOptions(double lambda, double clipLow, double clipHigh, int samplesPerProblem, long seed) {

    public PruneOptions {
        if (!Double.isFinite(lambda) || lambda < 0) {
            throw new IllegalArgumentException("lambda must be a finite number >= 0, was " + lambda);
        }
        if (!Double.isFinite(clipLow) || !Double.isFinite(clipHigh) || clipLow >= clipHigh) {
            throw new IllegalArgumentException("need finite clipLow < clipHigh, got clipLow=" + clipLow + ", clipHigh="
                    + clipHigh);
        }
        if (samplesPerProblem < 1) {
            throw new IllegalArgumentException("samplesPerProblem must be >= 1, was " + samplesPerProblem);
        }
    }

    /** λ 2, clipped to [−2, 4], m 16, seed 0. */
    public static PruneOptions defaults() {
        return new PruneOptions(2, -2, 4, 16, 0);
    }

    /** The options as recorded in a run's manifest (the seed is recorded as a seed). */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lambda", lambda);
        m.put("clip_low", clipLow);
        m.put("clip_high", clipHigh);
        m.put("samples_per_problem", samplesPerProblem);
        return m;
    }
}
