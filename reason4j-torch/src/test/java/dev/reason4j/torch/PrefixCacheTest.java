package dev.reason4j.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reason4j.lm.Completion;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Continuations of a shared prompt reuse its keys and values instead of recomputing them. */
class PrefixCacheTest {

    private static final int SHARED = 1000;
    private static final int BRANCHES = 32;

    @BeforeAll
    static void oneThread() {
        torch.set_num_threads(1);
    }

    /** 32 prompts: the same 1,000 tokens, then 8 tokens of their own (sibling steps of a search tree). */
    static List<Prompt> branchingPrompts() {
        Random random = new Random(3);
        List<Integer> shared = new ArrayList<>();
        for (int i = 0; i < SHARED; i++) {
            shared.add(10 + random.nextInt(370));
        }
        List<Prompt> prompts = new ArrayList<>();
        for (int b = 0; b < BRANCHES; b++) {
            List<Integer> ids = new ArrayList<>(shared);
            for (int i = 0; i < 8; i++) {
                ids.add(10 + random.nextInt(370));
            }
            prompts.add(Prompt.tokens(ids));
        }
        return prompts;
    }

    /** Runs the branches one call at a time, as a tree search does; returns the first completion of each. */
    static List<Completion> run(TorchLanguageModel model, List<Prompt> prompts) {
        SamplingParams params = SamplingParams.builder().temperature(0).maxTokens(8).ignoreEos(true).logprobs(true).build();
        List<Completion> out = new ArrayList<>();
        for (Prompt prompt : prompts) {
            GenerationResult result = model.generate(prompt, params);
            out.add(result.first());
        }
        return out;
    }

    static EngineOptions options(long cacheBytes) {
        // The fixture declares 512 positions; RoPE extends, and this test needs 1,016.
        return EngineOptions.builder().contextLength(2048).prefixCacheBytes(cacheBytes).build();
    }

    @Test
    void should_compute_under_a_fifth_of_the_prompt_tokens_with_identical_outputs() {
        List<Prompt> prompts = branchingPrompts();
        List<Completion> uncached;
        EngineStats uncachedStats;
        try (TorchLanguageModel model = ReferenceOutputsTest.load(LmFixtures.QWEN2_F32, options(0))) {
            uncached = run(model, prompts);
            uncachedStats = model.engine().stats();
            assertThat(model.engine().prefixCacheStats().hits()).isZero();
        }
        try (TorchLanguageModel model = ReferenceOutputsTest.load(LmFixtures.QWEN2_F32, options(64L << 20))) {
            List<Completion> cached = run(model, prompts);
            EngineStats stats = model.engine().stats();
            PrefixCacheStats cache = model.engine().prefixCacheStats();

            double ratio = (double) stats.promptTokensComputed() / uncachedStats.promptTokensComputed();
            System.out.printf("prefix cache: %d of %d prompt tokens computed (%.1f%%), %d hits / %d lookups, %d tokens "
                    + "reused, %d entries, %.1f MiB%n", stats.promptTokensComputed(), uncachedStats.promptTokensComputed(),
                    100 * ratio, cache.hits(), cache.lookups(), cache.tokensReused(), cache.entries(), cache.bytes() / 1048576.0);
            assertThat(uncachedStats.promptTokensComputed()).isEqualTo(BRANCHES * (SHARED + 8L));
            assertThat(ratio).isLessThanOrEqualTo(0.20);
            assertThat(cache.hits()).isEqualTo(BRANCHES - 1);
            assertThat(model.usageTotals().cachedPromptTokens()).isEqualTo(cache.tokensReused());
            for (int i = 0; i < BRANCHES; i++) {
                assertThat(cached.get(i).tokenIds()).isEqualTo(uncached.get(i).tokenIds());
                for (int t = 0; t < cached.get(i).logprobs().size(); t++) {
                    assertThat(cached.get(i).logprobs().get(t).logprob())
                            .isCloseTo(uncached.get(i).logprobs().get(t).logprob(), within(1e-4));
                }
            }
        }
    }

    @Test
    void should_evict_least_recently_used_entries_within_the_budget() {
        List<Prompt> prompts = branchingPrompts();
        // Qwen2 tiny: 2 layers × K,V × 2 heads × 16 dims × 4 bytes = 512 bytes per token; room for ~2.5 prompts.
        long budget = 1_300_000L;
        try (TorchLanguageModel model = ReferenceOutputsTest.load(LmFixtures.QWEN2_F32, options(budget))) {
            run(model, prompts.subList(0, 4));
            PrefixCacheStats stats = model.engine().prefixCacheStats();
            assertThat(stats.bytes()).isLessThanOrEqualTo(budget);
            assertThat(stats.entries()).isEqualTo(2);
            assertThat(stats.evictions()).isEqualTo(2);
            assertThat(stats.hits()).isEqualTo(3);
            model.engine().clearPrefixCache();
            assertThat(model.engine().prefixCacheStats().bytes()).isZero();
        }
    }

    @Test
    void should_replace_an_entry_by_its_extension() {
        try (TorchLanguageModel model = ReferenceOutputsTest.load(LmFixtures.QWEN2_F32, options(64L << 20))) {
            SamplingParams params = SamplingParams.builder().temperature(0).maxTokens(1).build();
            model.generate(Prompt.tokens(11, 12, 13), params);
            model.generate(Prompt.tokens(11, 12, 13, 14, 15), params);
            PrefixCacheStats stats = model.engine().prefixCacheStats();
            assertThat(stats.entries()).isEqualTo(1);
            assertThat(stats.tokensReused()).isEqualTo(3);
            model.generate(Prompt.tokens(11, 12, 13, 14, 15), params);
            assertThat(model.engine().prefixCacheStats().tokensReused()).as("reuse stops one short of the end")
                    .isEqualTo(3 + 4);
        }
    }
}
