package dev.reason4j.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.exec.PythonWorkerPool;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.UsageTotals;
import dev.reason4j.lm.reward.LikelihoodRewardModel;
import dev.reason4j.lm.reward.OracleRewardModel;
import dev.reason4j.search.protocol.CodeRules;
import dev.reason4j.search.protocol.CodeStepProtocol;
import dev.reason4j.search.protocol.CotStepProtocol;
import dev.reason4j.torch.EngineOptions;
import dev.reason4j.torch.EngineStats;
import dev.reason4j.torch.TorchLanguageModel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every strategy through the in-process engine on the tiny random-weight fixture (and real CPython for code steps).
 * Random weights write noise, so these tests check the plumbing — trees, token accounting against the engine's own
 * counters, prefix-cache reuse, determinism — not accuracy.
 */
class EngineStrategiesIT {

    private static final MathGrader GRADER = MathGrader.withDefaults();
    private static final List<Problem> PROBLEMS = List.of(
            new Problem("add", "Tom has 3 apples and buys 4 more. How many apples does he have?", "7"),
            new Problem("mul", "A box holds 6 eggs. How many eggs are in 5 boxes?", "30"));
    private static final SearchSettings SETTINGS = SearchSettings.builder()
            .temperature(1.0).topP(1.0).maxStepTokens(24).maxDepth(5).build();

    static TorchLanguageModel model() {
        return TorchLanguageModel.builder()
                .modelDir(LmFixtures.checkpoint(LmFixtures.QWEN2_F32))
                .options(EngineOptions.builder().threads(1).build())
                .build();
    }

    private static SearchContext cot(TorchLanguageModel model, boolean withPrm) {
        SearchContext.Builder b = SearchContext.builder()
                .policy(model)
                .protocol(new CotStepProtocol(GRADER.extractor(), true))
                .settings(SETTINGS);
        if (withPrm) {
            b.reward(new LikelihoodRewardModel(model));
        }
        return b.build();
    }

    private static final MctsOptions MCTS = MctsOptions.builder().candidates(3).rollouts(3).build();

    @Test
    void every_strategy_should_run_on_the_engine_and_account_every_token() {
        List<SearchStrategy> strategies = List.of(
                new Greedy(),
                new SelfConsistency(3),
                new BestOfN(3, ScoreAggregation.MIN, AnswerSelection.TOP_SCORE),
                new PrmBeamSearch(2, 2, AnswerSelection.TOP_SCORE),
                new RStarMcts(MCTS),
                new AdaptiveMcts(MCTS, new AdaptiveOptions(1, 6, 0.75, 0.5)));
        try (TorchLanguageModel model = model()) {
            System.out.println("strategy        accuracy  generated  prompt  cached  reward-req  nodes");
            for (SearchStrategy strategy : strategies) {
                UsageTotals before = model.usageTotals();
                List<SearchResult> results = strategy.solve(cot(model, strategy.selection().needsScores()), PROBLEMS, 7);
                UsageTotals after = model.usageTotals();

                SearchUsage total = results.stream().map(SearchResult::usage).reduce(SearchUsage.ZERO, SearchUsage::plus);
                long correct = results.stream().filter(r -> r.answer() != null
                        && GRADER.grade(problem(r).answer(), r.answer()).equal()).count();
                System.out.printf(Locale.ROOT, "%-15s %8.2f  %9d  %6d  %5.1f%%  %10d  %5d%n", strategy.name(),
                        (double) correct / results.size(), total.generatedTokens(), total.promptTokens(),
                        100 * total.cachedShare(), total.rewardRequests(), total.nodes());

                assertThat(results).extracting(SearchResult::problemId).containsExactly("add", "mul");
                assertThat(results).allSatisfy(r -> {
                    assertThat(r.tree().size()).isGreaterThan(1);
                    assertThat(r.usage().generatedTokens()).isPositive();
                    assertThat(r.usage().nodes()).isEqualTo(r.tree().size());
                    long inNodes = r.tree().nodes().stream().mapToLong(n -> n.step().generatedTokens()).sum();
                    assertThat(inNodes).as("duplicates removed still cost their tokens").isLessThanOrEqualTo(r.usage().generatedTokens());
                    assertThat(r.tree().nodes().stream().skip(1)).allSatisfy(n -> assertThat(n.step().prior()).isBetween(0.0, 1.0));
                    new ObjectMapper().writeValueAsString(SearchJson.result(r, true, new ObjectMapper()));
                });
                // the engine's own counters: generation tokens, plus what the likelihood scorer read
                assertThat(total.generatedTokens()).isEqualTo(after.completionTokens() - before.completionTokens());
                assertThat(total.promptTokens() + total.rewardTokens()).isEqualTo(after.promptTokens() - before.promptTokens());
                assertThat(total.cachedPromptTokens()).isEqualTo(after.cachedPromptTokens() - before.cachedPromptTokens());
                if (strategy instanceof ChainSearch && !(strategy instanceof BestOfN)) {
                    assertThat(total.rewardRequests()).isZero();
                } else {
                    assertThat(total.rewardRequests()).isPositive();
                }
            }
        }
    }

    private static Problem problem(SearchResult r) {
        return PROBLEMS.stream().filter(p -> p.id().equals(r.problemId())).findFirst().orElseThrow();
    }

    @Test
    void mcts_should_reuse_each_parents_prompt_through_the_engine_prefix_cache() {
        try (TorchLanguageModel model = model()) {
            List<SearchResult> results = new RStarMcts(MctsOptions.builder().candidates(3).rollouts(4)
                    .selection(AnswerSelection.MAJORITY).build()).solve(cot(model, false), PROBLEMS, 3);
            EngineStats stats = model.engine().stats();

            SearchUsage total = results.stream().map(SearchResult::usage).reduce(SearchUsage.ZERO, SearchUsage::plus);
            System.out.printf(Locale.ROOT, "mcts prefix cache: %d of %d prompt tokens reused (%.1f%%), %d hits / %d lookups%n",
                    total.cachedPromptTokens(), total.promptTokens(), 100 * total.cachedShare(),
                    model.engine().prefixCacheStats().hits(), model.engine().prefixCacheStats().lookups());
            assertThat(total.cachedPromptTokens()).isEqualTo(stats.promptTokensReused());
            assertThat(total.promptTokens()).isEqualTo(stats.promptTokens());
            // every expansion after the first of a problem extends a prompt the engine has seen
            assertThat(model.engine().prefixCacheStats().hits()).isEqualTo(total.prompts() - PROBLEMS.size());
            assertThat(total.cachedShare()).isGreaterThan(0.5);
        }
    }

    @Test
    void mcts_should_grow_the_same_tree_from_the_same_seed() throws Exception {
        ObjectMapper json = new ObjectMapper();
        RStarMcts mcts = new RStarMcts(MCTS);
        String first;
        String again;
        String other;
        try (TorchLanguageModel model = model()) {
            first = json.writeValueAsString(SearchJson.tree(mcts.solve(cot(model, true), PROBLEMS, 5).get(1).tree(), json));
        }
        try (TorchLanguageModel model = model()) {
            again = json.writeValueAsString(SearchJson.tree(mcts.solve(cot(model, true), PROBLEMS.subList(1, 2), 5).get(0).tree(), json));
            other = json.writeValueAsString(SearchJson.tree(mcts.solve(cot(model, true), PROBLEMS.subList(1, 2), 6).get(0).tree(), json));
        }

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void code_protocol_should_run_steps_in_the_sandbox_during_oracle_guided_mcts() {
        try (TorchLanguageModel model = model(); PythonWorkerPool pool = Pools.start()) {
            SearchContext ctx = SearchContext.builder()
                    .policy(model)
                    .protocol(new CodeStepProtocol(GRADER.extractor(), new CodeRules(3, false, false)))
                    .executor(pool)
                    .reward(new OracleRewardModel(GRADER))
                    .settings(SearchSettings.builder().temperature(1.0).maxStepTokens(96).maxDepth(6).build())
                    .build();

            List<SearchResult> results = new RStarMcts(MctsOptions.builder().candidates(6).rollouts(4).build())
                    .solve(ctx, PROBLEMS, 2);

            long executions = results.stream().mapToLong(r -> r.usage().codeExecutions()).sum();
            System.out.printf("code mcts: %d code steps run, %d failed, %d from snapshots; ends: %s%n", executions,
                    results.stream().mapToLong(r -> r.usage().codeFailures()).sum(),
                    results.stream().mapToLong(r -> r.usage().codeFromSnapshot()).sum(),
                    results.stream().flatMap(r -> r.tree().nodes().stream())
                            .flatMap(n -> n.terminalReason().stream()).map(TerminalReason::wireName).toList());
            assertThat(executions).isPositive();
            List<SearchNode> tooManyErrors = results.stream().flatMap(r -> r.tree().nodes().stream())
                    .filter(n -> n.terminalReason().equals(Optional.of(TerminalReason.TOO_MANY_CODE_ERRORS)))
                    .toList();
            assertThat(tooManyErrors).isNotEmpty().allSatisfy(n -> assertThat(n.consecutiveErrors()).isEqualTo(3));
            for (SearchResult r : results) {
                List<SearchNode> code = r.tree().nodes().stream().filter(n -> n.step().code() != null).toList();
                assertThat((long) code.size()).isEqualTo(r.usage().codeExecutions());
                assertThat(code).allSatisfy(n -> {
                    assertThat(n.step().text()).containsAnyOf(CodeStepProtocol.STEP_END, CodeStepProtocol.CODE_END);
                    if (n.step().code().failed()) {
                        assertThat(n.consecutiveErrors()).isPositive();
                    } else {
                        assertThat(n.codePrefix().steps()).endsWith(n.step().code().code());
                    }
                });
            }
        }
    }
}
