package dev.reason4j.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reason4j.lm.Completion;
import dev.reason4j.lm.FinishReason;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batching, sampling, stops and the prefix cache on the tiny Qwen2 fixture. */
class GenerationTest {

    private static TorchLanguageModel model;
    private static Tokenizer tokenizer;

    @BeforeAll
    static void load() {
        torch.set_num_threads(1);
        model = ReferenceOutputsTest.load(LmFixtures.QWEN2_F32, EngineOptions.builder().maxBatchSize(4).build());
        tokenizer = model.tokenizer().orElseThrow();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static final List<String> PROMPTS = List.of("Tom has 3 apples and buys 4 boxes",
            "# compute the total cost\ncost = 7 + 5\n<end_of_step>", "x", "What is 2+3? The answer is");

    @Test
    void should_give_each_prompt_the_same_tokens_batched_with_padding_as_alone() {
        SamplingParams params = SamplingParams.builder().temperature(0).maxTokens(12).ignoreEos(true).logprobs(true).build();
        List<GenerationResult> batched = model.generate(PROMPTS.stream().map(Prompt::text).toList(),
                params.toBuilder().n(2).build());
        for (int i = 0; i < PROMPTS.size(); i++) {
            Completion alone = model.generate(Prompt.text(PROMPTS.get(i)), params).first();
            for (Completion c : batched.get(i).completions()) {
                assertThat(c.tokenIds()).as("prompt %d", i).isEqualTo(alone.tokenIds());
                for (int t = 0; t < c.tokenIds().size(); t++) {
                    assertThat(c.logprobs().get(t).logprob()).isCloseTo(alone.logprobs().get(t).logprob(), within(1e-4));
                }
            }
            assertThat(batched.get(i).usage().completionTokens()).isEqualTo(24);
        }
    }

    @Test
    void should_sample_reproducibly_per_seed_and_independently_of_the_batch() {
        SamplingParams params = SamplingParams.builder().n(3).temperature(1.0).topP(0.95).maxTokens(10).ignoreEos(true)
                .seed(42).build();
        List<GenerationResult> first = model.generate(PROMPTS.stream().map(Prompt::text).toList(), params);
        List<GenerationResult> again = model.generate(PROMPTS.stream().map(Prompt::text).toList(), params);
        GenerationResult firstAlone = model.generate(Prompt.text(PROMPTS.get(0)), params);
        GenerationResult otherSeed = model.generate(Prompt.text(PROMPTS.get(0)), params.toBuilder().seed(43).build());

        for (int i = 0; i < PROMPTS.size(); i++) {
            assertThat(tokens(again.get(i))).isEqualTo(tokens(first.get(i)));
        }
        assertThat(tokens(firstAlone)).isEqualTo(tokens(first.get(0)));
        assertThat(tokens(first.get(0)).stream().distinct().count()).as("samples differ").isGreaterThan(1);
        assertThat(tokens(otherSeed)).isNotEqualTo(tokens(first.get(0)));
    }

    @Test
    void should_only_draw_from_the_top_k_tokens() {
        SamplingParams params = SamplingParams.builder().n(16).temperature(5).topK(3).maxTokens(1).topLogprobs(3).seed(7).build();
        GenerationResult result = model.generate(Prompt.text(PROMPTS.get(0)), params);
        List<Integer> top3 = result.first().topLogprobs().get(0).stream().map(t -> t.tokenId()).toList();
        List<Integer> drawn = result.completions().stream().map(c -> c.tokenIds().get(0)).distinct().toList();
        assertThat(top3).containsAll(drawn);
        assertThat(drawn.size()).as("a hot temperature spreads the draws").isGreaterThan(1);

        SamplingParams topK1 = SamplingParams.builder().temperature(1).topK(1).maxTokens(8).ignoreEos(true).build();
        SamplingParams greedy = SamplingParams.builder().temperature(0).maxTokens(8).ignoreEos(true).build();
        assertThat(model.generate(Prompt.text(PROMPTS.get(1)), topK1).first().tokenIds())
                .isEqualTo(model.generate(Prompt.text(PROMPTS.get(1)), greedy).first().tokenIds());
    }

    @Test
    void should_stop_on_a_string_spanning_token_boundaries() {
        SamplingParams greedy = SamplingParams.builder().temperature(0).maxTokens(16).ignoreEos(true).build();
        Completion free = model.generate(Prompt.text(PROMPTS.get(0)), greedy).first();
        // A stop string made of the end of token 3 and the start of token 4.
        String piece3 = tokenizer.decode(new int[] {free.tokenIds().get(3)});
        String piece4 = tokenizer.decode(new int[] {free.tokenIds().get(4)});
        String upTo3 = tokenizer.decode(free.tokenIds().subList(0, 4).stream().mapToInt(Integer::intValue).toArray());
        assertThat(piece3.length()).isGreaterThanOrEqualTo(1);
        assertThat(piece4.length()).isGreaterThanOrEqualTo(1);
        String stop = piece3.substring(piece3.length() - 1) + piece4.charAt(0);
        int expectedEnd = free.text().indexOf(stop);
        assertThat(expectedEnd).as("the stop string first appears across tokens 3 and 4").isEqualTo(upTo3.length() - 1);

        Completion stopped = model.generate(Prompt.text(PROMPTS.get(0)), greedy.toBuilder().stop(stop, "never-there").build()).first();
        assertThat(stopped.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(stopped.matchedStop()).isEqualTo(stop);
        assertThat(stopped.tokenIds()).isEqualTo(free.tokenIds().subList(0, 5));
        assertThat(stopped.text()).isEqualTo(free.text().substring(0, expectedEnd));

        Completion kept = model.generate(Prompt.text(PROMPTS.get(0)),
                greedy.toBuilder().stop(stop).includeStopInOutput(true).build()).first();
        assertThat(kept.text()).isEqualTo(free.text().substring(0, expectedEnd + stop.length()));
    }

    @Test
    void should_stop_at_end_of_sequence_unless_told_to_ignore_it() {
        // The fixture's greedy continuation of this prompt is 40, then <|endoftext|> (id 0, the tokenizer's eos).
        SamplingParams greedy = SamplingParams.builder().temperature(0).maxTokens(16).build();
        Completion stopped = model.generate(Prompt.text(PROMPTS.get(0)), greedy).first();
        assertThat(stopped.tokenIds()).containsExactly(40, 0);
        assertThat(stopped.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(stopped.matchedStop()).isEqualTo("<|endoftext|>");
        assertThat(stopped.text()).isEqualTo(tokenizer.decode(new int[] {40}));

        Completion byId = model.generate(Prompt.text(PROMPTS.get(0)),
                greedy.toBuilder().ignoreEos(true).stopTokenIds(List.of(342)).build()).first();
        assertThat(byId.tokenIds()).containsExactly(40, 0, 342);

        Completion length = model.generate(Prompt.text(PROMPTS.get(0)), greedy.toBuilder().ignoreEos(true).maxTokens(5).build()).first();
        assertThat(length.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(length.matchedStop()).isNull();
        assertThat(length.tokenIds()).hasSize(5);
    }

    @Test
    void should_reject_prompts_the_model_cannot_take() {
        assertThatThrownBy(() -> model.generate(Prompt.tokens(1, 999), SamplingParams.greedy()))
                .hasMessageContaining("prompt 0 token 1 is id 999, outside the vocabulary of 384");
        assertThatThrownBy(() -> model.generate(Prompt.text(""), SamplingParams.greedy()))
                .hasMessageContaining("prompt 0 is empty");
        int[] tooLong = new int[512];
        assertThatThrownBy(() -> model.generate(Prompt.tokens(IntStream.of(tooLong).boxed().toList()), SamplingParams.greedy()))
                .hasMessageContaining("prompt 0 has 512 tokens, but the context holds 512");
        assertThatThrownBy(() -> model.generate(Prompt.chat(dev.reason4j.lm.ChatMessage.user("hi")), SamplingParams.greedy()))
                .hasMessageContaining("has no chat template");
    }

    @Test
    void should_stop_at_the_context_limit() {
        int[] prompt = new Random(1).ints(508, 10, 384).toArray();
        Completion c = model.generate(Prompt.tokens(IntStream.of(prompt).boxed().toList()),
                SamplingParams.builder().temperature(0).ignoreEos(true).maxTokens(100).build()).first();
        assertThat(c.tokenIds()).hasSize(4);
        assertThat(c.finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    private static List<List<Integer>> tokens(GenerationResult result) {
        List<List<Integer>> out = new ArrayList<>();
        result.completions().forEach(c -> out.add(c.tokenIds()));
        return out;
    }
}
