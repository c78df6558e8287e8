package dev.reason4j.lm;

import java.util.Objects;
import java.util.Set;

/**
 * What a model is and what it can do.
 *
 * @param id a name for logs and API responses (a directory name, a served model id)
 * @param contextLength most tokens a prompt and its completion may hold together
 * @param maxTopLogprobs most alternatives per token {@link SamplingParams#topLogprobs()} may ask for
 * @param capabilities the optional features this model serves
 */
public record ModelInfo(String id, int contextLength, int maxTopLogprobs, Set<Capability> capabilities) {

    /** Optional features; a request needing a missing one fails before it reaches the model. */
    public enum Capability {
        /** {@link LanguageModel#score} works. */
        SCORE,
        /** {@link Prompt.Tokens} prompts are accepted. */
        TOKEN_PROMPTS,
        /** {@link Prompt.Chat} prompts are accepted. */
        CHAT
    }

    public ModelInfo {
        Objects.requireNonNull(id, "id");
        capabilities = Set.copyOf(capabilities);
        if (contextLength < 1) {
            throw new IllegalArgumentException("contextLength must be >= 1, was " + contextLength);
        }
        if (maxTopLogprobs < 0) {
            throw new IllegalArgumentException("maxTopLogprobs must be >= 0, was " + maxTopLogprobs);
        }
    }

    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }
}
