package dev.reason4j.core.metrics;

/**
 * A response that kept going after it had the right answer: an example of overthinking for reports.
 *
 * @param line the input line
 * @param sample the sample index within the record
 * @param problemKey the problem it answers
 * @param tokens its tokens
 * @param tokensAfterFirstCorrect tokens spent after its first correct round
 * @param solutions its number of rounds
 * @param firstCorrect the 1-based position of its first correct round
 */
public record WastedCompute(
        long line, int sample, String problemKey, long tokens, long tokensAfterFirstCorrect, int solutions,
        int firstCorrect) {}
