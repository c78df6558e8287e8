package dev.reason4j.lm;

/**
 * Tokens a model has served since it was created, over all calls.
 *
 * @param calls generate and score calls
 * @param prompts prompts generated from or scored
 * @param promptTokens prompt tokens (scored continuations count as prompt tokens)
 * @param cachedPromptTokens prompt tokens served from a prefix cache
 * @param completionTokens generated tokens
 */
public record UsageTotals(long calls, long prompts, long promptTokens, long cachedPromptTokens, long completionTokens) {

    /** Share of prompt tokens that came from the prefix cache, 0 when no prompt was seen. */
    public double cachedShare() {
        return promptTokens == 0 ? 0 : (double) cachedPromptTokens / promptTokens;
    }
}
