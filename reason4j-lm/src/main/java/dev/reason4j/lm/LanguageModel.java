package dev.reason4j.lm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * A language model that generates completions and scores continuations: the one type search, recipes and the CLI
 * see, whether the model runs in-process on libtorch or behind an OpenAI-compatible server.
 *
 * <p>Template method: the public methods validate the request against {@link #info()}, fill in
 * {@link #defaultSamplingParams()}, call the one abstract {@code do*} method an implementation writes, check its
 * answer and count tokens into {@link #usageTotals()}. Implementations get requests that are already valid.
 *
 * <pre>{@code
 * try (LanguageModel model = TorchLanguageModel.builder().modelDir(Path.of("models/qwen2")).build()) {
 *     GenerationResult r = model.generate(Prompt.text("2+3="), SamplingParams.greedy());
 *     System.out.println(r.first().text());
 * }
 * }</pre>
 */
public abstract class LanguageModel implements AutoCloseable {

    private final SamplingParams defaults;
    private final LongAdder calls = new LongAdder();
    private final LongAdder prompts = new LongAdder();
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder cachedPromptTokens = new LongAdder();
    private final LongAdder completionTokens = new LongAdder();

    protected LanguageModel(SamplingParams defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    /** Name, context length and optional features. */
    public abstract ModelInfo info();

    /** The model's tokenizer, when it runs locally. */
    public Optional<Tokenizer> tokenizer() {
        return Optional.empty();
    }

    /** Parameters used when a call gives none. */
    public SamplingParams defaultSamplingParams() {
        return defaults;
    }

    /** Completes one text prompt with the default parameters. */
    public final GenerationResult generate(String prompt) {
        return generate(Prompt.text(prompt), defaults);
    }

    public final GenerationResult generate(Prompt prompt, SamplingParams params) {
        return generate(List.of(prompt), params).get(0);
    }

    public final List<GenerationResult> generate(List<? extends Prompt> prompts) {
        return generate(prompts, defaults);
    }

    /**
     * Completes every prompt {@code params.n()} times, as one batch where the implementation can.
     *
     * @return one result per prompt, in order
     */
    public final List<GenerationResult> generate(List<? extends Prompt> prompts, SamplingParams params) {
        List<Prompt> batch = checkPrompts(prompts, "prompts");
        Objects.requireNonNull(params, "params");
        ModelInfo info = info();
        if (params.topLogprobs() > info.maxTopLogprobs()) {
            throw new IllegalArgumentException("topLogprobs " + params.topLogprobs() + " exceeds this model's maximum of "
                    + info.maxTopLogprobs());
        }
        List<GenerationResult> results = doGenerate(batch, params);
        if (results.size() != batch.size()) {
            throw new IllegalStateException(getClass().getSimpleName() + " returned " + results.size()
                    + " results for " + batch.size() + " prompts");
        }
        for (GenerationResult result : results) {
            if (result.completions().size() != params.n()) {
                throw new IllegalStateException(getClass().getSimpleName() + " returned "
                        + result.completions().size() + " completions, n = " + params.n());
            }
            Usage usage = result.usage();
            count(usage.promptTokens(), usage.cachedPromptTokens(), usage.completionTokens());
        }
        calls.increment();
        return results;
    }

    /** Log-probabilities of {@code continuation}'s tokens given {@code prompt}. */
    public final ContinuationScore score(Prompt prompt, Prompt continuation) {
        return score(List.of(new ScoreRequest(prompt, continuation))).get(0);
    }

    /** Scores several continuations; one result per request, in order. */
    public final List<ContinuationScore> score(List<ScoreRequest> requests) {
        Objects.requireNonNull(requests, "requests");
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("requests must not be empty");
        }
        if (!info().can(ModelInfo.Capability.SCORE)) {
            throw new UnsupportedOperationException(info().id() + " cannot score continuations");
        }
        for (int i = 0; i < requests.size(); i++) {
            ScoreRequest request = Objects.requireNonNull(requests.get(i), "requests[" + i + "]");
            checkPrompt(request.prompt(), "requests[" + i + "].prompt");
            checkPrompt(request.continuation(), "requests[" + i + "].continuation");
        }
        List<ContinuationScore> scores = doScore(List.copyOf(requests));
        if (scores.size() != requests.size()) {
            throw new IllegalStateException(getClass().getSimpleName() + " returned " + scores.size()
                    + " scores for " + requests.size() + " requests");
        }
        for (ContinuationScore score : scores) {
            count(score.promptTokenIds().size() + score.continuationTokenIds().size(), 0, 0);
        }
        calls.increment();
        return scores;
    }

    /** Tokens served since this model was created. */
    public final UsageTotals usageTotals() {
        return new UsageTotals(calls.sum(), prompts.sum(), promptTokens.sum(), cachedPromptTokens.sum(),
                completionTokens.sum());
    }

    /**
     * Generates for a validated batch.
     *
     * @param prompts at least one prompt, each of a kind {@link #info()} supports
     * @param params complete parameters
     * @return one result per prompt with {@code params.n()} completions each
     */
    protected abstract List<GenerationResult> doGenerate(List<Prompt> prompts, SamplingParams params);

    /**
     * Scores a validated batch; called only when {@link ModelInfo.Capability#SCORE} is declared.
     *
     * @return one score per request
     */
    protected abstract List<ContinuationScore> doScore(List<ScoreRequest> requests);

    /** Releases what the model holds (native memory, connections). */
    @Override
    public void close() {}

    private void count(long prompt, long cached, long completion) {
        prompts.increment();
        promptTokens.add(prompt);
        cachedPromptTokens.add(cached);
        completionTokens.add(completion);
    }

    private List<Prompt> checkPrompts(List<? extends Prompt> prompts, String field) {
        Objects.requireNonNull(prompts, field);
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        for (int i = 0; i < prompts.size(); i++) {
            checkPrompt(prompts.get(i), field + "[" + i + "]");
        }
        return List.copyOf(prompts);
    }

    private void checkPrompt(Prompt prompt, String field) {
        Objects.requireNonNull(prompt, field);
        ModelInfo info = info();
        if (prompt instanceof Prompt.Tokens && !info.can(ModelInfo.Capability.TOKEN_PROMPTS)) {
            throw new IllegalArgumentException(field + ": " + info.id() + " does not accept token-id prompts");
        }
        if (prompt instanceof Prompt.Chat && !info.can(ModelInfo.Capability.CHAT)) {
            throw new IllegalArgumentException(field + ": " + info.id() + " has no chat template");
        }
    }
}
