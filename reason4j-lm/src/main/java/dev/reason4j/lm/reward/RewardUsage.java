package dev.reason4j.lm.reward;

/**
 * What a reward model has scored since it was created.
 *
 * @param calls batches scored ({@link RewardModel#score(java.util.List)} calls)
 * @param requests (prompt, trajectory) pairs scored
 * @param tokens tokens read
 */
public record RewardUsage(long calls, long requests, long tokens) {}
