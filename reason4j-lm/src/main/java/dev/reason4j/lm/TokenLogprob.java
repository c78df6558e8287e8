package dev.reason4j.lm;

import java.util.Objects;

/**
 * A token with its log-probability under the model's raw next-token distribution (before temperature, top-k or
 * top-p), so the numbers compare across sampling settings.
 *
 * @param tokenId the vocabulary id
 * @param token the token's text as the tokenizer decodes it alone (a partial UTF-8 character may show as U+FFFD)
 * @param logprob natural-log probability, {@code <= 0}
 */
public record TokenLogprob(int tokenId, String token, double logprob) {

    public TokenLogprob {
        Objects.requireNonNull(token, "token");
        if (tokenId < 0) {
            throw new IllegalArgumentException("tokenId must be >= 0, was " + tokenId);
        }
        if (Double.isNaN(logprob) || logprob > 1e-6) {
            throw new IllegalArgumentException("logprob must be a number <= 0, was " + logprob);
        }
    }
}
