package dev.reason4j.lm.reward;

/**
 * What a reward model said about one request.
 *
 * @param value the score; finite. Search expects scores in [-1, 1] (rStar-Math's convention: the PPM after
 *     {@link ValueTransform#TANH_OVER_5}, the oracle ±1) where it maps them to weights
 * @param tokens tokens the model read to score it (0 for an oracle), for accounting
 */
public record RewardScore(double value, int tokens) {

    public RewardScore {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, was " + value);
        }
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must be >= 0, was " + tokens);
        }
    }
}
