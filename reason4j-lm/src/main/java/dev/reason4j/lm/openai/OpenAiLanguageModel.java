package dev.reason4j.lm.openai;

import dev.reason4j.lm.ContinuationScore;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.ModelInfo;
import dev.reason4j.lm.ModelInfo.Capability;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.Prompts;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.ScoreRequest;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.openai.internal.ErrorMapper;
import dev.reason4j.lm.openai.internal.HttpTransport;
import dev.reason4j.lm.openai.internal.HttpTransport.Mount;
import dev.reason4j.lm.openai.internal.RequestEncoder;
import dev.reason4j.lm.openai.internal.ResponseDecoder;
import dev.reason4j.lm.openai.internal.TokenTexts;
import dev.reason4j.lm.openai.internal.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A {@link LanguageModel} behind an OpenAI-compatible HTTP server (vLLM, SGLang, llama.cpp, Ollama,
 * {@code reason4j serve}). Text and token-id prompts go to {@code /v1/completions}, chats to
 * {@code /v1/chat/completions}; each prompt of a batch is its own request, sent concurrently on virtual threads (at
 * most {@link Builder#maxConcurrency} at once) to the least-loaded healthy server of the {@link EndpointPool}, and
 * retried per {@link RetryPolicy} on 429, 5xx, timeouts and lost connections.
 *
 * <p>With {@link Dialect#VLLM} (the default) token ids and logprobs come back exactly ({@code return_token_ids},
 * {@code return_tokens_as_token_ids}) and {@link #score} works through {@code prompt_logprobs} and {@code /tokenize}.
 * A token's text comes from {@link Builder#tokenizer} when given, else from the server's {@code /detokenize}
 * (cached).
 *
 * <pre>{@code
 * try (LanguageModel model = OpenAiLanguageModel.builder()
 *         .baseUrls("http://gpu1:8000/v1", "http://gpu2:8000/v1")
 *         .model("Qwen/Qwen2.5-Math-7B-Instruct")
 *         .apiKeyFromEnv("VLLM_API_KEY")
 *         .build()) {
 *     System.out.println(model.generate("2+3=").first().text());
 * }
 * }</pre>
 */
public final class OpenAiLanguageModel extends LanguageModel {

    private final HttpTransport transport;
    private final EndpointPool pool;
    private final Dialect dialect;
    private final String configuredModel;
    private final Integer configuredContextLength;
    private final Tokenizer tokenizer;
    private volatile ModelInfo info;
    private volatile ResponseDecoder decoder;

    private OpenAiLanguageModel(Builder b) {
        super(b.defaults);
        this.pool = b.pool;
        this.dialect = b.dialect;
        this.configuredModel = b.model;
        this.configuredContextLength = b.contextLength;
        this.tokenizer = b.tokenizer;
        this.transport = new HttpTransport(b.pool, b.retry, b.apiKey, b.connectTimeout, b.requestTimeout, b.maxConcurrency);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The served model and its context length; asked of {@code GET /v1/models} on first use unless both were given
     * to the builder.
     */
    @Override
    public ModelInfo info() {
        ModelInfo known = info;
        if (known == null) {
            synchronized (this) {
                if (info == null) {
                    info = fetchInfo();
                }
                known = info;
            }
        }
        return known;
    }

    private ModelInfo fetchInfo() {
        String id = configuredModel;
        Integer contextLength = configuredContextLength;
        if (id == null || contextLength == null) {
            Wire.ModelList models = transport.get(Mount.V1, "models", Wire.ModelList.class);
            List<Wire.ModelCard> cards = models.data() == null ? List.of() : models.data();
            Wire.ModelCard card = cards.stream()
                    .filter(c -> configuredModel == null || configuredModel.equals(c.id()))
                    .findFirst()
                    .orElseThrow(() -> new OpenAiException(OpenAiException.Kind.NOT_FOUND, 404, null,
                            "GET /v1/models lists " + cards.stream().map(Wire.ModelCard::id).toList()
                                    + (configuredModel == null ? "" : ", not '" + configuredModel + "'"), null));
            id = card.id();
            if (contextLength == null) {
                contextLength = card.maxModelLen();
            }
            if (contextLength == null) {
                throw new IllegalStateException("the server does not report max_model_len for '" + id
                        + "'; give the context length with OpenAiLanguageModel.builder().contextLength(...)");
            }
        }
        EnumSet<Capability> capabilities = EnumSet.of(Capability.TOKEN_PROMPTS, Capability.CHAT);
        if (dialect == Dialect.VLLM) {
            capabilities.add(Capability.SCORE);
        }
        int maxTop = dialect == Dialect.VLLM ? SamplingParams.MAX_TOP_LOGPROBS : 0;
        return new ModelInfo(id, contextLength, maxTop, capabilities);
    }

    @Override
    public Optional<Tokenizer> tokenizer() {
        return Optional.ofNullable(tokenizer);
    }

    /** The servers this model sends to, with their load and health. */
    public EndpointPool endpointPool() {
        return pool;
    }

    @Override
    protected List<GenerationResult> doGenerate(List<Prompt> prompts, SamplingParams params) {
        RequestEncoder.checkSupported(params, dialect);
        String model = info().id();
        return fanOut(prompts, prompt -> generateOne(model, prompt, params));
    }

    private GenerationResult generateOne(String model, Prompt prompt, SamplingParams params) {
        return switch (prompt) {
            case Prompt.Text text -> decodeCompletion(RequestEncoder.completion(model,
                    RequestEncoder.textPrompt(text.text()), params, dialect), params);
            case Prompt.Tokens tokens -> decodeCompletion(RequestEncoder.completion(model,
                    RequestEncoder.tokenPrompt(tokens.ids()), params, dialect), params);
            case Prompt.Chat chat -> {
                Wire.ChatCompletionResponse response = transport.post(Mount.V1, "chat/completions",
                        RequestEncoder.chat(model, chat.messages(), params, dialect), Wire.ChatCompletionResponse.class);
                try {
                    yield decoder().chat(response, params);
                } catch (IllegalStateException | IllegalArgumentException e) {
                    throw ErrorMapper.badResponse("POST chat/completions", null, e.getMessage(), e);
                }
            }
        };
    }

    private GenerationResult decodeCompletion(Wire.CompletionRequest request, SamplingParams params) {
        Wire.CompletionResponse response = transport.post(Mount.V1, "completions", request, Wire.CompletionResponse.class);
        try {
            return decoder().completion(response, params);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw ErrorMapper.badResponse("POST completions", null, e.getMessage(), e);
        }
    }

    /**
     * Tokenizes prompt and continuation separately (locally when a tokenizer was given, else with the server's
     * {@code /tokenize}), sends the concatenated ids with {@code prompt_logprobs: 0} and reads back the
     * continuation's log-probabilities.
     */
    @Override
    protected List<ContinuationScore> doScore(List<ScoreRequest> requests) {
        String model = info().id();
        return fanOut(requests, request -> scoreOne(model, request));
    }

    private ContinuationScore scoreOne(String model, ScoreRequest request) {
        List<Integer> promptIds = tokenize(model, request.prompt());
        List<Integer> continuationIds = tokenize(model, request.continuation());
        if (promptIds.isEmpty()) {
            throw new IllegalArgumentException("prompt has no tokens: a continuation can only be scored after at least one token");
        }
        List<Integer> all = new ArrayList<>(promptIds);
        all.addAll(continuationIds);
        if (all.size() + 1 > info().contextLength()) {
            throw new IllegalArgumentException("prompt and continuation have " + all.size() + " tokens; "
                    + info().id() + " holds " + info().contextLength() + " including one generated token");
        }
        Wire.CompletionResponse response = transport.post(Mount.V1, "completions",
                RequestEncoder.promptLogprobs(model, all), Wire.CompletionResponse.class);
        try {
            List<Map<String, Wire.Logprob>> entries = response.choices().get(0).promptLogprobs();
            if (entries == null || entries.size() != all.size()) {
                throw new IllegalStateException("prompt_logprobs has " + (entries == null ? "no" : entries.size())
                        + " entries for " + all.size() + " prompt tokens (does the server support prompt_logprobs?)");
            }
            List<Double> logprobs = new ArrayList<>(continuationIds.size());
            for (int i = promptIds.size(); i < all.size(); i++) {
                Wire.Logprob entry = entries.get(i) == null ? null : entries.get(i).get(String.valueOf(all.get(i)));
                if (entry == null || entry.logprob() == null) {
                    throw new IllegalStateException("prompt_logprobs[" + i + "] has no entry for token " + all.get(i));
                }
                logprobs.add(Math.min(entry.logprob(), 0));
            }
            return new ContinuationScore(promptIds, continuationIds, logprobs);
        } catch (IllegalStateException | IndexOutOfBoundsException e) {
            throw ErrorMapper.badResponse("POST completions (prompt_logprobs)", null, e.getMessage(), e);
        }
    }

    private List<Integer> tokenize(String model, Prompt prompt) {
        if (prompt instanceof Prompt.Tokens tokens) {
            return tokens.ids();
        }
        if (tokenizer != null) {
            return Arrays.stream(Prompts.encode(prompt, tokenizer)).boxed().toList();
        }
        Wire.TokenizeRequest request = prompt instanceof Prompt.Chat chat
                ? new Wire.TokenizeRequest(model, null, chat.messages().stream()
                        .map(m -> new Wire.Message(m.role(), RequestEncoder.textPrompt(m.content())))
                        .toList(), Boolean.FALSE, Boolean.TRUE)
                : new Wire.TokenizeRequest(model, ((Prompt.Text) prompt).text(), null, Boolean.FALSE, null);
        Wire.TokenizeResponse response = transport.post(Mount.ROOT, "tokenize", request, Wire.TokenizeResponse.class);
        if (response.tokens() == null) {
            throw ErrorMapper.badResponse("POST tokenize", null, "missing field tokens", null);
        }
        return response.tokens();
    }

    private ResponseDecoder decoder() {
        ResponseDecoder known = decoder;
        if (known == null) {
            known = new ResponseDecoder(new TokenTexts(tokenizer, transport, info().id()));
            decoder = known;
        }
        return known;
    }

    /** Runs one call per item concurrently on virtual threads; results in order, the first failure rethrown. */
    private <I, O> List<O> fanOut(List<I> items, Function<I, O> call) {
        if (items.size() == 1) {
            return List.of(call.apply(items.get(0)));
        }
        List<Future<O>> futures = new ArrayList<>(items.size());
        for (I item : items) {
            futures.add(transport.executor().submit(() -> call.apply(item)));
        }
        List<O> results = new ArrayList<>(items.size());
        try {
            for (Future<O> future : futures) {
                results.add(future.get());
            }
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new OpenAiException(OpenAiException.Kind.CONNECTION, 0, null, "interrupted", e);
        }
        return results;
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Builds an {@link OpenAiLanguageModel}; only the endpoints are required. */
    public static final class Builder {
        private EndpointPool pool;
        private String model;
        private String apiKey = System.getenv("OPENAI_API_KEY");
        private Dialect dialect = Dialect.VLLM;
        private Integer contextLength;
        private Tokenizer tokenizer;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofMinutes(10);
        private int maxConcurrency = 64;
        private SamplingParams defaults = SamplingParams.defaults();

        private Builder() {}

        /** One or more base URLs that end before the endpoint name, e.g. {@code http://127.0.0.1:8000/v1}. */
        public Builder baseUrls(String... baseUrls) {
            this.pool = EndpointPool.of(baseUrls);
            return this;
        }

        /** A pool, possibly shared with other clients, with its own cooldowns. */
        public Builder endpointPool(EndpointPool pool) {
            this.pool = Objects.requireNonNull(pool, "pool");
            return this;
        }

        /** The served model id; by default the first one {@code /v1/models} lists. */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** Sent as {@code Authorization: Bearer}; by default {@code $OPENAI_API_KEY} when set. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Reads the API key from this environment variable, which must be set. */
        public Builder apiKeyFromEnv(String variable) {
            String value = System.getenv(Objects.requireNonNull(variable, "variable"));
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("environment variable " + variable + " is not set");
            }
            this.apiKey = value;
            return this;
        }

        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** The model's context length, when the server does not report {@code max_model_len}. */
        public Builder contextLength(int contextLength) {
            if (contextLength < 1) {
                throw new IllegalArgumentException("contextLength must be >= 1, was " + contextLength);
            }
            this.contextLength = contextLength;
            return this;
        }

        /**
         * A local copy of the served model's tokenizer: token texts and score tokenization then need no round trip,
         * and {@link #tokenizer()} exposes it for token counting. The caller keeps ownership.
         */
        public Builder tokenizer(Tokenizer tokenizer) {
            this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** Longest wait for one response, generation included. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /** Most requests in flight at once over all endpoints (default 64). */
        public Builder maxConcurrency(int maxConcurrency) {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("maxConcurrency must be >= 1, was " + maxConcurrency);
            }
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /** Parameters for calls that give none. */
        public Builder defaults(SamplingParams defaults) {
            this.defaults = Objects.requireNonNull(defaults, "defaults");
            return this;
        }

        public OpenAiLanguageModel build() {
            if (pool == null) {
                throw new IllegalArgumentException("no endpoint: call baseUrls(...) or endpointPool(...)");
            }
            return new OpenAiLanguageModel(this);
        }

        private static Duration positive(Duration value, String field) {
            Objects.requireNonNull(value, field);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(field + " must be positive, was " + value);
            }
            return value;
        }
    }
}
