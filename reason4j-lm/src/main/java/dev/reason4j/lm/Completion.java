package dev.reason4j.lm;

import java.util.List;
import java.util.Objects;

/**
 * One sampled continuation of a prompt.
 *
 * @param index which of the {@code n} samples of its prompt this is
 * @param tokenIds the generated tokens, including the end-of-sequence or stop token or the token that completed a
 *     stop string
 * @param text the decoded text; a matched stop string and what follows it are cut off unless
 *     {@link SamplingParams#includeStopInOutput()}
 * @param logprobs one entry per token of {@code tokenIds} when {@link SamplingParams#logprobs()}, else empty
 * @param topLogprobs per token, the {@link SamplingParams#topLogprobs()} most likely tokens, most likely first;
 *     empty when not asked for
 * @param finishReason why generation ended
 * @param matchedStop the stop string or the text of the stop token that ended it; {@code null} for
 *     {@link FinishReason#LENGTH}
 */
public record Completion(
        int index,
        List<Integer> tokenIds,
        String text,
        List<TokenLogprob> logprobs,
        List<List<TokenLogprob>> topLogprobs,
        FinishReason finishReason,
        String matchedStop) {

    public Completion {
        tokenIds = List.copyOf(tokenIds);
        Objects.requireNonNull(text, "text");
        logprobs = List.copyOf(logprobs);
        topLogprobs = topLogprobs.stream().map(List::copyOf).toList();
        Objects.requireNonNull(finishReason, "finishReason");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, was " + index);
        }
        if (!logprobs.isEmpty() && logprobs.size() != tokenIds.size()) {
            throw new IllegalArgumentException(
                    "logprobs has " + logprobs.size() + " entries for " + tokenIds.size() + " tokens");
        }
        if (!topLogprobs.isEmpty() && topLogprobs.size() != tokenIds.size()) {
            throw new IllegalArgumentException(
                    "topLogprobs has " + topLogprobs.size() + " entries for " + tokenIds.size() + " tokens");
        }
    }

    /** Sum of the generated tokens' log-probabilities; needs {@link SamplingParams#logprobs()}. */
    public double cumulativeLogprob() {
        if (logprobs.isEmpty() && !tokenIds.isEmpty()) {
            throw new IllegalStateException("logprobs were not requested (SamplingParams.logprobs(true))");
        }
        return logprobs.stream().mapToDouble(TokenLogprob::logprob).sum();
    }
}
