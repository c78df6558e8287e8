package dev.reason4j.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.lm.reward.OracleRewardModel;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.search.protocol.CotStepProtocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UCT, backpropagation and whole MCTS runs against trees computed by hand. */
class MctsAlgorithmTest {

    private static final double EPS = 1e-6;

    @Test
    void should_score_children_by_uct_as_computed_by_hand() {
        SearchTree tree = Trees.tree();
        SearchNode root = tree.root();
        SearchNode a = Trees.step(tree, root, "a");
        SearchNode b = Trees.step(tree, root, "b");
        Trees.stats(root, 10, 3);
        Trees.stats(a, 4, 2); // Q 0.5
        Trees.stats(b, 1, -1); // Q -1

        // a: 0.5 + 2·sqrt(ln 10 / 4) = 0.5 + 2·0.758713 = 2.017427
        assertThat(RStarMcts.uct(a, 2, false)).isCloseTo(2.017427, within(EPS));
        // b: -1 + 2·sqrt(ln 10 / 1) = -1 + 2·1.517427 = 2.034854
        assertThat(RStarMcts.uct(b, 2, false)).isCloseTo(2.034854, within(EPS));
        assertThat(RStarMcts.uct(a, 0, false)).as("c = 0: exploitation only").isCloseTo(0.5, within(EPS));
    }

    @Test
    void should_pick_unvisited_children_first_unless_rstar_quirk_scores_them_zero() {
        SearchTree tree = Trees.tree();
        SearchNode root = tree.root();
        SearchNode a = Trees.step(tree, root, "a");
        SearchNode b = Trees.step(tree, root, "b");
        SearchNode c = Trees.step(tree, root, "c");
        Trees.stats(root, 10, 3);
        Trees.stats(a, 4, 2);
        Trees.stats(b, 1, -1);
        Trees.answer(tree, root, "5"); // ended: never selected

        RStarMcts sane = new RStarMcts(MctsOptions.defaults());
        RStarMcts quirk = new RStarMcts(MctsOptions.builder().unvisitedScoresZero(true).build());
        RStarMcts.MctsProblem p = new RStarMcts.MctsProblem(new ProblemSearch(tree.problem(), tree, 1, 0));

        assertThat(RStarMcts.uct(c, 2, false)).isInfinite();
        assertThat(sane.bestChild(root, p)).isSameAs(c);
        assertThat(RStarMcts.uct(c, 2, true)).isZero();
        assertThat(quirk.bestChild(root, p)).as("b 2.0349 > a 2.0174 > c 0").isSameAs(b);
    }

    @Test
    void should_treat_an_unvisited_parent_as_ln_1() {
        SearchTree tree = Trees.tree();
        SearchNode a = Trees.step(tree, tree.root(), "a");
        Trees.stats(a, 1, 0.6);

        assertThat(RStarMcts.uct(a, 2, false)).as("parent N = 0: no exploration term").isCloseTo(0.6, within(EPS));
    }

    @Test
    void should_back_up_values_along_the_path_only() {
        SearchTree tree = Trees.tree();
        SearchNode root = tree.root();
        SearchNode a = Trees.step(tree, root, "a");
        SearchNode sibling = Trees.step(tree, root, "b");
        SearchNode x = Trees.answer(tree, a, "5");
        SearchNode y = Trees.answer(tree, a, "6");

        x.backpropagate(1);
        y.backpropagate(-1);

        assertThat(x.visits()).isEqualTo(1);
        assertThat(x.q()).isEqualTo(1);
        assertThat(y.q()).isEqualTo(-1);
        assertThat(a.visits()).isEqualTo(2);
        assertThat(a.valueSum()).isZero();
        assertThat(root.visits()).isEqualTo(2);
        assertThat(root.q()).isZero();
        assertThat(sibling.visits()).isZero();
    }

    /**
     * Oracle rewards, no PPM, 2 candidates: rollout 1 expands the root (a open, \boxed{5} correct: +1 backed up),
     * descends into a, expands it (\boxed{5} +1, \boxed{6} −1, both backed up through a and the root) and ends
     * with a exhausted; rollout 2 finds the root exhausted.
     */
    @Test
    void should_grow_the_tree_an_oracle_guided_mcts_grows_by_hand() {
        ScriptedModel model = new ScriptedModel(prompt -> prompt.endsWith("a\n\n")
                ? List.of("\\boxed{5}\n\n", "\\boxed{6}\n\n")
                : List.of("a\n\n", "\\boxed{5}\n\n"), false);
        MathGrader grader = MathGrader.withDefaults();
        SearchContext ctx = SearchContext.builder()
                .policy(model)
                .protocol(new CotStepProtocol(grader.extractor(), true))
                .reward(new OracleRewardModel(grader))
                .build();

        SearchResult r = new RStarMcts(MctsOptions.builder().candidates(2).rollouts(2).build())
                .solve(ctx, new Problem("p", "What is 2+3?", "5"), 1);

        SearchTree tree = r.tree();
        assertThat(tree.size()).isEqualTo(5);
        SearchNode root = tree.root();
        SearchNode a = tree.node(1);
        assertThat(a.step().text()).isEqualTo("a\n\n");
        assertThat(tree.node(2).answer()).contains("5");
        assertThat(tree.node(3).parent()).contains(a);
        assertThat(List.of(tree.node(2).q(), tree.node(3).q(), tree.node(4).q())).containsExactly(1.0, 1.0, -1.0);
        assertThat(a.visits()).isEqualTo(2);
        assertThat(a.q()).isZero();
        assertThat(a.isExhausted()).isTrue();
        assertThat(root.visits()).isEqualTo(3);
        assertThat(root.q()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(root.isExhausted()).isTrue();
        assertThat(r.usage().rollouts()).isEqualTo(1);
        assertThat(r.answer()).isEqualTo("5");
        assertThat(r.answers()).hasSize(2);
        assertThat(r.answers().get(0).votes()).isEqualTo(2);
        assertThat(model.calls).hasSize(2);
        assertThat(model.calls.get(0).n()).isEqualTo(2);
    }

    /**
     * PPM-initialised Q: a 0.6 and b −0.2 start with N = 1; the first descent takes a (its parent is unvisited,
     * so UCT is Q); a's answer (PPM 0.9) is backed up; rollout 2 reaches b, whose answer scores −0.9.
     */
    @Test
    void should_initialise_new_nodes_with_ppm_scores_and_back_up_ppm_terminal_values() {
        ScriptedModel model = new ScriptedModel(prompt -> {
            if (prompt.endsWith("a\n\n")) {
                return List.of("\\boxed{5}\n\n");
            }
            if (prompt.endsWith("b\n\n")) {
                return List.of("\\boxed{6}\n\n");
            }
            return List.of("a\n\n", "b\n\n");
        }, false);
        ScriptedReward ppm = new ScriptedReward(RewardModel.Kind.PROCESS, t -> t.contains("boxed{5}") ? 0.9
                : t.contains("boxed{6}") ? -0.9 : t.startsWith("a") ? 0.6 : -0.2);
        MathGrader grader = MathGrader.withDefaults();
        SearchContext ctx = SearchContext.builder()
                .policy(model)
                .protocol(new CotStepProtocol(grader.extractor(), true))
                .reward(ppm)
                .build();

        SearchResult r = new RStarMcts(MctsOptions.builder().candidates(2).rollouts(2).build())
                .solve(ctx, new Problem("p", "What is 2+3?", "5"), 1);

        SearchTree tree = r.tree();
        SearchNode a = tree.node(1);
        SearchNode b = tree.node(2);
        assertThat(tree.size()).as("duplicate answers removed").isEqualTo(5);
        assertThat(a.reward()).isEqualTo(0.6);
        assertThat(a.visits()).isEqualTo(2);
        assertThat(a.q()).isCloseTo(0.75, within(EPS));
        assertThat(b.visits()).isEqualTo(2);
        assertThat(b.q()).isCloseTo(-0.55, within(EPS));
        assertThat(tree.root().visits()).isEqualTo(2);
        assertThat(tree.root().q()).isCloseTo(0, within(EPS));
        assertThat(tree.node(3).parent()).contains(a);
        assertThat(r.answer()).isEqualTo("5");
        assertThat(r.usage().rollouts()).isEqualTo(2);
        assertThat(r.usage().rewardRequests()).as("2 open nodes + 2 answers").isEqualTo(4);
    }

    @Test
    void should_count_a_dead_end_penalty_into_the_dead_end_alone_with_rstar_quirk() {
        ScriptedModel model = new ScriptedModel(prompt -> List.of("\\boxed{5}\n\n", "no answer<eos>"), false);
        MathGrader grader = MathGrader.withDefaults();
        SearchContext ctx = SearchContext.builder()
                .policy(model)
                .protocol(new CotStepProtocol(grader.extractor(), true))
                .reward(new OracleRewardModel(grader))
                .build();
        Problem problem = new Problem("p", "What is 2+3?", "5");

        SearchTree sane = new RStarMcts(MctsOptions.builder().candidates(2).rollouts(1).build())
                .solve(ctx, problem, 1).tree();
        SearchTree quirk = new RStarMcts(MctsOptions.builder().candidates(2).rollouts(1)
                .propagateInvalidPenalty(false).build()).solve(ctx, problem, 1).tree();

        assertThat(sane.node(2).terminalReason()).contains(TerminalReason.NO_ANSWER);
        assertThat(sane.node(2).q()).isEqualTo(-1);
        assertThat(sane.root().visits()).isEqualTo(2);
        assertThat(sane.root().q()).isZero();
        assertThat(quirk.node(2).q()).isEqualTo(-1);
        assertThat(quirk.root().visits()).isEqualTo(1);
        assertThat(quirk.root().q()).isEqualTo(1);
    }
}
