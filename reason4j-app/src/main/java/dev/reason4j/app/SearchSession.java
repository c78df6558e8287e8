package dev.reason4j.app;

import dev.reason4j.core.util.Closeables;
import dev.reason4j.exec.PythonWorkerPool;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.search.SearchContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

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

    /** Closes every non-null part in the order given, adding failures to {@code failure} (or throwing the first). */
    static void closeAll(RuntimeException failure, AutoCloseable... parts) {
        List<AutoCloseable> lastFirst = new ArrayList<>(Arrays.asList(parts));
        Collections.reverse(lastFirst);
        Closeables.closeInReverse(lastFirst, failure);
    }
}
