package dev.reason4j.lm;

import java.util.Objects;

/**
 * Asks for the log-probability of {@code continuation} given {@code prompt}. Each side is tokenized on its own and
 * the ids are concatenated, so the continuation's tokens are exactly those of {@code continuation} alone.
 */
public record ScoreRequest(Prompt prompt, Prompt continuation) {

    public ScoreRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(continuation, "continuation");
        if (continuation instanceof Prompt.Chat) {
            throw new IllegalArgumentException("continuation must be text or tokens, not chat messages");
        }
    }
}
