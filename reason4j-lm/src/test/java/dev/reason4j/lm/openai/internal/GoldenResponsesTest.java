package dev.reason4j.lm.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.reason4j.lm.Completion;
import dev.reason4j.lm.FinishReason;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.TokenLogprob;
import dev.reason4j.lm.Usage;
import dev.reason4j.lm.hf.HfTokenizer;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hand-written vLLM- and OpenAI-shaped responses (see src/test/resources/openai) parse and decode. */
class GoldenResponsesTest {

    private static HfTokenizer tokenizer;
    private static ResponseDecoder decoder;

    @BeforeAll
    static void loadTokenizer() {
        tokenizer = HfTokenizer.load(LmFixtures.checkpoint(LmFixtures.QWEN2_F32));
        decoder = new ResponseDecoder(new TokenTexts(tokenizer, null, "m"));
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    static <T> T read(String name, Class<T> type) throws IOException {
        try (InputStream in = GoldenResponsesTest.class.getResourceAsStream("/openai/" + name)) {
            assertThat(in).as(name).isNotNull();
            return Wire.MAPPER.readValue(in, type);
        }
    }

    @Test
    void should_decode_vllm_completion_with_token_id_logprobs_in_index_order() throws IOException {
        Wire.CompletionResponse response = read("vllm-completion-logprobs.json", Wire.CompletionResponse.class);

        GenerationResult result = decoder.completion(response, SamplingParams.builder().n(2).topLogprobs(2).build());

        assertThat(result.promptTokenIds()).containsExactly(40, 41, 42);
        assertThat(result.usage()).isEqualTo(new Usage(3, 2, 3));
        Completion first = result.completions().get(0);
        assertThat(first.tokenIds()).containsExactly(102);
        assertThat(first.text()).isEqualTo("c");
        assertThat(first.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(first.matchedStop()).isEqualTo("\n\n");
        assertThat(first.logprobs()).extracting(TokenLogprob::tokenId, TokenLogprob::logprob).containsExactly(tuple(102, -0.5));
        assertThat(first.logprobs().get(0).token()).isEqualTo(tokenizer.tokenText(102));
        Completion second = result.completions().get(1);
        assertThat(second.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(second.matchedStop()).isNull();
        assertThat(second.cumulativeLogprob()).isEqualTo(-1.75);
        assertThat(second.topLogprobs().get(1))
                .as("most likely first, cut to topLogprobs although vLLM added the sampled token")
                .extracting(TokenLogprob::tokenId, TokenLogprob::logprob)
                .containsExactly(tuple(9, -0.75), tuple(101, -1.5));
    }

    @Test
    void should_decode_vllm_chat_with_stop_token_id() throws IOException {
        Wire.ChatCompletionResponse response = read("vllm-chat-logprobs.json", Wire.ChatCompletionResponse.class);

        GenerationResult result = decoder.chat(response, SamplingParams.builder().topLogprobs(2).build());

        Completion c = result.first();
        assertThat(result.promptTokenIds()).hasSize(12);
        assertThat(c.text()).isEqualTo("5");
        assertThat(c.tokenIds()).containsExactly(53, 2);
        assertThat(c.matchedStop()).as("stop_reason 2 is a token id").isEqualTo(tokenizer.tokenText(2));
        assertThat(c.topLogprobs().get(1)).extracting(TokenLogprob::tokenId).containsExactly(2, 10);
        assertThat(result.usage()).isEqualTo(new Usage(12, 0, 2));
    }

    @Test
    void should_decode_openai_chat_without_token_ids() throws IOException {
        Wire.ChatCompletionResponse response = read("openai-chat.json", Wire.ChatCompletionResponse.class);

        GenerationResult result = decoder.chat(response, SamplingParams.defaults());

        assertThat(result.first().text()).isEqualTo("2 + 3 = 5.");
        assertThat(result.first().tokenIds()).isEmpty();
        assertThat(result.first().matchedStop()).isNull();
        assertThat(result.usage()).isEqualTo(new Usage(14, 0, 8));
    }

    @Test
    void should_parse_prompt_logprobs_keyed_by_token_id() throws IOException {
        Wire.CompletionResponse response = read("vllm-completion-prompt-logprobs.json", Wire.CompletionResponse.class);

        var entries = response.choices().get(0).promptLogprobs();

        assertThat(entries).hasSize(4);
        assertThat(entries.get(0)).isNull();
        assertThat(entries.get(2).get("42").logprob()).isEqualTo(-0.125);
        assertThat(entries.get(2).get("42").decodedToken()).isEqualTo("c");
        assertThat(entries.get(3).get("43").rank()).isEqualTo(300);
    }

    @Test
    void should_parse_models_and_both_error_layouts() throws IOException {
        Wire.ModelList models = read("vllm-models.json", Wire.ModelList.class);
        assertThat(models.data()).singleElement().satisfies(card -> {
            assertThat(card.id()).isEqualTo("Qwen/Qwen2.5-Math-7B-Instruct");
            assertThat(card.maxModelLen()).isEqualTo(4096);
            assertThat(card.ownedBy()).isEqualTo("vllm");
        });

        Wire.ErrorResponse vllm = read("vllm-error.json", Wire.ErrorResponse.class);
        assertThat(vllm.error().code().asInt()).isEqualTo(400);
        assertThat(vllm.error().type()).isEqualTo("BadRequestError");
        Wire.ErrorResponse openai = read("openai-error.json", Wire.ErrorResponse.class);
        assertThat(openai.error().code().asText()).isEqualTo("invalid_api_key");
    }
}
