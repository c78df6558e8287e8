package dev.reason4j.core.metrics;

/**
 * Accuracy-Efficiency Score (AES) of Luo et al., "O1-Pruner: Length-Harmonizing Fine-Tuning for O1-Like
 * Reasoning Pruning", arXiv:2501.12570: one number for "shorter without getting worse" when a model is compared
 * with a baseline on the same problems.
 *
 * <pre>
 *   ΔL  = (L_baseline − L) / L_baseline          relative length reduction
 *   ΔA  = (A − A_baseline) / A_baseline          relative accuracy gain
 *   AES = α·ΔL + β·ΔA        when ΔA ≥ 0
 *   AES = α·ΔL − γ·|ΔA|      when ΔA &lt; 0
 * </pre>
 * where L is the mean response length in tokens and A the accuracy. Losing accuracy costs γ per unit, more than
 * gaining it earns (β), so a model cannot buy a high score with length cuts that hurt accuracy. Defaults
 * α = 1, β = 3, γ = 5, as in the paper.
 *
 * @param alpha weight of the length reduction
 * @param beta weight of an accuracy gain
 * @param gamma weight of an accuracy loss
 */
public record AccuracyEfficiencyScore(double alpha, double beta, double gamma) {

    public AccuracyEfficiencyScore {
        requireWeight("alpha", alpha);
        requireWeight("beta", beta);
        requireWeight("gamma", gamma);
    }

    private static void requireWeight(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
    }

    /** α = 1, β = 3, γ = 5. */
    public static AccuracyEfficiencyScore defaults() {
        return new AccuracyEfficiencyScore(1, 3, 5);
    }

    /**
     * The score of a model against a baseline.
     *
     * @param baselineLength L<sub>baseline</sub>, mean tokens per baseline response, &gt; 0
     * @param baselineAccuracy A<sub>baseline</sub> in (0, 1]
     * @param length L, mean tokens per model response, &ge; 0
     * @param accuracy A in [0, 1]
     * @throws IllegalArgumentException when a value is out of range; a baseline with zero length or zero accuracy
     *     leaves ΔL or ΔA undefined
     */
    public Result score(double baselineLength, double baselineAccuracy, double length, double accuracy) {
        if (!(baselineLength > 0) || Double.isInfinite(baselineLength)) {
            throw new IllegalArgumentException("baseline mean length must be > 0 for AES (ΔL divides by it), got "
                    + baselineLength);
        }
        if (!(baselineAccuracy > 0 && baselineAccuracy <= 1)) {
            throw new IllegalArgumentException("baseline accuracy must be in (0, 1] for AES (ΔA divides by it), got "
                    + baselineAccuracy);
        }
        if (!(length >= 0) || Double.isInfinite(length)) {
            throw new IllegalArgumentException("mean length must be >= 0, got " + length);
        }
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy must be in [0, 1], got " + accuracy);
        }
        double deltaLength = (baselineLength - length) / baselineLength;
        double deltaAccuracy = (accuracy - baselineAccuracy) / baselineAccuracy;
        double score = deltaAccuracy >= 0
                ? alpha * deltaLength + beta * deltaAccuracy
                : alpha * deltaLength - gamma * Math.abs(deltaAccuracy);
        return new Result(deltaLength, deltaAccuracy, score);
    }

    /**
     * @param lengthReduction ΔL
     * @param accuracyGain ΔA (negative for a loss)
     * @param score AES
     */
    public record Result(double lengthReduction, double accuracyGain, double score) {}
}
