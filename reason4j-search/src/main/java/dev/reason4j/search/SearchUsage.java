package dev.reason4j.search;

/**
 * What solving one problem cost.
 *
 * @param promptTokens prompt tokens sent to the policy (a prompt sampled {@code n} times counts once)
 * @param cachedPromptTokens of those, tokens the engine's prefix cache served instead of computing
 * @param generatedTokens tokens the policy generated
 * @param prompts prompts sent to the policy
 * @param codeExecutions code steps run
 * @param codeFailures code steps that failed
 * @param codeFromSnapshot code steps that started from the kept state of their branch instead of replaying it
 * @param rewardRequests (prompt, trajectory) pairs scored by reward models
 * @param rewardTokens tokens reward models read
 * @param nodes nodes in the search tree, root included
 * @param rollouts MCTS rollouts, or trajectories for strategies without rollouts
 * @param wallMillis time from the start of the problem's search to its end; problems searched together in
 *     lockstep overlap
 */
public record SearchUsage(long promptTokens, long cachedPromptTokens, long generatedTokens, long prompts,
        long codeExecutions, long codeFailures, long codeFromSnapshot, long rewardRequests, long rewardTokens,
        long nodes, long rollouts, long wallMillis) {

    public static final SearchUsage ZERO = new SearchUsage(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Share of prompt tokens served by the prefix cache, 0 when no prompt was sent. */
    public double cachedShare() {
        return promptTokens == 0 ? 0 : (double) cachedPromptTokens / promptTokens;
    }

    /** Field-by-field sum, for totals over problems. */
    public SearchUsage plus(SearchUsage o) {
        return new SearchUsage(promptTokens + o.promptTokens, cachedPromptTokens + o.cachedPromptTokens,
                generatedTokens + o.generatedTokens, prompts + o.prompts, codeExecutions + o.codeExecutions,
                codeFailures + o.codeFailures, codeFromSnapshot + o.codeFromSnapshot, rewardRequests + o.rewardRequests,
                rewardTokens + o.rewardTokens, nodes + o.nodes, rollouts + o.rollouts, wallMillis + o.wallMillis);
    }
}
