package dev.reason4j.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reason4j.lm.Completion;
import dev.reason4j.lm.ContinuationScore;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.TokenLogprob;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine end to end against transformers' outputs on each fixture checkpoint (float32 compute). */
class ReferenceOutputsTest {

    @BeforeAll
    static void oneThread() {
        torch.set_num_threads(1);
    }

    static TorchLanguageModel load(String fixture, EngineOptions options) {
        return TorchLanguageModel.builder().modelDir(LmFixtures.checkpoint(fixture)).options(options).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {LmFixtures.QWEN2_F32, LmFixtures.QWEN2_BF16, LmFixtures.LLAMA_F32})
    void should_reproduce_reference_logits_greedy_tokens_and_continuation_logprobs(String fixture) {
        Path dir = LmFixtures.checkpoint(fixture);
        try (TorchLanguageModel model = load(fixture, EngineOptions.builder().dtype(ComputeDtype.FLOAT32).build())) {
            for (ReferenceCase c : ReferenceCase.read(dir)) {
                float[] logits = model.engine().nextTokenLogits(model.tokenizer().orElseThrow().encode(c.prompt()));
                double diff = ReferenceCase.maxAbsDiff(c.lastLogits(), logits);
                assertThat(diff).as("%s last logits of '%s'", fixture, c.prompt()).isLessThan(1e-4);

                SamplingParams greedy = SamplingParams.builder().temperature(0).maxTokens(16).ignoreEos(true)
                        .topLogprobs(5).build();
                Completion completion = model.generate(Prompt.text(c.prompt()), greedy).first();
                assertThat(completion.tokenIds()).as("%s greedy_16 of '%s'", fixture, c.prompt())
                        .containsExactlyElementsOf(Arrays.stream(c.greedy16()).boxed().toList());
                List<TokenLogprob> top5 = completion.topLogprobs().get(0);
                for (int i = 0; i < 5; i++) {
                    assertThat(top5.get(i).tokenId()).isEqualTo(c.top5Ids()[i]);
                    assertThat(top5.get(i).logprob()).isCloseTo(c.top5Logprobs()[i], within(1e-4));
                }
                assertThat(completion.logprobs().get(0).logprob()).isCloseTo(c.top5Logprobs()[0], within(1e-4));

                ContinuationScore score = model.score(Prompt.text(c.prompt()), Prompt.text(c.continuation()));
                assertThat(score.continuationTokenIds()).containsExactlyElementsOf(
                        Arrays.stream(c.continuationIds()).boxed().toList());
                assertThat(score.sum()).as("%s continuation logprob sum", fixture)
                        .isCloseTo(c.continuationLogprobSum(), within(1e-3));
                System.out.printf("%s '%s': logits max|diff| %.2e, greedy_16 equal, continuation sum %.5f vs %.5f%n",
                        fixture, c.prompt().replace("\n", "\\n"), diff, score.sum(), c.continuationLogprobSum());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {LmFixtures.QWEN2_BF16})
    void should_run_in_bfloat16_close_to_the_float32_reference(String fixture) {
        Path dir = LmFixtures.checkpoint(fixture);
        try (TorchLanguageModel model = load(fixture, EngineOptions.builder().dtype(ComputeDtype.BFLOAT16).build())) {
            for (ReferenceCase c : ReferenceCase.read(dir)) {
                float[] logits = model.engine().nextTokenLogits(c.inputIds());
                // bf16 keeps 8 bits of mantissa: logits of size ~0.1 round to ~1e-3.
                assertThat(ReferenceCase.maxAbsDiff(c.lastLogits(), logits)).isLessThan(2e-2);
            }
        }
    }
}
