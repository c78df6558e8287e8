package dev.reason4j.app.serve;

import static dev.reason4j.app.serve.ServeTestSupport.config;
import static dev.reason4j.app.serve.ServeTestSupport.get;
import static dev.reason4j.app.serve.ServeTestSupport.json;
import static dev.reason4j.app.serve.ServeTestSupport.post;
import static dev.reason4j.app.serve.ServeTestSupport.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.lm.LmFixtures;
import dev.reason4j.torch.TorchLanguageModel;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** API key, binding rules, overload and graceful shutdown. */
class ServerSafetyTest {

    /** A request that keeps the model busy for a while: 400 tokens, no early end. */
    private static final String LONG = "{\"prompt\":\"Tom has 3 apples\",\"max_tokens\":400,\"temperature\":0,\"ignore_eos\":true}";

    private static TorchLanguageModel model;

    @BeforeAll
    static void load() {
        model = ServeTestSupport.model(LmFixtures.QWEN2_F32);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void should_require_the_api_key_everywhere_but_health() {
        try (OpenAiServer server = OpenAiServer.start(model, config().withApiKey("s3cret-key"))) {
            String body = "{\"prompt\":\"a\",\"max_tokens\":1}";

            HttpResponse<String> missing = post(server.baseUrl() + "/completions", body);
            HttpResponse<String> wrong = post(server.baseUrl() + "/completions", body, "Authorization", "Bearer s3cret-kez");
            HttpResponse<String> right = post(server.baseUrl() + "/completions", body, "Authorization", "Bearer s3cret-key");

            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(json(missing).get("error").get("type").asText()).isEqualTo("AuthenticationError");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
            assertThat(get(server.baseUrl() + "/models").statusCode()).isEqualTo(401);
            assertThat(get(root(server) + "/metrics").statusCode()).isEqualTo(401);
            assertThat(get(root(server) + "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void should_refuse_to_listen_beyond_loopback_without_a_key() {
        assertThatThrownBy(() -> config().withHost("0.0.0.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing to listen on 0.0.0.0 without an API key");
        assertThat(config().withApiKey("k").withHost("0.0.0.0").host()).isEqualTo("0.0.0.0");
        assertThat(ServeConfig.defaults().host()).isEqualTo("127.0.0.1");
        assertThat(ServeConfig.isLoopback("localhost")).isTrue();
        assertThatThrownBy(() -> config().withApiKey(" ")).hasMessageContaining("apiKey must not be blank");
        assertThatThrownBy(() -> config().withLimits(0, 1, 1, 1)).hasMessageContaining("maxBodyBytes must be >= 1, was 0");
        assertThatThrownBy(() -> config().withPort(70000)).hasMessageContaining("port must be in [0, 65535], was 70000");
    }

    @Test
    void should_answer_503_with_retry_after_when_the_queue_is_full() throws Exception {
        try (OpenAiServer server = OpenAiServer.start(model, config().withBatching(1, Duration.ZERO, 1));
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                responses.add(pool.submit(() -> post(server.baseUrl() + "/completions", LONG)));
            }
            int ok = 0;
            int overloaded = 0;
            for (Future<HttpResponse<String>> future : responses) {
                HttpResponse<String> response = future.get();
                if (response.statusCode() == 200) {
                    ok++;
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                    assertThat(json(response).get("error").get("message").asText()).contains("overloaded");
                    overloaded++;
                }
            }
            assertThat(ok).as("the request being generated at least").isGreaterThanOrEqualTo(1);
            assertThat(overloaded).as("12 long requests against a queue of 1").isGreaterThanOrEqualTo(1);
            assertThat(ok + overloaded).isEqualTo(12);
        }
    }

    @Test
    void should_finish_requests_in_flight_when_shutting_down() throws Exception {
        OpenAiServer server = OpenAiServer.start(model, config().withDrainTimeout(Duration.ofSeconds(30)));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> inFlight = pool.submit(() -> post(server.baseUrl() + "/completions", LONG));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!get(root(server) + "/metrics").body().contains("reason4j_requests_running 2") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Future<?> closing = pool.submit(server::close);
            Thread.sleep(50);

            HttpResponse<String> late = tryPost(server.baseUrl() + "/completions", LONG);
            HttpResponse<String> finished = inFlight.get();
            closing.get();

            assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
            assertThat(json(finished).get("usage").get("completion_tokens").asInt()).isEqualTo(400);
            assertThat(late).as("the listener stays open while draining").isNotNull();
            assertThat(late.statusCode()).as("new requests while draining").isEqualTo(503);
            assertThat(tryPost(server.baseUrl() + "/completions", LONG)).as("listener closed").isNull();
        }
    }

    /** The response, or {@code null} when the connection was refused. */
    private static HttpResponse<String> tryPost(String url, String body) {
        try {
            return post(url, body);
        } catch (UncheckedIOException e) {
            return null;
        }
    }
}
