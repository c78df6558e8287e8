package dev.reason4j.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reason4j.core.grading.MathGrader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vote aggregation and score aggregation, computed by hand. */
class AnswerVoteTest {

    private static final MathGrader GRADER = MathGrader.withDefaults();

    /** 1/2 three times (as 0.5, \frac12, 1/2) with scores −0.6, −0.2, 0; 3 twice with 0.8 and 0.6; 7 once, 0.9. */
    private static final List<Candidate> CANDIDATES = List.of(
            new Candidate("0.5", -0.6, 1), new Candidate("3", 0.8, 2), new Candidate("\\frac12", -0.2, 3),
            new Candidate("7", 0.9, 4), new Candidate("1/2", 0.0, 5), new Candidate("3", 0.6, 6));

    @Test
    void should_group_equal_answers_with_the_grader() {
        List<AnswerCluster> clusters = AnswerVote.cluster(CANDIDATES, GRADER);

        assertThat(clusters).extracting(AnswerCluster::answer).containsExactly("0.5", "3", "7");
        assertThat(clusters.get(0).nodes()).containsExactly(1, 3, 5);
        // weights (1 + s) / 2: 0.2 + 0.4 + 0.5 = 1.1; 0.9 + 0.8 = 1.7; 0.95
        assertThat(clusters.get(0).weight()).isCloseTo(1.1, within(1e-9));
        assertThat(clusters.get(1).weight()).isCloseTo(1.7, within(1e-9));
        assertThat(clusters.get(2).weight()).isCloseTo(0.95, within(1e-9));
        assertThat(clusters.get(0).bestScore()).isEqualTo(0.0);
        assertThat(clusters.get(0).bestNode()).isEqualTo(5);
    }

    @Test
    void should_pick_by_top_score_majority_or_weight() {
        List<AnswerCluster> clusters = AnswerVote.cluster(CANDIDATES, GRADER);

        assertThat(AnswerVote.choose(clusters, AnswerSelection.TOP_SCORE)).get().extracting(AnswerCluster::answer).isEqualTo("7");
        assertThat(AnswerVote.choose(clusters, AnswerSelection.MAJORITY)).get().extracting(AnswerCluster::answer).isEqualTo("0.5");
        assertThat(AnswerVote.choose(clusters, AnswerSelection.WEIGHTED)).get().extracting(AnswerCluster::answer).isEqualTo("3");
        assertThat(AnswerVote.choose(List.of(), AnswerSelection.MAJORITY)).isEmpty();
    }

    @Test
    void should_break_ties_by_votes_then_weight_then_order() {
        List<AnswerCluster> clusters = AnswerVote.cluster(List.of(
                new Candidate("1", Double.NaN, 1), new Candidate("2", Double.NaN, 2)), GRADER);

        assertThat(clusters.get(0).weight()).as("unscored trajectories weigh 1").isEqualTo(1);
        assertThat(AnswerVote.choose(clusters, AnswerSelection.MAJORITY)).get().extracting(AnswerCluster::answer).isEqualTo("1");
    }

    @Test
    void should_aggregate_step_scores() {
        List<Double> steps = List.of(0.6, -0.2, 1.0);

        assertThat(ScoreAggregation.LAST.apply(steps)).isEqualTo(1.0);
        assertThat(ScoreAggregation.MIN.apply(steps)).isEqualTo(-0.2);
        assertThat(ScoreAggregation.MEAN.apply(steps)).isCloseTo(1.4 / 3, within(1e-12));
        // (0.8 · 0.4 · 1.0) = 0.32 → 2 · 0.32 − 1
        assertThat(ScoreAggregation.PRODUCT.apply(steps)).isCloseTo(-0.36, within(1e-12));
        assertThatThrownBy(() -> ScoreAggregation.MIN.apply(List.of())).hasMessageContaining("no step scores");
    }
}
