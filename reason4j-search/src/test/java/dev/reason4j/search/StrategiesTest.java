package dev.reason4j.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.lm.reward.OracleRewardModel;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.search.protocol.CotStepProtocol;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Greedy, self-consistency, best-of-N and beam search on scripted models. */
class StrategiesTest {

    private static final MathGrader GRADER = MathGrader.withDefaults();
    private static final Problem PROBLEM = new Problem("p", "What is 2+3?", "5");

    private static SearchContext.Builder context(ScriptedModel model) {
        return SearchContext.builder().policy(model).protocol(new CotStepProtocol(GRADER.extractor(), true));
    }

    @Test
    void greedy_should_take_one_trajectory_at_temperature_zero() {
        ScriptedModel model = new ScriptedModel(prompt -> prompt.endsWith("Add.\n\n")
                ? List.of("So \\boxed{5}.\n\n", "So \\boxed{6}.\n\n") : List.of("Add.\n\n", "Guess.\n\n"), true);

        SearchResult r = new Greedy().solve(context(model).build(), PROBLEM, 3);

        assertThat(r.answer()).isEqualTo("5");
        assertThat(r.response()).isEqualTo("Add.\n\nSo \\boxed{5}.\n\n");
        assertThat(model.calls).allSatisfy(p -> {
            assertThat(p.temperature()).isZero();
            assertThat(p.n()).isEqualTo(1);
        });
        assertThat(r.usage().generatedTokens()).isEqualTo("Add.\n\n".length() + "So \\boxed{5}.\n\n".length());
        assertThat(r.usage().prompts()).isEqualTo(2);
        assertThat(r.usage().nodes()).isEqualTo(3);
    }

    @Test
    void self_consistency_should_vote_over_equal_answers() {
        // samples 0..4 write options 0,1,2,0,1: 5, 10/2, 6, 5, 10/2 — four votes for 5
        ScriptedModel model = new ScriptedModel(
                prompt -> List.of("\\boxed{5}\n\n", "\\boxed{\\frac{10}{2}}\n\n", "\\boxed{6}\n\n"), false);

        SearchResult r = new SelfConsistency(5).solve(context(model).build(), PROBLEM, 3);

        assertThat(r.answer()).isEqualTo("5");
        assertThat(r.answers()).hasSize(2);
        assertThat(r.answers().get(0).votes()).isEqualTo(4);
        assertThat(r.answers().get(1).votes()).isEqualTo(1);
        assertThat(model.calls).hasSize(1);
        assertThat(model.calls.get(0).n()).isEqualTo(5);
        assertThat(r.usage().rollouts()).isEqualTo(5);
    }

    @Test
    void self_consistency_should_refuse_temperature_zero() {
        ScriptedModel model = new ScriptedModel(prompt -> List.of("\\boxed{5}\n\n"), false);
        SearchContext ctx = context(model).settings(SearchSettings.builder().temperature(0).build()).build();

        assertThatThrownBy(() -> new SelfConsistency(4).solve(ctx, PROBLEM, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maj@4 needs a sampling temperature > 0");
    }

    /** Step scores a .9 / b .2 / c .5, answers after them 1 → .1, 2 → .8, 3 → .6. */
    private static SearchResult bestOfThree(ScoreAggregation aggregation) {
        ScriptedModel model = new ScriptedModel(prompt -> {
            for (String s : List.of("a", "b", "c")) {
                if (prompt.endsWith(s + "\n\n")) {
                    return List.of("\\boxed{" + (s.charAt(0) - 'a' + 1) + "}\n\n");
                }
            }
            return List.of("a\n\n", "b\n\n", "c\n\n");
        }, false);
        ScriptedReward prm = new ScriptedReward(RewardModel.Kind.PROCESS, t -> t.contains("boxed{1}") ? 0.1
                : t.contains("boxed{2}") ? 0.8 : t.contains("boxed{3}") ? 0.6
                : t.startsWith("a") ? 0.9 : t.startsWith("b") ? 0.2 : 0.5);
        return new BestOfN(3, aggregation, AnswerSelection.TOP_SCORE).solve(context(model).reward(prm).build(), PROBLEM, 1);
    }

    @Test
    void best_of_n_should_rank_trajectories_by_aggregated_step_scores() {
        SearchResult last = bestOfThree(ScoreAggregation.LAST);
        SearchResult min = bestOfThree(ScoreAggregation.MIN);
        SearchResult mean = bestOfThree(ScoreAggregation.MEAN);

        assertThat(last.answer()).as("last: .1 / .8 / .6").isEqualTo("2");
        assertThat(min.answer()).as("min: .1 / .2 / .5").isEqualTo("3");
        assertThat(mean.answer()).as("mean: .5 / .5 / .55").isEqualTo("3");
        assertThat(last.usage().rewardRequests()).as("3 steps + 3 answers").isEqualTo(6);
    }

    @Test
    void best_of_n_should_refuse_step_aggregation_with_an_outcome_scorer() {
        ScriptedModel model = new ScriptedModel(prompt -> List.of("\\boxed{5}\n\n"), false);
        SearchContext ctx = context(model).reward(new OracleRewardModel(GRADER)).build();

        assertThatThrownBy(() -> new BestOfN(2, ScoreAggregation.MIN, AnswerSelection.TOP_SCORE).solve(ctx, PROBLEM, 1))
                .hasMessageContaining("aggregation MIN needs step scores");
        SearchResult r = new BestOfN(2, ScoreAggregation.LAST, AnswerSelection.TOP_SCORE).solve(ctx, PROBLEM, 1);
        assertThat(r.tree().answers()).allSatisfy(n -> assertThat(n.reward()).isEqualTo(1));
    }

    @Test
    void beam_search_should_keep_the_best_scored_steps() {
        ScriptedModel model = new ScriptedModel(prompt -> {
            if (prompt.endsWith("s4\n\n")) {
                return List.of("\\boxed{5}\n\n", "t\n\n");
            }
            if (prompt.endsWith("s2\n\n")) {
                return List.of("\\boxed{6}\n\n", "u\n\n");
            }
            return List.of("s1\n\n", "s2\n\n", "s3\n\n", "s4\n\n");
        }, false);
        ScriptedReward prm = new ScriptedReward(RewardModel.Kind.PROCESS, t -> t.contains("boxed{5}") ? 0.8
                : t.contains("boxed{6}") ? 0.3 : t.startsWith("s4") ? 0.9 : t.startsWith("s1") ? 0.1 : 0.5);

        SearchResult r = new PrmBeamSearch(2, 2, AnswerSelection.TOP_SCORE).solve(context(model).reward(prm).build(), PROBLEM, 1);

        assertThat(model.calls.get(0).n()).as("the root fills the beam: 2 × 2").isEqualTo(4);
        assertThat(model.prompts).hasSize(3);
        assertThat(model.prompts.get(1)).endsWith("s4\n\n");
        assertThat(model.prompts.get(2)).as("s2 and s3 tie at .5: the earlier node wins").endsWith("s2\n\n");
        assertThat(r.answer()).isEqualTo("5");
        assertThat(r.tree().answers()).hasSize(2);
    }

    @Test
    void beam_pruning_should_keep_the_top_width_by_score_then_id() {
        SearchTree tree = Trees.tree();
        List<SearchNode> nodes = List.of(Trees.step(tree, tree.root(), "a"), Trees.step(tree, tree.root(), "b"),
                Trees.step(tree, tree.root(), "c"), Trees.step(tree, tree.root(), "d"));
        double[] scores = {0.1, 0.7, 0.7, 0.9};
        for (int i = 0; i < 4; i++) {
            nodes.get(i).setReward(scores[i]);
        }

        assertThat(PrmBeamSearch.prune(nodes, 3)).extracting(SearchNode::id).containsExactly(4, 2, 3);
        assertThat(PrmBeamSearch.prune(nodes, 2)).extracting(SearchNode::id).containsExactly(4, 2);
    }

    @Test
    void beam_search_should_need_a_process_model() {
        ScriptedModel model = new ScriptedModel(prompt -> List.of("\\boxed{5}\n\n"), false);
        SearchContext ctx = context(model).reward(new OracleRewardModel(GRADER)).build();

        assertThatThrownBy(() -> new PrmBeamSearch(2, 2, AnswerSelection.TOP_SCORE).solve(ctx, PROBLEM, 1))
                .hasMessageContaining("needs a process reward model");
    }

    @Test
    void should_give_a_problem_the_same_tree_whatever_shares_its_batch() {
        Function<String, List<String>> options = prompt -> prompt.split("\n\n", -1).length > 2
                ? List.of("\\boxed{1}\n\n", "\\boxed{2}\n\n", "\\boxed{3}\n\n", "\\boxed{4}\n\n", "\\boxed{5}\n\n")
                : List.of("x\n\n", "yy\n\n", "zzz\n\n", "wwww\n\n", "v\n\n", "uu\n\n", "ttt\n\n");
        Problem other = new Problem("other", "Something else?", "1");
        ScriptedModel model = new ScriptedModel(options, true);
        SearchContext ctx = context(model).settings(SearchSettings.builder().maxDepth(4).build()).build();
        RStarMcts mcts = new RStarMcts(MctsOptions.builder().candidates(3).rollouts(4).selection(AnswerSelection.MAJORITY).build());

        SearchResult together = mcts.solve(ctx, List.of(other, PROBLEM), 11).get(1);
        SearchResult alone = mcts.solve(ctx, PROBLEM, 11);
        SearchResult reseeded = mcts.solve(ctx, PROBLEM, 12);

        assertThat(texts(alone.tree())).isEqualTo(texts(together.tree()));
        assertThat(alone.tree().size()).isGreaterThan(4);
        assertThat(texts(reseeded.tree())).isNotEqualTo(texts(alone.tree()));
    }

    @Test
    void lockstep_should_send_one_call_per_round_for_all_problems() {
        ScriptedModel model = new ScriptedModel(prompt -> List.of("\\boxed{5}\n\n"), false);
        Problem other = new Problem("other", "Something else?", "1");
        SearchContext perProblem = context(model).build();
        SearchContext lockstep = context(model).settings(SearchSettings.builder().lockstep(true).build()).build();

        new SelfConsistency(2).solve(perProblem, List.of(PROBLEM, other), 1);
        int separate = model.calls.size();
        model.calls.clear();
        new SelfConsistency(2).solve(lockstep, List.of(PROBLEM, other), 1);

        assertThat(separate).isEqualTo(2);
        assertThat(model.calls).hasSize(1);
    }

    @Test
    void should_stop_expanding_a_problem_at_its_token_budget() {
        ScriptedModel model = new ScriptedModel(prompt -> List.of("step\n\n", "more\n\n"), false);
        SearchContext ctx = context(model).settings(SearchSettings.builder().tokenBudget(20).maxDepth(50).build()).build();

        SearchResult r = new RStarMcts(MctsOptions.builder().candidates(2).rollouts(10)
                .selection(AnswerSelection.MAJORITY).build()).solve(ctx, PROBLEM, 1);

        // each expansion writes 6 + 6 tokens: the budget of 20 is crossed on the second
        assertThat(r.usage().generatedTokens()).isEqualTo(24);
        assertThat(r.answer()).isNull();
    }

    @Test
    void should_reject_batches_with_duplicate_problem_ids() {
        ScriptedModel model = new ScriptedModel(prompt -> List.of("\\boxed{5}\n\n"), false);

        assertThatThrownBy(() -> new Greedy().solve(context(model).build(), List.of(PROBLEM, PROBLEM), 1))
                .hasMessageContaining("problem id 'p' appears twice");
        assertThatThrownBy(() -> new RStarMcts(MctsOptions.defaults()).solve(context(model).build(), PROBLEM, 1))
                .hasMessageContaining("answer selection TOP_SCORE needs a reward model");
    }

    private static List<String> texts(SearchTree tree) {
        return tree.nodes().stream().map(n -> n.step().text() + "@" + n.parent().map(SearchNode::id).orElse(-1)).toList();
    }
}
