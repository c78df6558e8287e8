package dev.reason4j.app.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.reason4j.lm.ContinuationScore;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.ScoreRequest;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.openai.OpenAiException;
import dev.reason4j.lm.openai.internal.Wire;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves any {@link LanguageModel} over the OpenAI API as vLLM implements it: {@code GET /v1/models},
 * {@code POST /v1/completions}, {@code POST /v1/chat/completions}, vLLM's {@code POST /tokenize} and
 * {@code POST /detokenize}, {@code GET /health} and {@code GET /metrics} (Prometheus text).
 *
 * <p>Requests that arrive together are batched ({@link RequestBatcher}); errors are OpenAI-style JSON (400 malformed
 * or invalid, 401 bad key, 404 unknown model or route, 413 body too large, 503 overloaded or shutting down, 500 with
 * no stack trace); when an API key is set every route but {@code /health} needs it, compared in constant time.
 * {@link #close()} shuts down gracefully: new requests get 503 while those in flight finish.
 */
public final class OpenAiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiServer.class);
    private static final Set<String> ROUTES = Set.of("/v1/models", "/v1/completions", "/v1/chat/completions",
            "/tokenize", "/detokenize", "/health", "/metrics");
    private static final String STARTED = "reason4j.started";

    private final LanguageModel model;
    private final ServeConfig config;
    private final String servedName;
    private final byte[] keyDigest;
    private final ServerMetrics metrics = new ServerMetrics();
    private final RequestBatcher batcher;
    private final RequestTranslator translator;
    private final ResponseBuilder responses;
    private final Javalin app;
    private volatile boolean draining;
    private volatile int port;

    private OpenAiServer(LanguageModel model, ServeConfig config) {
        this.model = Objects.requireNonNull(model, "model");
        this.config = Objects.requireNonNull(config, "config");
        this.servedName = config.servedModelName() != null ? config.servedModelName() : model.info().id();
        this.keyDigest = config.apiKey() == null ? null : sha256(config.apiKey());
        this.batcher = new RequestBatcher(model, config.maxQueuedRequests(), config.batchWindow(),
                config.maxBatchPrompts(), metrics);
        metrics.queueDepth(batcher::queued);
        this.translator = new RequestTranslator(model, servedName, config);
        this.responses = new ResponseBuilder(servedName, model.tokenizer());
        this.app = Javalin.create(c -> {
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.concurrency.useVirtualThreads = true;
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.maxRequestSize = config.maxBodyBytes();
            c.routes.before(this::admit);
            c.routes.after(this::account);
            c.routes.get("/health", ctx -> ctx.status(draining ? 503 : 200));
            c.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.prometheus()));
            c.routes.get("/v1/models", ctx -> json(ctx, models()));
            c.routes.post("/v1/completions", this::completions);
            c.routes.post("/v1/chat/completions", this::chat);
            c.routes.post("/tokenize", this::tokenize);
            c.routes.post("/detokenize", this::detokenize);
            c.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e));
            c.routes.exception(HttpResponseException.class,
                    (e, ctx) -> error(ctx, new ApiError(e.getStatus(), e.getMessage(), null)));
            c.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, new ApiError(500, "Internal server error; see the server log.", null));
            });
        });
    }

    /** Binds and starts serving; the config has already refused unsafe binds. */
    public static OpenAiServer start(LanguageModel model, ServeConfig config) {
        OpenAiServer server = new OpenAiServer(model, config);
        try {
            server.app.start();
            server.port = server.app.port();
        } catch (RuntimeException e) {
            server.batcher.close();
            throw e;
        }
        LOG.info("serving {} at {}", server.servedName, server.baseUrl());
        return server;
    }

    /** The port bound (useful with port 0). */
    public int port() {
        return port;
    }

    /** {@code http://host:port/v1}, the base URL clients use. */
    public String baseUrl() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port() + "/v1";
    }

    public String servedModelName() {
        return servedName;
    }

    private void admit(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
        metrics.started();
        if (ctx.path().equals("/health")) {
            return;
        }
        if (keyDigest != null) {
            String header = ctx.header("Authorization");
            String offered = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
            // digests have equal length, so MessageDigest.isEqual takes the same time whatever was offered
            if (!MessageDigest.isEqual(keyDigest, sha256(offered))) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw ApiError.unauthorized();
            }
        }
        if (draining) {
            throw ApiError.unavailable("The server is shutting down.");
        }
    }

    private void account(Context ctx) {
        Long started = ctx.attribute(STARTED);
        String endpoint = ROUTES.contains(ctx.path()) ? ctx.path() : "other";
        metrics.finished(endpoint, ctx.statusCode(), started == null ? 0 : System.nanoTime() - started);
    }

    private void completions(Context ctx) {
        ParsedRequest request = translator.completion(body(ctx));
        List<GenerationResult> results = await(batcher.submitGenerate(request.prompts(), request.params()));
        List<List<Double>> promptLogprobs = request.needsPromptScores() ? promptLogprobs(results) : null;
        count(results);
        json(ctx, responses.completion(request, results, promptLogprobs));
    }

    private void chat(Context ctx) {
        ParsedRequest request = translator.chat(body(ctx));
        List<GenerationResult> results = await(batcher.submitGenerate(request.prompts(), request.params()));
        count(results);
        json(ctx, responses.chat(request, results.get(0)));
    }

    /** Each prompt token's log-probability given the tokens before it (entry 0 null), through the batcher. */
    private List<List<Double>> promptLogprobs(List<GenerationResult> results) {
        List<ScoreRequest> requests = new ArrayList<>();
        for (GenerationResult r : results) {
            List<Integer> ids = r.promptTokenIds();
            if (ids.isEmpty()) {
                throw ApiError.badRequest("prompt_logprobs", model.info().id() + " does not report prompt tokens");
            }
            if (ids.size() > 1) {
                requests.add(new ScoreRequest(Prompt.tokens(ids.subList(0, 1)), Prompt.tokens(ids.subList(1, ids.size()))));
            }
        }
        List<ContinuationScore> scores = requests.isEmpty() ? List.of() : await(batcher.submitScore(requests));
        List<List<Double>> out = new ArrayList<>(results.size());
        int next = 0;
        for (GenerationResult r : results) {
            List<Double> logprobs = new ArrayList<>();
            logprobs.add(null);
            if (r.promptTokenIds().size() > 1) {
                logprobs.addAll(scores.get(next++).logprobs());
            }
            out.add(logprobs);
        }
        return out;
    }

    private void count(List<GenerationResult> results) {
        for (GenerationResult r : results) {
            metrics.tokens(r.usage().promptTokens(), r.usage().completionTokens());
        }
    }

    private void tokenize(Context ctx) {
        Wire.TokenizeRequest r = JsonBodies.as(body(ctx), Wire.TokenizeRequest.class);
        Tokenizer tokenizer = tokenizer();
        int[] ids;
        if (r.prompt() != null) {
            ids = tokenizer.encode(r.prompt(), r.addSpecialTokens() == null || r.addSpecialTokens());
        } else if (r.messages() != null) {
            String text = tokenizer.applyChatTemplate(RequestTranslator.messages(r.messages()),
                    r.addGenerationPrompt() == null || r.addGenerationPrompt());
            ids = tokenizer.encode(text, Boolean.TRUE.equals(r.addSpecialTokens()));
        } else {
            throw ApiError.badRequest("prompt", "give prompt or messages");
        }
        json(ctx, new Wire.TokenizeResponse(ids.length, model.info().contextLength(), Arrays.stream(ids).boxed().toList()));
    }

    private void detokenize(Context ctx) {
        Wire.DetokenizeRequest r = JsonBodies.as(body(ctx), Wire.DetokenizeRequest.class);
        if (r.tokens() == null) {
            throw ApiError.badRequest("tokens", "tokens is required");
        }
        int[] ids = r.tokens().stream().mapToInt(Integer::intValue).toArray();
        json(ctx, new Wire.DetokenizeResponse(tokenizer().decode(ids, false)));
    }

    private Tokenizer tokenizer() {
        return model.tokenizer().orElseThrow(() -> ApiError.badRequest(model.info().id() + " has no local tokenizer"));
    }

    private Wire.ModelList models() {
        return new Wire.ModelList("list", List.of(new Wire.ModelCard(servedName, "model", System.currentTimeMillis() / 1000,
                "reason4j", model.info().id(), model.info().contextLength())));
    }

    private JsonNode body(Context ctx) {
        try {
            return JsonBodies.object(JsonBodies.read(ctx.req().getInputStream(), ctx.req().getContentLengthLong(),
                    config.maxBodyBytes()));
        } catch (IOException e) {
            throw ApiError.badRequest("Could not read the request body: " + e.getMessage());
        }
    }

    /** Waits for the model; its validation errors become 400s, anything unexpected a 500. */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.unavailable("The request was interrupted.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ApiError apiError) {
                throw apiError;
            }
            if (cause instanceof OpenAiException upstream && upstream.status() >= 400 && upstream.status() < 500) {
                throw new ApiError(upstream.status(), upstream.getMessage(), null);
            }
            if (cause instanceof IllegalArgumentException || cause instanceof UnsupportedOperationException) {
                throw ApiError.badRequest(cause.getMessage());
            }
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
    }

    private static void json(Context ctx, Object body) {
        try {
            ctx.contentType("application/json").result(Wire.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void error(Context ctx, ApiError e) {
        if (e.status() == 503) {
            ctx.header("Retry-After", "1");
        }
        ctx.status(e.status());
        json(ctx, new Wire.ErrorResponse(new Wire.ErrorInfo(e.getMessage(), e.type(), e.param(), IntNode.valueOf(e.status()))));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * Graceful shutdown: {@code /health} and new requests answer 503, requests in flight get up to the drain timeout
     * to finish, then the listener and the batcher stop. The model is not closed: it belongs to the caller.
     */
    @Override
    public void close() {
        if (draining) {
            return;
        }
        draining = true;
        long deadline = System.nanoTime() + config.drainTimeout().toNanos();
        while (metrics.running() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(Duration.ofMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        app.stop();
        batcher.close();
        LOG.info("stopped serving {}", servedName);
    }
}
