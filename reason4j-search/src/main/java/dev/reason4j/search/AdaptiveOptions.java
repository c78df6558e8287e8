package dev.reason4j.search;

/**
 * When {@link AdaptiveMcts} calls a problem settled, and how far an unsettled one may go.
 *
 * @param minRollouts rollouts before a problem may be called settled
 * @param maxRollouts most rollouts one problem may take with budget saved by settled problems
 * @param settleShare the leading answer's least share of the terminal value (each terminal answer weighs
 *     {@link Candidate#weight()}), in (0, 1]
 * @param settleScore the least best score the leading answer needs (ignored without a reward model), in [-1, 1]
 */
public record AdaptiveOptions(int minRollouts, int maxRollouts, double settleShare, double settleScore) {

    public AdaptiveOptions {
        if (minRollouts < 1) {
            throw new IllegalArgumentException("minRollouts must be >= 1, was " + minRollouts);
        }
        if (maxRollouts < minRollouts) {
            throw new IllegalArgumentException(
                    "maxRollouts must be >= minRollouts (" + minRollouts + "), was " + maxRollouts);
        }
        if (!(settleShare > 0 && settleShare <= 1)) {
            throw new IllegalArgumentException("settleShare must be in (0, 1], was " + settleShare);
        }
        if (!(settleScore >= -1 && settleScore <= 1)) {
            throw new IllegalArgumentException("settleScore must be in [-1, 1], was " + settleScore);
        }
    }

    /** At least 2 rollouts, up to twice the base, a 75% share and a leading score of at least 0.5. */
    public static AdaptiveOptions defaults(int baseRollouts) {
        return new AdaptiveOptions(Math.min(2, baseRollouts), 2 * baseRollouts, 0.75, 0.5);
    }
}
