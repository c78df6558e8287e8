package dev.reason4j.search;

import dev.reason4j.core.dataset.Problem;
import java.util.SplittableRandom;

/** The state of one problem's search: its tree, its random streams and what it has cost so far. */
final class ProblemSearch {

    final Problem problem;
    final SearchTree tree;
    /** Breaks ties between equally good choices, from the problem's own seed. */
    final SplittableRandom random;
    private final long seed;
    private final long tokenBudget;
    private final long startNanos = System.nanoTime();
    private long endNanos = -1;
    private long calls;
    long promptTokens;
    long cachedPromptTokens;
    long generatedTokens;
    long prompts;
    long codeExecutions;
    long codeFailures;
    long codeFromSnapshot;
    long rewardRequests;
    long rewardTokens;
    long rollouts;

    ProblemSearch(Problem problem, SearchTree tree, long seed, long tokenBudget) {
        this.problem = problem;
        this.tree = tree;
        this.seed = seed;
        this.tokenBudget = tokenBudget;
        this.random = new SplittableRandom(Seeds.mix(seed, -1));
    }

    /** The seed of this problem's next generation call. */
    long nextCallSeed() {
        return Seeds.mix(seed, calls++);
    }

    /** Whether the problem has generated its token budget. */
    boolean overBudget() {
        return tokenBudget > 0 && generatedTokens >= tokenBudget;
    }

    boolean finished() {
        return endNanos >= 0;
    }

    void finish() {
        if (endNanos < 0) {
            endNanos = System.nanoTime();
        }
    }

    SearchUsage usage() {
        long end = endNanos >= 0 ? endNanos : System.nanoTime();
        return new SearchUsage(promptTokens, cachedPromptTokens, generatedTokens, prompts, codeExecutions, codeFailures,
                codeFromSnapshot, rewardRequests, rewardTokens, tree.size(), rollouts, (end - startNanos) / 1_000_000);
    }
}
