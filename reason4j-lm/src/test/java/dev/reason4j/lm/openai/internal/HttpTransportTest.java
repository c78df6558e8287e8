package dev.reason4j.lm.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reason4j.lm.openai.EndpointPool;
import dev.reason4j.lm.openai.OpenAiException;
import dev.reason4j.lm.openai.OpenAiException.Kind;
import dev.reason4j.lm.openai.RetryPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error mapping, retries and failover over real HTTP, against small JDK servers that answer as told. */
class HttpTransportTest {

    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"max_model_len\":64}]}";
    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(50), 2, 0);

    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final List<HttpTransport> transports = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @FunctionalInterface
    interface Answer {
        void answer(HttpExchange exchange, int call) throws IOException;
    }

    private String serve(Answer answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            try (exchange) {
                answer.answer(exchange, calls.incrementAndGet());
            }
        });
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private HttpTransport transport(RetryPolicy retry, Duration timeout, String... urls) {
        HttpTransport transport = new HttpTransport(EndpointPool.of(urls), retry, "sk-test", Duration.ofSeconds(2), timeout, 8);
        transports.add(transport);
        return transport;
    }

    @AfterEach
    void stop() {
        transports.forEach(HttpTransport::close);
        servers.forEach(s -> s.stop(0));
    }

    @ParameterizedTest
    @CsvSource({
        "400, BAD_REQUEST, false",
        "401, AUTHENTICATION, false",
        "403, PERMISSION, false",
        "404, NOT_FOUND, false",
        "408, TIMEOUT, true",
        "413, TOO_LARGE, false",
        "422, BAD_REQUEST, false",
        "429, RATE_LIMITED, true",
        "500, SERVER_ERROR, true",
        "502, SERVER_ERROR, true",
        "503, UNAVAILABLE, true",
    })
    void should_map_each_status_to_one_kind_and_keep_the_server_message(int status, Kind kind, boolean retriable)
            throws IOException {
        String url = serve((exchange, call) -> reply(exchange, status,
                "{\"error\":{\"message\":\"told " + status + "\",\"type\":\"T\",\"param\":null,\"code\":" + status + "}}"));

        assertThatThrownBy(() -> transport(RetryPolicy.NONE, Duration.ofSeconds(5), url)
                        .get(HttpTransport.Mount.V1, "models", Wire.ModelList.class))
                .isInstanceOfSatisfying(OpenAiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.retriable()).isEqualTo(retriable);
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.endpoint()).isEqualTo(URI.create(url));
                    assertThat(e.getMessage()).contains("GET " + url + "/models: HTTP " + status + ": T: told " + status);
                });
        assertThat(authorizations).containsExactly("Bearer sk-test");
    }

    @Test
    void should_read_older_vllm_and_plain_error_bodies() {
        assertThat(ErrorMapper.serverMessage("{\"object\":\"error\",\"message\":\"bad n\",\"type\":\"BadRequestError\"}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("BadRequestError: bad n");
        assertThat(ErrorMapper.serverMessage("{\"error\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Unauthorized");
        assertThat(ErrorMapper.serverMessage("Bad Gateway".getBytes(StandardCharsets.UTF_8))).isEqualTo("Bad Gateway");
    }

    @Test
    void should_retry_429_and_503_with_backoff_until_success() throws IOException {
        String url = serve((exchange, call) -> {
            if (call == 1) {
                exchange.getResponseHeaders().add("Retry-After", "0.05");
                reply(exchange, 429, "{\"error\":{\"message\":\"slow down\",\"type\":\"RateLimitError\"}}");
            } else if (call == 2) {
                reply(exchange, 503, "");
            } else {
                reply(exchange, 200, MODELS);
            }
        });
        long start = System.nanoTime();

        Wire.ModelList models = transport(FAST, Duration.ofSeconds(5), url).get(HttpTransport.Mount.V1, "models", Wire.ModelList.class);

        assertThat(models.data().get(0).maxModelLen()).isEqualTo(64);
        assertThat(calls).hasValue(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("Retry-After 50 ms honoured").isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void should_not_retry_a_bad_request_and_give_up_after_max_attempts() throws IOException {
        String bad = serve((exchange, call) -> reply(exchange, 400, "{\"error\":{\"message\":\"no\",\"type\":\"BadRequestError\"}}"));
        assertThatThrownBy(() -> transport(FAST, Duration.ofSeconds(5), bad).get(HttpTransport.Mount.V1, "models", Wire.ModelList.class))
                .isInstanceOf(OpenAiException.class);
        assertThat(calls).hasValue(1);

        calls.set(0);
        String down = serve((exchange, call) -> reply(exchange, 500, "boom"));
        assertThatThrownBy(() -> transport(FAST, Duration.ofSeconds(5), down).get(HttpTransport.Mount.V1, "models", Wire.ModelList.class))
                .isInstanceOfSatisfying(OpenAiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
                    assertThat(e.getSuppressed()[0]).hasMessage("gave up after 4 attempts");
                });
        assertThat(calls).hasValue(4);
    }

    @Test
    void should_fail_over_from_a_dead_endpoint_and_mark_it_unhealthy() throws IOException {
        String dead;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }
        String live = serve((exchange, call) -> reply(exchange, 200, MODELS));
        HttpTransport transport = transport(FAST, Duration.ofSeconds(5), dead, live);

        for (int i = 0; i < 6; i++) {
            assertThat(transport.get(HttpTransport.Mount.V1, "models", Wire.ModelList.class).data()).hasSize(1);
        }

        assertThat(calls).hasValue(6);
        var status = transport.pool().status();
        assertThat(status.get(0).healthy()).isFalse();
        assertThat(status.get(0).failures()).isBetween(1L, 2L);
        assertThat(status.get(1).requests()).isEqualTo(6);
    }

    @Test
    void should_report_connection_refused_timeouts_and_non_json_answers() throws IOException {
        String dead;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }
        String deadUrl = dead;
        assertThatThrownBy(() -> transport(RetryPolicy.NONE, Duration.ofSeconds(5), deadUrl).get(HttpTransport.Mount.V1, "models", Wire.ModelList.class))
                .isInstanceOfSatisfying(OpenAiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONNECTION));

        String slow = serve((exchange, call) -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200, MODELS);
        });
        assertThatThrownBy(() -> transport(RetryPolicy.NONE, Duration.ofMillis(150), slow).get(HttpTransport.Mount.V1, "models", Wire.ModelList.class))
                .isInstanceOfSatisfying(OpenAiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));

        String html = serve((exchange, call) -> reply(exchange, 200, "<html>proxy login</html>"));
        assertThatThrownBy(() -> transport(RetryPolicy.NONE, Duration.ofSeconds(5), html).get(HttpTransport.Mount.V1, "models", Wire.ModelList.class))
                .isInstanceOfSatisfying(OpenAiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
                    assertThat(e.getMessage()).contains("unexpected response");
                });
    }
}
