package dev.reason4j.lm;

/**
 * Tokens one prompt cost. A prompt sampled {@code n} times is counted once.
 *
 * @param promptTokens tokens in the prompt
 * @param cachedPromptTokens prompt tokens whose keys/values came from a prefix cache instead of being computed
 * @param completionTokens tokens generated over all completions of the prompt
 */
public record Usage(int promptTokens, int cachedPromptTokens, int completionTokens) {

    public Usage {
        if (promptTokens < 0) {
            throw new IllegalArgumentException("promptTokens must be >= 0, was " + promptTokens);
        }
        if (cachedPromptTokens < 0 || cachedPromptTokens > promptTokens) {
            throw new IllegalArgumentException(
                    "cachedPromptTokens must be in [0, promptTokens=" + promptTokens + "], was " + cachedPromptTokens);
        }
        if (completionTokens < 0) {
            throw new IllegalArgumentException("completionTokens must be >= 0, was " + completionTokens);
        }
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
