package dev.reason4j.lm.reward;

/**
 * How a value head's raw output becomes a score.
 *
 * <p>rStar-Math's PPM is trained on raw outputs with a pairwise loss, and at inference its reference code reads
 * {@code tanh(raw / 5)}, which squashes scores into (-1, 1) where terminal rewards (±1) live; training never sees
 * the squashing. A value-head model applies the transform only when scoring for search.
 */
public enum ValueTransform {
    /** The raw head output. */
    IDENTITY,
    /** {@code tanh(raw / 5)}, as rStar-Math's inference code does. */
    TANH_OVER_5;

    public double apply(double raw) {
        return switch (this) {
            case IDENTITY -> raw;
            case TANH_OVER_5 -> Math.tanh(raw / 5);
        };
    }
}
