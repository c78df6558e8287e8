package dev.reason4j.lm.train.data;

/**
 * The most tokens one sequence (prompt plus one reply, or prefix plus one step) may have, and what happens to longer
 * ones. Truncation keeps the prompt whole and cuts the end of the reply (its end-of-sequence token goes too), as TRL
 * and LLaMA-Factory keep the start; an example whose prompt leaves no room for one reply token is skipped. Step
 * examples (PPM pairs, value targets) read their score at the step's last token, so they are never cut: a step
 * example that is too long is skipped whatever the policy. Every truncation and skip is counted.
 *
 * @param maxTokens the limit, or 0 for none
 * @param overflow what to do with a sequence over the limit
 */
public record LengthLimit(int maxTokens, Overflow overflow) {

    /** What to do with a sequence longer than the limit. */
    public enum Overflow {
        /** Cut the reply's end. */
        TRUNCATE,
        /** Leave the example out. */
        SKIP
    }

    public LengthLimit {
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens must be >= 0 (0 = no limit), got " + maxTokens);
        }
        if (overflow == null) {
            throw new IllegalArgumentException("overflow must be TRUNCATE or SKIP, got null");
        }
    }

    /** No limit. */
    public static LengthLimit none() {
        return new LengthLimit(0, Overflow.TRUNCATE);
    }

    /** Whether a sequence of {@code tokens} fits. */
    public boolean fits(long tokens) {
        return maxTokens == 0 || tokens <= maxTokens;
    }
}
