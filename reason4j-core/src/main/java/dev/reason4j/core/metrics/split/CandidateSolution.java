package dev.reason4j.core.metrics.split;

import java.util.Objects;

/**
 * One solution round as a {@link SolutionClusterer} sees it.
 *
 * @param text the round's text
 * @param answer the answer the round reaches, or {@code null} when it reaches none
 * @param sameAnswerAs the index of the earliest earlier round whose answer the grader finds equal to this one's,
 *     or -1 when there is none (a new answer, or no answer)
 */
public record CandidateSolution(String text, String answer, int sameAnswerAs) {

    public CandidateSolution {
        Objects.requireNonNull(text, "text");
        if (sameAnswerAs < -1) {
            throw new IllegalArgumentException("sameAnswerAs must be -1 or an index, got " + sameAnswerAs);
        }
        if (sameAnswerAs >= 0 && answer == null) {
            throw new IllegalArgumentException("sameAnswerAs is " + sameAnswerAs + " but the round has no answer");
        }
    }

    /** Whether the round reaches an answer that no earlier round reached. */
    public boolean newAnswer() {
        return answer != null && sameAnswerAs < 0;
    }
}
