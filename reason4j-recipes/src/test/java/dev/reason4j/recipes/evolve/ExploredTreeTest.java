package dev.reason4j.recipes.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.recipes.evolve.ExploredTree.Outcome;
import org.junit.jupiter.api.Test;

class ExploredTreeTest {

    @Test
    void should_know_which_outcomes_each_subtree_reaches() {
        ExploredTree.Builder b = ExploredTree.builder("p", "q", "P:");
        int a = b.add(0, "a", 0.5, 4, false, Outcome.OPEN);
        int a1 = b.add(a, "a1", 1, 1, false, Outcome.CORRECT);
        int a2 = b.add(a, "a2", -1, 1, false, Outcome.WRONG);
        int c = b.add(0, "c", -1, 1, false, Outcome.OPEN);
        int c1 = b.add(c, "c1", -1, 1, false, Outcome.DEAD_END);
        ExploredTree tree = b.build();

        assertThat(tree.reachesCorrect(tree.root())).isTrue();
        assertThat(tree.reachesWrong(tree.root())).isTrue();
        assertThat(tree.reachesDeadEnd(tree.root())).isTrue();
        assertThat(tree.reachesCorrect(tree.node(a))).isTrue();
        assertThat(tree.reachesWrong(tree.node(a))).isTrue();
        assertThat(tree.reachesDeadEnd(tree.node(a))).isFalse();
        assertThat(tree.reachesCorrect(tree.node(c))).isFalse();
        assertThat(tree.reachesDeadEnd(tree.node(c))).isTrue();
        assertThat(tree.answers()).extracting(ExploredTree.Node::id).containsExactly(a1, a2);
        assertThat(tree.steps(tree.node(a2))).extracting(ExploredTree.Node::text).containsExactly("a", "a2");
        assertThat(tree.steps(tree.root())).isEmpty();
        assertThat(tree.children(tree.node(c))).extracting(ExploredTree.Node::id).containsExactly(c1);
    }

    @Test
    void should_refuse_children_below_an_ended_branch_and_unknown_parents() {
        ExploredTree.Builder b = ExploredTree.builder("p", "q", "P:");
        int end = b.add(0, "x", 1, 1, false, Outcome.CORRECT);

        assertThatThrownBy(() -> b.add(end, "y", 0, 0, false, Outcome.OPEN))
                .hasMessageContaining("node 1 ended (CORRECT)");
        assertThatThrownBy(() -> b.add(7, "y", 0, 0, false, Outcome.OPEN))
                .hasMessageContaining("parent must be an existing node in [0, 2), was 7");
        assertThatThrownBy(() -> b.add(0, "y", Double.NaN, 0, false, Outcome.OPEN))
                .hasMessageContaining("Q must be finite");
    }
}
