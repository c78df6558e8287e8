package dev.reason4j.lm.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.lm.ChatMessage;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.openai.Dialect;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request JSON the client sends, per dialect. */
class RequestEncoderTest {

    private static final SamplingParams FULL = SamplingParams.builder()
            .n(3).temperature(0.7).topP(0.9).topK(20).maxTokens(64).stop("\n\n", "<end_of_step>")
            .stopTokenIds(List.of(7)).seed(42).topLogprobs(5).ignoreEos(true).includeStopInOutput(true).build();

    /** As it goes over the wire: written, then read back. */
    private static JsonNode json(Object request) throws IOException {
        return Wire.MAPPER.readTree(Wire.MAPPER.writeValueAsString(request));
    }

    @Test
    void should_send_every_vllm_field_for_completions() throws IOException {
        JsonNode sent = json(RequestEncoder.completion("m", RequestEncoder.tokenPrompt(List.of(1, 2)), FULL, Dialect.VLLM));

        assertThat(sent).isEqualTo(Wire.MAPPER.readTree("""
                {"model":"m","prompt":[1,2],"max_tokens":64,"n":3,"temperature":0.7,"top_p":0.9,"top_k":20,
                 "stop":["\\n\\n","<end_of_step>"],"stop_token_ids":[7],"seed":42,"logprobs":5,"ignore_eos":true,
                 "include_stop_str_in_output":true,"skip_special_tokens":false,"add_special_tokens":false,
                 "return_token_ids":true,"return_tokens_as_token_ids":true}"""));
    }

    @Test
    void should_send_chat_logprobs_as_boolean_and_top_logprobs() throws IOException {
        JsonNode sent = json(RequestEncoder.chat("m", List.of(ChatMessage.user("2+3?")),
                SamplingParams.builder().temperature(0).maxTokens(8).logprobs(true).build(), Dialect.VLLM));

        assertThat(sent).isEqualTo(Wire.MAPPER.readTree("""
                {"model":"m","messages":[{"role":"user","content":"2+3?"}],"max_tokens":8,"n":1,"temperature":0.0,
                 "top_p":1.0,"seed":0,"logprobs":true,"include_stop_str_in_output":false,"skip_special_tokens":false,
                 "return_token_ids":true,"return_tokens_as_token_ids":true}"""));
    }

    @Test
    void should_send_only_openai_fields_and_refuse_what_openai_lacks() throws IOException {
        SamplingParams plain = SamplingParams.builder().temperature(0.5).maxTokens(4).build();
        JsonNode sent = json(RequestEncoder.completion("m", RequestEncoder.textPrompt("hi"), plain, Dialect.OPENAI));

        assertThat(sent).isEqualTo(Wire.MAPPER.readTree("""
                {"model":"m","prompt":"hi","max_tokens":4,"n":1,"temperature":0.5,"top_p":1.0,"seed":0}"""));
        assertThatThrownBy(() -> RequestEncoder.checkSupported(FULL, Dialect.OPENAI))
                .hasMessageContaining("logprobs (token ids are needed; use Dialect.VLLM) is not part of the OpenAI API");
        assertThatThrownBy(() -> RequestEncoder.checkSupported(SamplingParams.builder().topK(5).build(), Dialect.OPENAI))
                .hasMessageStartingWith("topK");
    }

    @Test
    void should_ask_for_prompt_logprobs_of_token_ids_when_scoring() throws IOException {
        JsonNode sent = json(RequestEncoder.promptLogprobs("m", List.of(5, 6, 7)));

        assertThat(sent.get("prompt")).isEqualTo(Wire.MAPPER.readTree("[5,6,7]"));
        assertThat(sent.get("prompt_logprobs").asInt()).isZero();
        assertThat(sent.get("max_tokens").asInt()).isEqualTo(1);
        assertThat(sent.get("add_special_tokens").asBoolean()).isFalse();
    }
}
