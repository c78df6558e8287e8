package dev.reason4j.lm.reward;

import dev.reason4j.lm.Prompt;
import java.util.List;
import java.util.Objects;

/**
 * One (prompt, trajectory) pair to score.
 *
 * @param prompt what the policy was asked: the question in the policy's prompt format
 * @param trajectory the steps written so far, as text (empty before the first step)
 * @param trajectoryTokenIds the same steps as token ids of the policy's vocabulary, or empty when unknown; a scorer
 *     that shares the policy's tokenizer may read them instead of tokenizing {@code trajectory} (so prompt
 *     caches see exactly the policy's tokens), any other scorer ignores them
 * @param complete whether the trajectory has ended with a final answer; outcome and oracle models score only
 *     complete trajectories
 * @param reference the gold answer, for {@link RewardModel.Kind#ORACLE} models; learned models ignore it; may be
 *     null when unknown
 */
public record RewardRequest(Prompt prompt, String trajectory, List<Integer> trajectoryTokenIds, boolean complete,
        String reference) {

    public RewardRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(trajectory, "trajectory");
        trajectoryTokenIds = List.copyOf(trajectoryTokenIds);
        for (int i = 0; i < trajectoryTokenIds.size(); i++) {
            if (trajectoryTokenIds.get(i) < 0) {
                throw new IllegalArgumentException(
                        "trajectoryTokenIds[" + i + "] must be >= 0, was " + trajectoryTokenIds.get(i));
            }
        }
    }

    /** A partial trajectory, for process models. */
    public static RewardRequest partial(Prompt prompt, String trajectory, List<Integer> tokenIds) {
        return new RewardRequest(prompt, trajectory, tokenIds, false, null);
    }

    /** A trajectory that ended with a final answer; {@code reference} is the gold answer, or null. */
    public static RewardRequest complete(Prompt prompt, String trajectory, List<Integer> tokenIds, String reference) {
        return new RewardRequest(prompt, trajectory, tokenIds, true, reference);
    }
}
