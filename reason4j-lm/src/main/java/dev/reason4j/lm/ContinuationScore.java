package dev.reason4j.lm;

import java.util.List;

/**
 * Per-token log-probabilities of a continuation given its prompt.
 *
 * @param promptTokenIds the prompt's tokens
 * @param continuationTokenIds the continuation's tokens
 * @param logprobs {@code log p(continuation[i] | prompt, continuation[..i])}, one per continuation token
 */
public record ContinuationScore(List<Integer> promptTokenIds, List<Integer> continuationTokenIds, List<Double> logprobs) {

    public ContinuationScore {
        promptTokenIds = List.copyOf(promptTokenIds);
        continuationTokenIds = List.copyOf(continuationTokenIds);
        logprobs = List.copyOf(logprobs);
        if (logprobs.size() != continuationTokenIds.size()) {
            throw new IllegalArgumentException("logprobs has " + logprobs.size() + " entries for "
                    + continuationTokenIds.size() + " continuation tokens");
        }
    }

    /** Log-probability of the whole continuation. */
    public double sum() {
        return logprobs.stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Mean log-probability per token (length-normalised, as SimPO uses); 0 for an empty continuation. */
    public double mean() {
        return logprobs.isEmpty() ? 0 : sum() / logprobs.size();
    }
}
