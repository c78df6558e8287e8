package dev.reason4j.recipes.evolve;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.util.Closeables;
import dev.reason4j.exec.CodeExecutor;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.reward.OracleRewardModel;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.search.SearchContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The models a search stage opened (policy, PPM, sandbox) and the search context over them; closing it closes them.
 */
final class SearchModels implements AutoCloseable {

    private final List<AutoCloseable> opened;
    private final SearchContext context;

    /** A context over {@code opened}, which closing this closes. */
    SearchModels(List<AutoCloseable> opened, SearchContext context) {
        this.opened = List.copyOf(opened);
        this.context = context;
    }

    /**
     * Opens the policy in {@code policy} and, when {@code ppm} is not null, the PPM in it; with {@code oracle},
     * terminal answers are graded against the gold answers (data synthesis).
     */
    static SearchModels open(EvolutionModels models, MctsSettings mcts, MathGrader grader, Path policy, Path ppm,
            boolean oracle) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            LanguageModel lm = models.generator(policy);
            opened.add(lm);
            CodeExecutor executor = null;
            if (mcts.protocol() == StepFormat.CODE) {
                executor = models.codeExecutor();
                opened.add(executor);
            }
            RewardModel valueModel = null;
            if (ppm != null) {
                valueModel = models.processPreferenceModel(ppm);
                opened.add(valueModel);
            }
            return new SearchModels(opened, context(mcts, grader, lm, executor, valueModel, oracle));
        } catch (RuntimeException e) {
            Closeables.closeInReverse(opened, e);
            throw e;
        }
    }

    /**
     * A search context over open models: {@code mcts}'s step format and sampling, the sandbox (code steps) and the
     * value model when not null, and with {@code oracle} the oracle's terminal rewards.
     */
    static SearchContext context(MctsSettings mcts, MathGrader grader, LanguageModel policy, CodeExecutor executor,
            RewardModel valueModel, boolean oracle) {
        SearchContext.Builder ctx = SearchContext.builder()
                .policy(policy)
                .protocol(mcts.stepProtocol(grader))
                .grader(grader)
                .settings(mcts.settings());
        if (executor != null) {
            ctx.executor(executor);
        }
        if (valueModel != null) {
            ctx.reward(valueModel);
        }
        if (oracle) {
            ctx.reward(new OracleRewardModel(grader));
        }
        return ctx.build();
    }

    SearchContext context() {
        return context;
    }

    @Override
    public void close() {
        RuntimeException failure = new IllegalStateException("cannot close the search's models");
        Closeables.closeInReverse(opened, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }
}
