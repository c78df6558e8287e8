package dev.reason4j.lm.openai.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.reason4j.lm.openai.EndpointPool;
import dev.reason4j.lm.openai.OpenAiException;
import dev.reason4j.lm.openai.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Sends JSON requests to an {@link EndpointPool} over {@link HttpClient} on virtual threads: at most
 * {@code maxConcurrency} requests in flight, each attempt to the least-loaded healthy endpoint, retriable failures
 * retried after {@link RetryPolicy#backoff} and reported to the pool so a failing server is skipped.
 */
public final class HttpTransport implements AutoCloseable {

    /** Where a path is resolved: under the base URL ({@code /v1/...}) or at the server root ({@code /tokenize}). */
    public enum Mount {
        V1,
        ROOT
    }

    private final EndpointPool pool;
    private final RetryPolicy retry;
    private final String apiKey;
    private final Duration requestTimeout;
    private final Semaphore permits;
    private final ExecutorService executor;
    private final HttpClient client;

    /**
     * @param apiKey sent as {@code Authorization: Bearer}, or {@code null} for none
     */
    public HttpTransport(EndpointPool pool, RetryPolicy retry, String apiKey, Duration connectTimeout,
            Duration requestTimeout, int maxConcurrency) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.apiKey = apiKey;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.permits = new Semaphore(maxConcurrency, true);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .executor(executor)
                .build();
    }

    /** The endpoints requests go to. */
    public EndpointPool pool() {
        return pool;
    }

    /** Virtual threads for fanning a batch out into concurrent requests. */
    public ExecutorService executor() {
        return executor;
    }

    public <T> T post(Mount mount, String path, Object body, Class<T> type) {
        byte[] json;
        try {
            json = Wire.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode request for " + path, e);
        }
        return exchange(mount, path, HttpRequest.BodyPublishers.ofByteArray(json), "POST", type);
    }

    public <T> T get(Mount mount, String path, Class<T> type) {
        return exchange(mount, path, HttpRequest.BodyPublishers.noBody(), "GET", type);
    }

    private <T> T exchange(Mount mount, String path, HttpRequest.BodyPublisher body, String method, Class<T> type) {
        for (int attempt = 1; ; attempt++) {
            Attempt outcome = attempt(mount, path, body, method);
            if (outcome.failure == null) {
                return decode(outcome, type);
            }
            if (!outcome.failure.retriable() || attempt >= retry.maxAttempts()) {
                if (attempt > 1) {
                    outcome.failure.addSuppressed(new IllegalStateException("gave up after " + attempt + " attempts"));
                }
                throw outcome.failure;
            }
            sleep(retry.backoff(attempt, outcome.retryAfter));
        }
    }

    private record Attempt(URI endpoint, String request, byte[] body, OpenAiException failure, Duration retryAfter) {}

    private Attempt attempt(Mount mount, String path, HttpRequest.BodyPublisher body, String method) {
        permits.acquireUninterruptibly();
        EndpointPool.Endpoint endpoint = pool.acquire();
        boolean unwell = false;
        try {
            URI uri = mount == Mount.V1 ? endpoint.resolve(path) : endpoint.resolveAtRoot(path);
            String request = method + " " + uri;
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .timeout(requestTimeout)
                    .header("Accept", "application/json")
                    .method(method, body);
            if ("POST".equals(method)) {
                builder.header("Content-Type", "application/json");
            }
            if (apiKey != null) {
                builder.header("Authorization", "Bearer " + apiKey);
            }
            HttpResponse<byte[]> response;
            try {
                response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                unwell = true;
                return new Attempt(endpoint.baseUrl(), request, null, ErrorMapper.fromTransport(e, endpoint.baseUrl(), request), null);
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return new Attempt(endpoint.baseUrl(), request, response.body(), null, null);
            }
            OpenAiException failure = ErrorMapper.fromResponse(status, response.body(), endpoint.baseUrl(), request);
            unwell = failure.retriable();
            return new Attempt(endpoint.baseUrl(), request, null, failure, retryAfter(response).orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenAiException(OpenAiException.Kind.CONNECTION, 0, endpoint.baseUrl(),
                    method + " " + path + ": interrupted", e);
        } finally {
            pool.release(endpoint, unwell);
            permits.release();
        }
    }

    private static <T> T decode(Attempt outcome, Class<T> type) {
        try {
            T value = Wire.MAPPER.readValue(outcome.body, type);
            if (value == null) {
                throw ErrorMapper.badResponse(outcome.request, outcome.endpoint, "empty body", null);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw ErrorMapper.badResponse(outcome.request, outcome.endpoint, e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw ErrorMapper.badResponse(outcome.request, outcome.endpoint, e.toString(), e);
        }
    }

    /** {@code Retry-After} in seconds (HTTP dates are ignored: the backoff applies). */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value.strip()) * 1000)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenAiException(OpenAiException.Kind.CONNECTION, 0, null, "interrupted while backing off", e);
        }
    }

    @Override
    public void close() {
        client.close();
        executor.close();
    }
}
