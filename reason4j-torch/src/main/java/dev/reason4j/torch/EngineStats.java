package dev.reason4j.torch;

/**
 * Work the engine has done since it started, in tokens.
 *
 * @param promptTokens prompt tokens received (including scored continuations)
 * @param promptTokensComputed prompt tokens run through the model
 * @param promptTokensReused prompt tokens taken from the prefix cache instead
 * @param generatedTokens tokens sampled
 * @param decodeSteps batched forward passes of one token per sequence
 */
public record EngineStats(long promptTokens, long promptTokensComputed, long promptTokensReused, long generatedTokens,
        long decodeSteps) {

    /** The work done between {@code earlier} and this snapshot. */
    public EngineStats minus(EngineStats earlier) {
        return new EngineStats(promptTokens - earlier.promptTokens, promptTokensComputed - earlier.promptTokensComputed,
                promptTokensReused - earlier.promptTokensReused, generatedTokens - earlier.generatedTokens,
                decodeSteps - earlier.decodeSteps);
    }
}
