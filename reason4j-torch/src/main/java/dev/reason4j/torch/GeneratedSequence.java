package dev.reason4j.torch;

import dev.reason4j.lm.FinishReason;
import java.util.Objects;

/**
 * One generated continuation at the token level.
 *
 * @param promptIndex which prompt of the request it continues
 * @param sampleIndex which of that prompt's {@code n} samples it is
 * @param tokens generated ids, including the token that ended it
 * @param logprobs each token's log-probability under the raw distribution, or null when not asked for
 * @param topIds per token the most likely ids, most likely first, or null
 * @param topLogprobs their log-probabilities, or null
 * @param finishReason why it ended
 * @param stopString the stop string that ended it, or null
 * @param stopToken the end-of-sequence or stop token that ended it, or -1
 */
public record GeneratedSequence(
        int promptIndex,
        int sampleIndex,
        int[] tokens,
        float[] logprobs,
        int[][] topIds,
        float[][] topLogprobs,
        FinishReason finishReason,
        String stopString,
        int stopToken) {

    public GeneratedSequence {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(finishReason, "finishReason");
    }
}
