package dev.reason4j.torch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/** Native memory stays flat over 1,000 generate calls: every step's tensors are freed when its scope closes. */
class NativeMemoryIT {

    @Test
    void should_not_grow_native_memory_over_a_thousand_generate_calls() {
        torch.set_num_threads(1);
        EngineOptions options = EngineOptions.builder().prefixCacheBytes(2L << 20).maxBatchSize(3).build();
        try (TorchLanguageModel model = ReferenceOutputsTest.load(LmFixtures.QWEN2_F32, options)) {
            Random random = new Random(11);
            SamplingParams params = SamplingParams.builder().n(2).temperature(0.9).topP(0.9).maxTokens(6)
                    .topLogprobs(3).stop("\n").build();
            long start = 0;
            long liveAtStart = 0;
            List<Long> samples = new ArrayList<>();
            int warmup = 200;
            for (int call = 0; call < warmup + 1000; call++) {
                List<Prompt> prompts = List.of(randomPrompt(random), randomPrompt(random));
                model.generate(prompts, params);
                model.score(prompts.get(0), Prompt.tokens(5, 6, 7));
                if (call == warmup - 1) {
                    liveAtStart = liveObjects(model);
                    start = Native.nativeBytes();
                } else if (call >= warmup && (call - warmup + 1) % 250 == 0) {
                    samples.add(Native.nativeBytes());
                }
            }
            long end = samples.get(samples.size() - 1);
            long liveAtEnd = liveObjects(model);
            System.out.printf("live native objects (prefix cache emptied): %d -> %d%n", liveAtStart, liveAtEnd);
            // Every step's temporaries are freed when its scope closes; only GC-managed stragglers may differ.
            assertThat(liveAtEnd - liveAtStart).isLessThan(200);
            System.out.printf("native memory (resident less JVM-committed) over 1,000 generate+score calls: %.1f MiB -> "
                    + "%.1f MiB (samples %s MiB)%n", start / 1048576.0, end / 1048576.0,
                    samples.stream().map(s -> String.format("%.1f", s / 1048576.0)).toList());
            // A leak of one step's tensors would add megabytes per call; allocator noise stays within a few MiB.
            assertThat(end - start).as("native growth in bytes").isLessThan(16L << 20);
        }
    }

    private static long liveObjects(TorchLanguageModel model) {
        model.engine().clearPrefixCache();
        System.gc();
        return Native.liveObjects();
    }

    private static Prompt randomPrompt(Random random) {
        return Prompt.tokens(random.ints(5 + random.nextInt(20), 10, 380).boxed().toList());
    }
}
