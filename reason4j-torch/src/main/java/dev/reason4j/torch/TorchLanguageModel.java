package dev.reason4j.torch;

import dev.reason4j.lm.Completion;
import dev.reason4j.lm.ContinuationScore;
import dev.reason4j.lm.FinishReason;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.ModelInfo;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.Prompts;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.ScoreRequest;
import dev.reason4j.lm.TokenLogprob;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.Usage;
import dev.reason4j.lm.hf.HfTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link LanguageModel} running a Hugging Face Qwen2/Llama checkpoint in-process on libtorch.
 *
 * <pre>{@code
 * try (TorchLanguageModel model = TorchLanguageModel.builder()
 *         .modelDir(Path.of("models/qwen2.5-0.5b-instruct"))
 *         .options(EngineOptions.builder().device(DeviceChoice.AUTO).prefixCacheBytes(1L << 30).build())
 *         .build()) {
 *     GenerationResult r = model.generate(Prompt.chat(ChatMessage.user("What is 2+3?")),
 *             SamplingParams.builder().n(4).temperature(0.7).maxTokens(128).seed(1).build());
 * }
 * }</pre>
 *
 * <p>Token ids count as they are generated: a stop string is cut from the text but the token that completed it
 * stays in {@link Completion#tokenIds()}; an end-of-sequence token ends the completion without adding its text.
 */
public final class TorchLanguageModel extends LanguageModel {

    private final TorchEngine engine;
    private final Tokenizer tokenizer;
    private final String id;
    private final Set<Integer> eos;

    private TorchLanguageModel(TorchEngine engine, Tokenizer tokenizer, String id, SamplingParams defaults) {
        super(defaults);
        this.engine = engine;
        this.tokenizer = tokenizer;
        this.id = id;
        Set<Integer> ids = new LinkedHashSet<>(engine.eosTokenIds());
        ids.addAll(tokenizer.eosTokenIds());
        this.eos = Set.copyOf(ids);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The token-level engine, for callers that work with ids, logits and cache statistics directly. */
    public TorchEngine engine() {
        return engine;
    }

    @Override
    public ModelInfo info() {
        Set<ModelInfo.Capability> capabilities = EnumSet.of(ModelInfo.Capability.SCORE, ModelInfo.Capability.TOKEN_PROMPTS);
        if (tokenizer.hasChatTemplate()) {
            capabilities.add(ModelInfo.Capability.CHAT);
        }
        return new ModelInfo(id, engine.contextLength(),
                Math.min(SamplingParams.MAX_TOP_LOGPROBS, engine.config().vocabSize()), capabilities);
    }

    @Override
    public Optional<Tokenizer> tokenizer() {
        return Optional.of(tokenizer);
    }

    /** All end-of-sequence ids: config.json, generation_config.json and the tokenizer's eos token. */
    public Set<Integer> eosTokenIds() {
        return eos;
    }

    @Override
    protected List<GenerationResult> doGenerate(List<Prompt> prompts, SamplingParams params) {
        List<int[]> ids = prompts.stream().map(p -> Prompts.encode(p, tokenizer)).toList();
        TorchEngine.Generation generation = engine.generate(ids, params, eos,
                () -> new StopMatcher(tokenizer, params.stop(), params.skipSpecialTokens()));
        List<GenerationResult> results = new ArrayList<>();
        for (int p = 0; p < ids.size(); p++) {
            List<Completion> completions = new ArrayList<>();
            int generated = 0;
            for (GeneratedSequence sequence : generation.sequences()) {
                if (sequence.promptIndex() == p) {
                    completions.add(completion(sequence, params));
                    generated += sequence.tokens().length;
                }
            }
            int[] prompt = ids.get(p);
            results.add(new GenerationResult(Arrays.stream(prompt).boxed().toList(), completions,
                    new Usage(prompt.length, generation.promptTokensReused()[p], generated)));
        }
        return results;
    }

    @Override
    protected List<ContinuationScore> doScore(List<ScoreRequest> requests) {
        List<ContinuationScore> scores = new ArrayList<>();
        for (ScoreRequest request : requests) {
            int[] prompt = Prompts.encode(request.prompt(), tokenizer);
            int[] continuation = Prompts.encode(request.continuation(), tokenizer);
            float[] logprobs = engine.score(prompt, continuation);
            List<Double> values = new ArrayList<>();
            for (float lp : logprobs) {
                values.add((double) lp);
            }
            scores.add(new ContinuationScore(Arrays.stream(prompt).boxed().toList(),
                    Arrays.stream(continuation).boxed().toList(), values));
        }
        return scores;
    }

    @Override
    public void close() {
        engine.close();
        tokenizer.close();
    }

    private Completion completion(GeneratedSequence sequence, SamplingParams params) {
        int[] tokens = sequence.tokens();
        String matched = null;
        String text;
        if (sequence.stopToken() >= 0) {
            matched = tokenizer.tokenText(sequence.stopToken());
            int[] shown = params.includeStopInOutput() ? tokens : Arrays.copyOf(tokens, tokens.length - 1);
            text = tokenizer.decode(shown, params.skipSpecialTokens());
        } else {
            text = tokenizer.decode(tokens, params.skipSpecialTokens());
            if (sequence.stopString() != null) {
                StopStrings.Match match = StopStrings.first(text, params.stop(), 0);
                matched = match.stop();
                text = text.substring(0, match.start() + (params.includeStopInOutput() ? match.stop().length() : 0));
            }
        }
        List<TokenLogprob> logprobs = new ArrayList<>();
        List<List<TokenLogprob>> top = new ArrayList<>();
        for (int i = 0; sequence.logprobs() != null && i < tokens.length; i++) {
            logprobs.add(new TokenLogprob(tokens[i], tokenizer.tokenText(tokens[i]), Math.min(0, sequence.logprobs()[i])));
            if (sequence.topIds() != null) {
                List<TokenLogprob> alternatives = new ArrayList<>();
                for (int j = 0; j < sequence.topIds()[i].length; j++) {
                    int alternative = sequence.topIds()[i][j];
                    alternatives.add(new TokenLogprob(alternative, tokenizer.tokenText(alternative),
                            Math.min(0, sequence.topLogprobs()[i][j])));
                }
                top.add(alternatives);
            }
        }
        FinishReason reason = sequence.finishReason();
        return new Completion(sequence.sampleIndex(), Arrays.stream(tokens).boxed().toList(), text, logprobs, top, reason,
                reason == FinishReason.STOP ? matched : null);
    }

    /** Builds a {@link TorchLanguageModel}; only {@link #modelDir} is required. */
    public static final class Builder {
        private Path modelDir;
        private EngineOptions options = EngineOptions.defaults();
        private SamplingParams defaults = SamplingParams.defaults();
        private String id;

        private Builder() {}

        /** A Hugging Face model directory: config.json, safetensors weights, tokenizer.json. */
        public Builder modelDir(Path modelDir) {
            this.modelDir = Objects.requireNonNull(modelDir, "modelDir");
            return this;
        }

        public Builder options(EngineOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Sampling parameters for calls that give none. */
        public Builder defaults(SamplingParams defaults) {
            this.defaults = Objects.requireNonNull(defaults, "defaults");
            return this;
        }

        /** The name in {@link ModelInfo#id()}; defaults to the directory's name. */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        public TorchLanguageModel build() {
            if (modelDir == null) {
                throw new IllegalStateException("modelDir is required");
            }
            Tokenizer tokenizer = HfTokenizer.load(modelDir);
            try {
                TorchEngine engine = TorchEngine.load(modelDir, options);
                String name = id != null ? id : modelDir.toAbsolutePath().normalize().getFileName().toString();
                return new TorchLanguageModel(engine, tokenizer, name, defaults);
            } catch (RuntimeException e) {
                tokenizer.close();
                throw e;
            }
        }
    }
}
