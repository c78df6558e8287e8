package dev.reason4j.app;

import dev.reason4j.exec.PythonWorkerPool;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.search.SearchContext;

/** What a search command opened (policy, local tokenizer, sandbox, reward model) and the context over them. */
final class SearchSession implements AutoCloseable {

    final LanguageModel policy;
    final SearchContext context;
    private final Tokenizer tokenizer;
    private final PythonWorkerPool pool;
    private final RewardModel reward;

    SearchSession(LanguageModel policy, Tokenizer tokenizer, PythonWorkerPool pool, RewardModel reward, SearchContext context) {
        this.policy = policy;
        this.tokenizer = tokenizer;
        this.pool = pool;
        this.reward = reward;
        this.context = context;
    }

    @Override
    public void close() {
        closeAll(null, reward, pool, policy, tokenizer);
    }

    /** Closes every non-null part, adding failures to {@code failure} (or throwing the first when it is null). */
    static void closeAll(RuntimeException failure, AutoCloseable... parts) {
        RuntimeException first = failure;
        for (AutoCloseable part : parts) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (failure == null && first != null) {
            throw first;
        }
    }
}
