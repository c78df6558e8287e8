package dev.reason4j.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * The reward model that scores steps or trajectories.
 *
 * @param reward none, likelihood (the policy's own token likelihood) or oracle (grades answers against the gold
 *     answer: data synthesis, not a test score)
 * @param ppm a process preference model checkpoint (value head) at the same path on every executor, or null
 * @param orm an outcome reward model checkpoint, or null
 * @param rawScores with a PPM or ORM: the head's raw output instead of rStar-Math's tanh(raw/5)
 */
public record RewardOptions(Reward reward, String ppm, String orm, boolean rawScores) implements Serializable {

    /** Reward models that need no checkpoint. */
    public enum Reward {
        none,
        likelihood,
        oracle
    }

    public RewardOptions {
        Objects.requireNonNull(reward, "reward");
        if (ppm != null && orm != null) {
            throw new IllegalArgumentException("give ppm or orm, not both");
        }
        if ((ppm != null || orm != null) && reward != Reward.none) {
            throw new IllegalArgumentException("ppm and orm replace reward " + reward + "; give one of them");
        }
    }

    /** No reward model. */
    public static RewardOptions none() {
        return new RewardOptions(Reward.none, null, null, false);
    }

    /** Whether searches have a reward model to rank with. */
    boolean scored() {
        return reward != Reward.none || ppm != null || orm != null;
    }
}
