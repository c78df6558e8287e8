package dev.reason4j.spark;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.util.Closeables;
import dev.reason4j.exec.PythonWorkerPool;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.hf.HfTokenizer;
import dev.reason4j.lm.openai.OpenAiLanguageModel;
import dev.reason4j.lm.reward.LikelihoodRewardModel;
import dev.reason4j.lm.reward.OracleRewardModel;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.search.SearchContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one executor JVM opened to search (policy, local tokenizer, Python sandbox, reward model) and the search
 * context over them. Its tasks share it: the OpenAI client and the sandbox pool take concurrent calls, and the
 * in-process engine serialises them.
 */
public final class ExecutorSession implements AutoCloseable {

    private final List<AutoCloseable> opened;
    private final SearchContext context;
    private final MathGrader grader;

    private ExecutorSession(List<AutoCloseable> opened, SearchContext context, MathGrader grader) {
        this.opened = List.copyOf(opened);
        this.context = context;
        this.grader = grader;
    }

    /** Opens what {@code options} names, closing what was opened when a later part fails. */
    static ExecutorSession open(SearchOptions options) {
        MathGrader grader = MathGrader.withDefaults();
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            LanguageModel policy = policy(options.policy(), opened);
            SearchContext.Builder ctx = SearchContext.builder()
                    .policy(policy)
                    .protocol(options.steps().stepProtocol(grader, options.strategies().rstarQuirks()))
                    .grader(grader)
                    .settings(options.sampling().settings());
            options.steps().prompt().ifPresent(ctx::prompt);
            if (options.steps().protocol() == StepOptions.Protocol.code) {
                PythonWorkerPool pool = PythonWorkerPool.start(options.sandbox().poolConfig());
                opened.add(pool);
                ctx.executor(pool);
            }
            RewardModel reward = reward(options, policy, grader);
            if (reward != null) {
                opened.add(reward);
                ctx.reward(reward);
            }
            return new ExecutorSession(opened, ctx.build(), grader);
        } catch (RuntimeException e) {
            Closeables.closeInReverse(opened, e);
            throw e;
        }
    }

    private static LanguageModel policy(PolicySource source, List<AutoCloseable> opened) {
        return switch (source) {
            case PolicySource.InProcess local -> add(opened, InProcessModels.policy(local));
            case PolicySource.Endpoints remote -> {
                OpenAiLanguageModel.Builder client = OpenAiLanguageModel.builder()
                        .baseUrls(remote.baseUrls().toArray(String[]::new));
                if (remote.servedModel() != null) {
                    client.model(remote.servedModel());
                }
                if (remote.tokenizerDir() != null) {
                    Path dir = Path.of(remote.tokenizerDir());
                    if (!Files.isDirectory(dir)) {
                        throw new IllegalArgumentException("tokenizer " + dir + " is not a directory on this executor");
                    }
                    client.tokenizer(add(opened, HfTokenizer.load(dir)));
                }
                yield add(opened, client.build());
            }
        };
    }

    private static RewardModel reward(SearchOptions options, LanguageModel policy, MathGrader grader) {
        RewardOptions r = options.reward();
        if (r.ppm() != null || r.orm() != null) {
            String device = options.policy() instanceof PolicySource.InProcess p ? p.device() : "cpu";
            return InProcessModels.valueModel(r, device);
        }
        return switch (r.reward()) {
            case none -> null;
            case likelihood -> new LikelihoodRewardModel(policy);
            case oracle -> new OracleRewardModel(grader);
        };
    }

    private static <T extends AutoCloseable> T add(List<AutoCloseable> opened, T part) {
        opened.add(part);
        return part;
    }

    /** The context every task of this JVM searches in. */
    public SearchContext context() {
        return context;
    }

    /** The grader the context uses, for grading the chosen answers. */
    public MathGrader grader() {
        return grader;
    }

    @Override
    public void close() {
        RuntimeException failure = new IllegalStateException("cannot close the executor's search session");
        Closeables.closeInReverse(opened, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }
}
