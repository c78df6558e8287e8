package dev.reason4j.core.grading;

/**
 * What a percent sign means when only one side of a comparison has it. Both sides with a percent sign always
 * compare their numbers; neither side with one never scales (so 2500 is never 25).
 */
public enum PercentPolicy {
    /** {@code 50\%} equals {@code 50} only. */
    DROP_SIGN,
    /** {@code 50\%} equals {@code 0.5} only. */
    AS_FRACTION,
    /** {@code 50\%} equals {@code 50} or {@code 0.5} (the default: both are common ways to answer). */
    EITHER
}
