package dev.reason4j.recipes.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.recipes.SftRecord;
import dev.reason4j.recipes.evolve.ExploredTree.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rStar-Math's policy data: correct trajectories by mean Q then min Q, top 2 per problem, no execution errors. */
class PolicyDataSelectionTest {

    private final PolicyDataSelection selection = new PolicyDataSelection(PolicyDataOptions.defaults());

    /**
     * Four correct trajectories and a wrong one:
     * <pre>
     *   a (0.75)  ─ a1 (1.0, correct)        mean 0.875, min 0.75
     *             └ a2 (0.5, correct)        mean 0.625, min 0.5
     *   b (0.875) ─ b1 (0.375, correct)      mean 0.625, min 0.375   (ties a2 on mean, loses on min)
     *           └ b2 (1.0, wrong)            never selected
     *   c (1.0, code failed) ─ c1 (1.0, correct)  mean 1.00, but an execution error
     * </pre>
     */
    private static ExploredTree tree() {
        ExploredTree.Builder b = ExploredTree.builder("p1", "What is 2+3?", "Q: What is 2+3?\n");
        int a = b.add(0, "a\n\n", 0.75, 3, false, Outcome.OPEN);
        b.add(a, "a1\n\n", 1.0, 1, false, Outcome.CORRECT);
        b.add(a, "a2\n\n", 0.5, 1, false, Outcome.CORRECT);
        int bb = b.add(0, "b\n\n", 0.875, 3, false, Outcome.OPEN);
        b.add(bb, "b1\n\n", 0.375, 1, false, Outcome.CORRECT);
        b.add(bb, "b2\n\n", 1.0, 1, false, Outcome.WRONG);
        int c = b.add(0, "c\n\n", 1.0, 1, true, Outcome.OPEN);
        b.add(c, "c1\n\n", 1.0, 1, false, Outcome.CORRECT);
        return b.build();
    }

    @Test
    void should_keep_the_two_correct_trajectories_with_the_highest_mean_q_then_min_q() {
        List<SftRecord> records = selection.select(List.of(tree()));

        assertThat(records).extracting(SftRecord::completion).containsExactly("a\n\na1\n\n", "a\n\na2\n\n");
        SftRecord best = records.get(0);
        assertThat(best.problemId()).isEqualTo("p1");
        assertThat(best.prompt()).isEqualTo("Q: What is 2+3?\n");
        assertThat(best.question()).isEqualTo("What is 2+3?");
        assertThat(best.weight()).isEqualTo(1.0);
        assertThat(best.source()).isEqualTo("p1/tree0/node2");
    }

    @Test
    void should_break_a_tie_in_mean_q_by_the_higher_min_q() {
        List<SftRecord> records = new PolicyDataSelection(new PolicyDataOptions(3, true)).select(List.of(tree()));

        assertThat(records).extracting(SftRecord::completion)
                .containsExactly("a\n\na1\n\n", "a\n\na2\n\n", "b\n\nb1\n\n");
    }

    @Test
    void should_keep_a_trajectory_with_a_failed_step_only_when_told_to() {
        List<SftRecord> records = new PolicyDataSelection(new PolicyDataOptions(1, false)).select(List.of(tree()));

        assertThat(records).extracting(SftRecord::completion).containsExactly("c\n\nc1\n\n");
    }

    @Test
    void should_rank_the_trajectories_of_all_trees_of_a_problem_together() {
        ExploredTree.Builder b = ExploredTree.builder("p1", "What is 2+3?", "Q: What is 2+3?\n");
        int x = b.add(0, "x\n\n", 0.95, 2, false, Outcome.OPEN);
        b.add(x, "x1\n\n", 0.95, 1, false, Outcome.CORRECT);

        List<SftRecord> records = selection.select(List.of(tree(), b.build()));

        assertThat(records).extracting(SftRecord::source).containsExactly("p1/tree1/node2", "p1/tree0/node2");
    }

    @Test
    void should_give_nothing_for_a_problem_never_solved() {
        ExploredTree.Builder b = ExploredTree.builder("p2", "q", "P:");
        b.add(0, "w", -1, 1, false, Outcome.WRONG);

        assertThat(selection.select(List.of(b.build()))).isEmpty();
    }

    @Test
    void should_reject_options_that_keep_nothing() {
        assertThatThrownBy(() -> new PolicyDataOptions(0, true)).hasMessage("perProblem must be >= 1, was 0");
    }
}
