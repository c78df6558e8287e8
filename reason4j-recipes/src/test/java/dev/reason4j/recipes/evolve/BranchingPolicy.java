package dev.reason4j.recipes.evolve;

import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.lm.Completion;
import dev.reason4j.lm.ContinuationScore;
import dev.reason4j.lm.FinishReason;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.ModelInfo;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.ScoreRequest;
import dev.reason4j.lm.Usage;
import dev.reason4j.lm.reward.OracleRewardModel;
import dev.reason4j.search.MctsOptions;
import dev.reason4j.search.RStarMcts;
import dev.reason4j.search.SearchContext;
import dev.reason4j.search.SearchResult;
import dev.reason4j.search.SearchSettings;
import dev.reason4j.search.protocol.CotStepProtocol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A policy whose search tree is known in advance: after the prompt it writes step "a" or "b" (sample i writes option
 * i mod 2); after "a" it answers 5 or 6, after "b" 6 or 7. Every step ends with a blank line; a character is a token.
 */
final class BranchingPolicy extends LanguageModel {

    BranchingPolicy() {
        super(SamplingParams.defaults());
    }

    /** rStar MCTS (2 candidates per node, 8 rollouts) with the oracle over this policy: every branch is explored. */
    static List<SearchResult> search(MathGrader grader, List<Problem> problems, long seed) {
        SearchContext ctx = SearchContext.builder()
                .policy(new BranchingPolicy())
                .protocol(new CotStepProtocol(grader.extractor(), true))
                .reward(new OracleRewardModel(grader))
                .settings(SearchSettings.builder().temperature(0.7).build())
                .build();
        RStarMcts mcts = new RStarMcts(MctsOptions.builder().candidates(2).rollouts(8).build());
        return problems.stream().map(p -> mcts.solve(ctx, p, seed)).toList();
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("branching", 1 << 16, 0, Set.of());
    }

    private static List<String> next(String prompt) {
        if (prompt.endsWith("a\n\n")) {
            return List.of("\\boxed{5}", "\\boxed{6}");
        }
        if (prompt.endsWith("b\n\n")) {
            return List.of("\\boxed{6}", "\\boxed{7}");
        }
        return List.of("a", "b");
    }

    @Override
    protected List<GenerationResult> doGenerate(List<Prompt> prompts, SamplingParams params) {
        List<GenerationResult> results = new ArrayList<>();
        for (Prompt p : prompts) {
            String prompt = ((Prompt.Text) p).text();
            List<String> options = next(prompt);
            List<Completion> completions = new ArrayList<>();
            int generated = 0;
            for (int i = 0; i < params.n(); i++) {
                String text = options.get(i % options.size());
                List<Integer> ids = Collections.nCopies(text.length() + 2, 1); // the text, then the blank line
                completions.add(new Completion(i, ids, text, List.of(), List.of(), FinishReason.STOP, "\n\n"));
                generated += ids.size();
            }
            results.add(new GenerationResult(List.of(), completions, new Usage(prompt.length(), 0, generated)));
        }
        return results;
    }

    @Override
    protected List<ContinuationScore> doScore(List<ScoreRequest> requests) {
        throw new UnsupportedOperationException("the branching policy only generates");
    }
}
