package dev.reason4j.lm.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.lm.ChatMessage;
import dev.reason4j.lm.LanguageModelException;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.Prompts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfTokenizerTest {

    private static final String CHATML = """
            {%- if messages[0]['role'] == 'system' %}
                {{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}
            {%- else %}
                {{- '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}
            {%- endif %}
            {%- for message in messages %}
                {%- if not (message.role == 'system' and loop.first) %}
                    {{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>' + '\\n' }}
                {%- endif %}
            {%- endfor %}
            {%- if add_generation_prompt %}
                {{- '<|im_start|>assistant\\n' }}
            {%- endif %}
            """;

    @Test
    void should_encode_reference_prompts_to_the_reference_ids() throws Exception {
        Path dir = LmFixtures.checkpoint(LmFixtures.QWEN2_F32);
        JsonNode reference = new ObjectMapper().readTree(dir.resolve("reference_outputs.json").toFile());
        try (HfTokenizer tokenizer = HfTokenizer.load(dir)) {
            for (JsonNode c : reference.get("cases")) {
                int[] expected = new ObjectMapper().convertValue(c.get("input_ids"), int[].class);
                assertThat(tokenizer.encode(c.get("prompt").asText())).as(c.get("prompt").asText()).containsExactly(expected);
                assertThat(tokenizer.decode(expected)).isEqualTo(c.get("prompt").asText());
                int[] continuation = new ObjectMapper().convertValue(c.get("continuation_ids"), int[].class);
                assertThat(tokenizer.encode(c.get("continuation").asText())).containsExactly(continuation);
            }
        }
    }

    @Test
    void should_know_special_tokens_and_eos() {
        try (HfTokenizer tokenizer = HfTokenizer.load(LmFixtures.checkpoint(LmFixtures.QWEN2_F32))) {
            assertThat(tokenizer.tokenId("<|im_end|>")).hasValue(2);
            assertThat(tokenizer.tokenId("<end_of_step>")).hasValue(4);
            assertThat(tokenizer.tokenId("no-such-multi-token-string")).isEmpty();
            assertThat(tokenizer.specialTokens()).contains("<|im_start|>", "<end_of_answer>");
            assertThat(tokenizer.eosTokenIds()).containsExactly(0);
            assertThat(tokenizer.decode(new int[] {1, 4}, true)).as("special tokens skipped").isEmpty();
            assertThat(tokenizer.tokenText(4)).isEqualTo("<end_of_step>");
            assertThat(tokenizer.hasChatTemplate()).isFalse();
            assertThatThrownBy(() -> tokenizer.applyChatTemplate(List.of(ChatMessage.user("hi")), true))
                    .isInstanceOf(LanguageModelException.class)
                    .hasMessageContaining("no chat template");
        }
    }

    @Test
    void should_not_truncate_long_inputs() {
        try (HfTokenizer tokenizer = HfTokenizer.load(LmFixtures.checkpoint(LmFixtures.QWEN2_F32))) {
            String text = "cost = 7 + 5\n".repeat(400);
            int[] ids = tokenizer.encode(text);
            assertThat(ids.length).isGreaterThan(2000);
            assertThat(tokenizer.decode(ids)).isEqualTo(text);
        }
    }

    @Test
    void should_render_the_chat_template_from_tokenizer_config(@TempDir Path dir) throws Exception {
        copyTokenizer(dir);
        Files.writeString(dir.resolve("tokenizer_config.json"), new ObjectMapper().createObjectNode()
                .put("eos_token", "<|im_end|>")
                .put("chat_template", CHATML)
                .toString());
        try (HfTokenizer tokenizer = HfTokenizer.load(dir)) {
            String rendered = tokenizer.applyChatTemplate(List.of(ChatMessage.user("What is 2+3?")), true);

            assertThat(rendered).isEqualTo("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
                    + "<|im_start|>user\nWhat is 2+3?<|im_end|>\n<|im_start|>assistant\n");
            assertThat(tokenizer.eosTokenIds()).containsExactly(2);
            int[] ids = Prompts.encode(Prompt.chat(ChatMessage.system("Be brief."), ChatMessage.user("Hi")), tokenizer);
            assertThat(tokenizer.decode(ids)).isEqualTo(
                    "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n");
            assertThat(ids[0]).as("<|im_start|> is one special token").isEqualTo(1);
        }
    }

    @Test
    void should_prefer_chat_template_jinja_and_pass_special_tokens(@TempDir Path dir) throws Exception {
        copyTokenizer(dir);
        Files.writeString(dir.resolve("tokenizer_config.json"),
                "{\"bos_token\": {\"content\": \"<|endoftext|>\", \"special\": true}, \"chat_template\": \"ignored\"}");
        Files.writeString(dir.resolve("chat_template.jinja"), """
                {{ bos_token }}{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] | trim + '<|im_end|>' }}{% endfor %}
                {% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}""");
        try (HfTokenizer tokenizer = HfTokenizer.load(dir)) {
            assertThat(tokenizer.applyChatTemplate(List.of(ChatMessage.user("  hi  ")), false))
                    .isEqualTo("<|endoftext|><|im_start|>user\nhi<|im_end|>");
        }
    }

    @Test
    void should_report_raise_exception_from_the_template(@TempDir Path dir) throws Exception {
        copyTokenizer(dir);
        Files.writeString(dir.resolve("tokenizer_config.json"), new ObjectMapper().createObjectNode()
                .put("chat_template", "{% if messages[0]['role'] != 'user' %}{{ raise_exception('Conversation must "
                        + "start with a user message') }}{% endif %}{{ messages[0]['content'] }}")
                .toString());
        try (HfTokenizer tokenizer = HfTokenizer.load(dir)) {
            assertThat(tokenizer.applyChatTemplate(List.of(ChatMessage.user("ok")), false)).isEqualTo("ok");
            assertThatThrownBy(() -> tokenizer.applyChatTemplate(List.of(ChatMessage.assistant("x")), false))
                    .isInstanceOf(LanguageModelException.class)
                    .hasMessageContaining("tokenizer_config.json field 'chat_template'")
                    .hasMessageContaining("Conversation must start with a user message");
        }
    }

    @Test
    void should_name_the_missing_or_broken_file(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> HfTokenizer.load(dir))
                .isInstanceOf(LanguageModelException.class)
                .hasMessageContaining(dir.resolve("tokenizer.json") + ": missing");
        Files.writeString(dir.resolve("tokenizer.json"), "{not json");
        assertThatThrownBy(() -> HfTokenizer.load(dir))
                .hasMessageContaining(dir.resolve("tokenizer.json") + ": not valid JSON");
    }

    private static void copyTokenizer(Path dir) throws Exception {
        Files.copy(LmFixtures.checkpoint(LmFixtures.QWEN2_F32).resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
    }
}
