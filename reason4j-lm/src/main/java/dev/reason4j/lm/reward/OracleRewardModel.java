package dev.reason4j.lm.reward;

import dev.reason4j.core.grading.MathGrader;
import java.util.List;
import java.util.Objects;

/**
 * Grades a complete trajectory's final answer against the gold answer: {@code +1} when the project's
 * {@link MathGrader} finds them equal, {@code -1} otherwise (no answer found included). These are the terminal rewards
 * of rStar-Math's data synthesis (Guan et al., "rStar-Math: Small LLMs Can Master Math Reasoning with Self-Evolved
 * Deep Thinking", arXiv:2501.04519, 2025: terminal-guided Q-value annotation), before any PPM exists.
 */
public final class OracleRewardModel extends RewardModel {

    private final MathGrader grader;
    private final double correct;
    private final double wrong;

    /**
     * @param correct reward of a correct answer
     * @param wrong reward of a wrong or missing answer
     */
    public OracleRewardModel(MathGrader grader, double correct, double wrong) {
        this.grader = Objects.requireNonNull(grader, "grader");
        if (!Double.isFinite(correct) || !Double.isFinite(wrong) || !(correct > wrong)) {
            throw new IllegalArgumentException(
                    "rewards must be finite with correct > wrong, were correct " + correct + ", wrong " + wrong);
        }
        this.correct = correct;
        this.wrong = wrong;
    }

    /** ±1 with the given grader. */
    public OracleRewardModel(MathGrader grader) {
        this(grader, 1, -1);
    }

    @Override
    public String id() {
        return "oracle";
    }

    @Override
    public Kind kind() {
        return Kind.ORACLE;
    }

    @Override
    protected List<RewardScore> doScore(List<RewardRequest> batch) {
        return batch.stream()
                .map(r -> new RewardScore(grader.gradeResponse(r.reference(), r.trajectory()).equal() ? correct : wrong, 0))
                .toList();
    }
}
