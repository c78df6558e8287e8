package dev.reason4j.app.serve;

import static dev.reason4j.app.serve.ServeTestSupport.config;
import static dev.reason4j.app.serve.ServeTestSupport.get;
import static dev.reason4j.app.serve.ServeTestSupport.json;
import static dev.reason4j.app.serve.ServeTestSupport.post;
import static dev.reason4j.app.serve.ServeTestSupport.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.reason4j.lm.ContinuationScore;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.torch.TorchLanguageModel;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP surface of {@code reason4j serve} on the qwen2 fixture: shapes, limits and error JSON. */
class OpenAiServerTest {

    private static TorchLanguageModel model;
    private static OpenAiServer server;
    private static String v1;

    @BeforeAll
    static void start() {
        model = ServeTestSupport.model(LmFixtures.QWEN2_F32);
        server = OpenAiServer.start(model, config().withLimits(4096, 400, 4, 300));
        v1 = server.baseUrl();
    }

    @AfterAll
    static void stop() {
        server.close();
        model.close();
    }

    private static void assertError(HttpResponse<String> response, int status, String type, String messagePart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode error = json(response).get("error");
        assertThat(error.get("type").asText()).isEqualTo(type);
        assertThat(error.get("code").asInt()).isEqualTo(status);
        assertThat(error.has("param")).as("OpenAI always writes param").isTrue();
        assertThat(error.get("message").asText()).contains(messagePart);
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "dev.reason4j");
    }

    @Test
    void should_list_the_model_with_its_context_length_and_report_health() {
        JsonNode models = json(get(v1 + "/models"));

        assertThat(models.get("object").asText()).isEqualTo("list");
        JsonNode card = models.get("data").get(0);
        assertThat(card.get("id").asText()).isEqualTo(LmFixtures.QWEN2_F32);
        assertThat(card.get("object").asText()).isEqualTo("model");
        assertThat(card.get("owned_by").asText()).isEqualTo("reason4j");
        assertThat(card.get("max_model_len").asInt()).isEqualTo(512);
        assertThat(get(root(server) + "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void should_answer_completions_in_the_vllm_layout() {
        HttpResponse<String> response = post(v1 + "/completions", """
                {"model":"qwen2-tiny-f32","prompt":["Tom has 3 apples","2+3="],"max_tokens":6,"n":2,"temperature":0.8,
                 "seed":7,"logprobs":3,"return_token_ids":true,"return_tokens_as_token_ids":true}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("object").asText()).isEqualTo("text_completion");
        assertThat(body.get("id").asText()).startsWith("cmpl-");
        assertThat(body.get("model").asText()).isEqualTo("qwen2-tiny-f32");
        JsonNode choices = body.get("choices");
        assertThat(choices).hasSize(4);
        int generated = 0;
        for (int i = 0; i < 4; i++) {
            JsonNode choice = choices.get(i);
            assertThat(choice.get("index").asInt()).isEqualTo(i);
            assertThat(choice.get("finish_reason").asText()).isIn("stop", "length");
            assertThat(choice.has("stop_reason")).as("vLLM always writes stop_reason").isTrue();
            int tokens = choice.get("token_ids").size();
            JsonNode logprobs = choice.get("logprobs");
            assertThat(logprobs.get("tokens")).hasSize(tokens);
            assertThat(logprobs.get("token_logprobs")).hasSize(tokens);
            assertThat(logprobs.get("text_offset")).hasSize(tokens);
            assertThat(logprobs.get("top_logprobs")).hasSize(tokens);
            for (int t = 0; t < tokens; t++) {
                JsonNode top = logprobs.get("top_logprobs").get(t);
                assertThat(top.size()).as("3 alternatives, plus the sampled token when it is not among them").isBetween(3, 4);
                String token = logprobs.get("tokens").get(t).asText();
                assertThat(token).isEqualTo("token_id:" + choice.get("token_ids").get(t).asInt());
                assertThat(top.has(token)).isTrue();
            }
            generated += tokens;
        }
        assertThat(choices.get(0).get("prompt_token_ids")).isEqualTo(choices.get(1).get("prompt_token_ids"));
        JsonNode usage = body.get("usage");
        int promptTokens = choices.get(0).get("prompt_token_ids").size() + choices.get(2).get("prompt_token_ids").size();
        assertThat(usage.get("prompt_tokens").asInt()).isEqualTo(promptTokens);
        assertThat(usage.get("completion_tokens").asInt()).isEqualTo(generated);
        assertThat(usage.get("total_tokens").asInt()).isEqualTo(promptTokens + generated);
    }

    @Test
    void should_echo_the_prompt_with_its_logprobs_as_the_model_scores_them() {
        JsonNode body = json(post(v1 + "/completions", """
                {"prompt":"Tom has 3 apples","max_tokens":2,"temperature":0,"echo":true,"logprobs":0,
                 "prompt_logprobs":0,"return_token_ids":true,"return_tokens_as_token_ids":true}"""));

        JsonNode choice = body.get("choices").get(0);
        List<Integer> promptIds = new ArrayList<>();
        choice.get("prompt_token_ids").forEach(id -> promptIds.add(id.asInt()));
        ContinuationScore expected = model.score(Prompt.tokens(promptIds.subList(0, 1)), Prompt.tokens(promptIds.subList(1, promptIds.size())));
        assertThat(choice.get("text").asText()).startsWith("Tom has 3 apples");
        JsonNode promptLogprobs = choice.get("prompt_logprobs");
        assertThat(promptLogprobs).hasSize(promptIds.size());
        assertThat(promptLogprobs.get(0).isNull()).isTrue();
        JsonNode tokenLogprobs = choice.get("logprobs").get("token_logprobs");
        assertThat(tokenLogprobs).hasSize(promptIds.size() + 2);
        assertThat(tokenLogprobs.get(0).isNull()).isTrue();
        for (int j = 1; j < promptIds.size(); j++) {
            double lp = expected.logprobs().get(j - 1);
            assertThat(promptLogprobs.get(j).get(String.valueOf(promptIds.get(j))).get("logprob").asDouble()).isCloseTo(lp, within(1e-6));
            assertThat(tokenLogprobs.get(j).asDouble()).isCloseTo(lp, within(1e-6));
            assertThat(choice.get("logprobs").get("tokens").get(j).asText()).isEqualTo("token_id:" + promptIds.get(j));
        }
    }

    @Test
    void should_cut_at_a_stop_string_and_report_it_as_stop_reason() {
        String free = model.generate(Prompt.text("2+3="), SamplingParams.builder().temperature(0).maxTokens(12).build()).first().text();
        String stop = free.substring(4, 6);
        String expected = free.substring(0, free.indexOf(stop));

        JsonNode choice = json(post(v1 + "/completions", "{\"prompt\":\"2+3=\",\"max_tokens\":12,\"temperature\":0,"
                + "\"add_special_tokens\":false,\"skip_special_tokens\":false,\"stop\":" + quoted(stop) + "}")).get("choices").get(0);

        assertThat(choice.get("text").asText()).isEqualTo(expected);
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        assertThat(choice.get("stop_reason").asText()).isEqualTo(stop);
    }

    private static String quoted(String text) {
        return TextNode.valueOf(text).toString();
    }

    @Test
    void should_refuse_malformed_and_invalid_requests_with_400() {
        assertError(post(v1 + "/completions", "{\"prompt\": \"2+3=\", "), 400, "BadRequestError", "Malformed JSON body");
        assertError(post(v1 + "/completions", "[1, 2]"), 400, "BadRequestError", "must be a JSON object");
        assertError(post(v1 + "/completions", "{\"prompt\":\"a\",\"n\":\"many\"}"), 400, "BadRequestError", "Field 'n'");
        assertError(post(v1 + "/completions", "{\"prompt\":\"a\",\"n\":5}"), 400, "BadRequestError", "n must be in [1, 4], was 5");
        assertError(post(v1 + "/completions", "{\"prompt\":\"a\",\"max_tokens\":301}"), 400, "BadRequestError", "max_tokens must be in [1, 300]");
        assertError(post(v1 + "/completions", "{\"prompt\":[]}"), 400, "BadRequestError", "prompt");
        assertError(post(v1 + "/completions", "{\"prompt\":\"a\",\"stream\":true}"), 400, "BadRequestError", "stream is not supported");
        assertError(post(v1 + "/completions", "{\"prompt\":\"a\",\"prompt_logprobs\":3}"), 400, "BadRequestError", "prompt_logprobs supports only 0");
        assertError(post(v1 + "/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), 400,
                "BadRequestError", "has no chat template");
        assertThat(json(post(v1 + "/completions", "{\"prompt\":\"a\",\"n\":\"many\"}")).get("error").get("param").asText()).isEqualTo("n");
    }

    @Test
    void should_say_when_a_prompt_exceeds_the_context_or_the_server_limit() {
        String ids = IntStream.range(0, 600).mapToObj(i -> String.valueOf(10 + i % 300)).reduce((a, b) -> a + "," + b).orElseThrow();
        String body = "{\"prompt\":[" + ids + "],\"max_tokens\":1}";
        assertThat(body.length()).isLessThan(4096);
        assertError(post(v1 + "/completions", body), 400, "BadRequestError",
                "This model's maximum context length is 512 tokens, but the prompt has 600 tokens");

        String ids450 = IntStream.range(0, 450).mapToObj(i -> "11").reduce((a, b) -> a + "," + b).orElseThrow();
        assertError(post(v1 + "/completions", "{\"prompt\":[" + ids450 + "]}"), 400, "BadRequestError",
                "The prompt has 450 tokens; this server accepts at most 400 prompt tokens");
        String ids300 = IntStream.range(0, 300).mapToObj(i -> "12").reduce((a, b) -> a + "," + b).orElseThrow();
        assertError(post(v1 + "/completions", "{\"prompt\":[" + ids300 + "],\"max_tokens\":300}"), 400, "BadRequestError",
                "However, you requested 600 tokens (300 in the prompt, 300 in the completion)");
    }

    @Test
    void should_answer_unknown_models_and_routes_with_404_and_large_bodies_with_413() {
        assertError(post(v1 + "/completions", "{\"model\":\"gpt-4\",\"prompt\":\"a\"}"), 404, "NotFoundError",
                "The model `gpt-4` does not exist.");
        assertError(get(v1 + "/engines"), 404, "NotFoundError", "GET /v1/engines not found");
        assertError(post(v1 + "/completions", "{\"prompt\":\"" + "x".repeat(5000) + "\"}"), 413, "RequestTooLargeError",
                "larger than this server's limit of 4096 bytes");
    }

    @Test
    void should_count_requests_tokens_and_batches_in_metrics() {
        post(v1 + "/completions", "{\"prompt\":\"a\",\"max_tokens\":2,\"temperature\":0}");

        String metrics = get(root(server) + "/metrics").body();

        assertThat(metrics).contains("reason4j_requests_total{endpoint=\"/v1/completions\",status=\"200\"}");
        assertThat(metrics).containsPattern("reason4j_generation_tokens_total [1-9]");
        assertThat(metrics).containsPattern("reason4j_model_calls_total [1-9]");
        assertThat(metrics).contains("# TYPE reason4j_requests_running gauge");
    }

    @Test
    void should_tokenize_and_detokenize_like_vllm() {
        JsonNode tokens = json(post(root(server) + "/tokenize", "{\"prompt\":\"2+3=\",\"add_special_tokens\":false}"));
        int[] expected = model.tokenizer().orElseThrow().encode("2+3=");

        assertThat(tokens.get("count").asInt()).isEqualTo(expected.length);
        assertThat(tokens.get("max_model_len").asInt()).isEqualTo(512);
        assertThat(tokens.get("tokens").get(0).asInt()).isEqualTo(expected[0]);
        assertThat(json(post(root(server) + "/detokenize", tokens.toString())).get("prompt").asText()).isEqualTo("2+3=");
    }
}
