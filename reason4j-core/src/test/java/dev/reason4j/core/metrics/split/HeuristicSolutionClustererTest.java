package dev.reason4j.core.metrics.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeuristicSolutionClustererTest {

    private final HeuristicSolutionClusterer clusterer = new HeuristicSolutionClusterer();

    @Test
    void a_recomputation_with_the_same_answer_joins_the_cluster_of_that_answer() {
        int[] clusters = clusterer.clusters("", List.of(
                new CandidateSolution("2 + 3 = 5, the answer is 5", "5", -1),
                new CandidateSolution("adding again, 2 + 3 = 5, the answer is 5", "5", 0)));

        assertThat(clusters).containsExactly(0, 0);
    }

    @Test
    void a_new_answer_opens_a_new_cluster() {
        int[] clusters = clusterer.clusters("", List.of(
                new CandidateSolution("the answer is 5", "5", -1),
                new CandidateSolution("no wait, the answer is 6", "6", -1),
                new CandidateSolution("again, the answer is 5", "5", 0)));

        assertThat(clusters).containsExactly(0, 1, 0);
    }

    @Test
    void a_technique_no_earlier_round_mentioned_opens_a_new_cluster_even_with_the_same_answer() {
        int[] clusters = clusterer.clusters("", List.of(
                new CandidateSolution("by factoring, x = 2", "2", -1),
                new CandidateSolution("with the quadratic formula, x = 2", "2", 0),
                new CandidateSolution("factoring once more, x = 2", "2", 0)));

        assertThat(clusters).containsExactly(0, 1, 0);
    }

    @Test
    void a_round_without_an_answer_and_without_new_terms_joins_the_round_before() {
        int[] clusters = clusterer.clusters("", List.of(
                new CandidateSolution("the answer is 5", "5", -1),
                new CandidateSolution("on a number line, the answer is 7", "7", -1),
                new CandidateSolution("hmm, still thinking", null, -1)));

        assertThat(clusters).containsExactly(0, 1, 1);
    }

    @Test
    void rejects_a_same_answer_index_that_is_not_earlier() {
        assertThatThrownBy(() -> clusterer.clusters("", List.of(new CandidateSolution("x", "5", 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("round 0");
    }

    @Test
    void candidate_rejects_a_same_answer_index_without_an_answer() {
        assertThatThrownBy(() -> new CandidateSolution("x", null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sameAnswerAs is 0");
        assertThatThrownBy(() -> new CandidateSolution("x", "1", -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2");
    }
}
