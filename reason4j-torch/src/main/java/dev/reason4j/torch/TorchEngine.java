package dev.reason4j.torch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.torch.model.DecoderModel;
import dev.reason4j.torch.model.KvCache;
import dev.reason4j.torch.model.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The token-level engine: a {@link DecoderModel}, a {@link PrefixCache}, batched generation and scoring. Calls are
 * serialised (one model, one set of buffers); run several engines for parallel work.
 *
 * <p>Generation prefills each distinct prompt once (reusing cached prefixes), samples the first token of each of
 * its {@code n} sequences from the prompt's last logits, then decodes up to {@link EngineOptions#maxBatchSize()}
 * sequences together: their prompts are copied right-aligned into one KV buffer, and an attention mask hides each
 * row's left padding. Finished rows are dropped from the batch as they end.
 */
@SuppressWarnings("try") // a PointerScope frees what its block allocates; the block never names it
public final class TorchEngine implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DecoderModel model;
    private final EngineOptions options;
    private final PrefixCache prefixCache;
    private final Set<Integer> eosTokenIds;
    private final int contextLength;
    private long promptTokens;
    private long promptTokensComputed;
    private long promptTokensReused;
    private long generatedTokens;
    private long decodeSteps;

    private TorchEngine(DecoderModel model, EngineOptions options, Set<Integer> eosTokenIds) {
        this.model = model;
        this.options = options;
        this.prefixCache = new PrefixCache(options.prefixCacheBytes());
        this.eosTokenIds = Set.copyOf(eosTokenIds);
        this.contextLength = options.contextLength() > 0 ? options.contextLength() : model.config().maxPositions();
    }

    /**
     * Loads a Hugging Face model directory ({@code config.json}, safetensors weights, optional
     * {@code generation_config.json} for end-of-sequence ids).
     */
    public static TorchEngine load(Path dir, EngineOptions options) {
        Objects.requireNonNull(options, "options");
        if (!Files.isDirectory(dir)) {
            throw new CheckpointException(dir + ": not a directory");
        }
        if (options.threads() > 0) {
            torch.set_num_threads(options.threads());
        }
        Device device = options.device().resolve();
        ModelConfig config = ModelConfig.read(dir.resolve("config.json"));
        DecoderModel model = DecoderModel.load(dir, options.dtype().resolve(config.storedDtype(), !device.is_cpu()), device);
        Set<Integer> eos = new LinkedHashSet<>(config.eosTokenIds());
        eos.addAll(generationConfigEos(dir.resolve("generation_config.json")));
        return new TorchEngine(model, options, eos);
    }

    public ModelConfig config() {
        return model.config();
    }

    public DecoderModel model() {
        return model;
    }

    public EngineOptions options() {
        return options;
    }

    /** Most tokens a sequence (prompt and generated) may hold. */
    public int contextLength() {
        return contextLength;
    }

    /** End-of-sequence ids from config.json and generation_config.json. */
    public Set<Integer> eosTokenIds() {
        return eosTokenIds;
    }

    public synchronized EngineStats stats() {
        return new EngineStats(promptTokens, promptTokensComputed, promptTokensReused, generatedTokens, decodeSteps);
    }

    public synchronized PrefixCacheStats prefixCacheStats() {
        return prefixCache.stats();
    }

    /** Empties the prefix cache. */
    public synchronized void clearPrefixCache() {
        prefixCache.clear();
    }

    /**
     * Generates {@code params.n()} sequences per prompt.
     *
     * @param eos ids that end a sequence unless {@code params.ignoreEos()} (the engine's own plus the tokenizer's)
     * @param stops a new stop-string matcher per sequence
     * @return the sequences, ordered by prompt, then sample, and how many prompt tokens came from the prefix cache
     */
    public synchronized Generation generate(List<int[]> prompts, SamplingParams params, Set<Integer> eos,
            Supplier<StopMatcher> stops) {
        for (int i = 0; i < prompts.size(); i++) {
            checkTokens(prompts.get(i), "prompt " + i);
            if (prompts.get(i).length >= contextLength) {
                throw new IllegalArgumentException("prompt " + i + " has " + prompts.get(i).length
                        + " tokens, but the context holds " + contextLength + " (prompt and completion together)");
            }
        }
        TokenChooser chooser = new TokenChooser(params, eos);
        List<SequenceState> done = new ArrayList<>();
        List<SequenceState> pending = new ArrayList<>();
        Map<Integer, KvCache> promptKv = new HashMap<>();
        int[] reused = new int[prompts.size()];
        try {
            for (int p = 0; p < prompts.size(); p++) {
                int[] prompt = prompts.get(p);
                int limit = Math.min(params.maxTokens(), contextLength - prompt.length);
                List<SequenceState> rows = new ArrayList<>();
                for (int s = 0; s < params.n(); s++) {
                    rows.add(new SequenceState(p, s, prompt.length, limit, params, stops.get()));
                }
                try (PointerScope scope = new PointerScope()) {
                    Prefill prefill = prefill(prompt, prompt.length - 1);
                    promptKv.put(p, prefill.kv());
                    reused[p] = prefill.reused();
                    chooser.choose(prefill.logits().expand(params.n(), prefill.logits().size(1)), rows);
                }
                generatedTokens += rows.size();
                for (SequenceState row : rows) {
                    (row.finished() ? done : pending).add(row);
                }
                if (!needsPrompt(pending, p)) {
                    promptKv.remove(p).close();
                }
                while (pending.size() >= options.maxBatchSize()) {
                    List<SequenceState> batch = new ArrayList<>(pending.subList(0, options.maxBatchSize()));
                    pending.subList(0, options.maxBatchSize()).clear();
                    done.addAll(decode(batch, promptKv, chooser));
                    releaseUnused(pending, promptKv);
                }
            }
            if (!pending.isEmpty()) {
                done.addAll(decode(pending, promptKv, chooser));
            }
        } finally {
            promptKv.values().forEach(KvCache::close);
        }
        done.sort(Comparator.comparingInt((SequenceState s) -> s.promptIndex).thenComparingInt(s -> s.sampleIndex));
        return new Generation(done.stream().map(SequenceState::result).toList(), reused);
    }

    /**
     * The result of {@link #generate}.
     *
     * @param sequences ordered by prompt, then sample
     * @param promptTokensReused per prompt, the tokens whose keys/values came from the prefix cache
     */
    public record Generation(List<GeneratedSequence> sequences, int[] promptTokensReused) {}

    /**
     * Log-probabilities of each continuation token given the prompt and the continuation tokens before it.
     *
     * @param prompt at least one token
     */
    public synchronized float[] score(int[] prompt, int[] continuation) {
        checkTokens(prompt, "prompt");
        checkTokens(continuation, "continuation");
        if (continuation.length == 0) {
            return new float[0];
        }
        int[] sequence = concat(prompt, continuation);
        if (sequence.length > contextLength) {
            throw new IllegalArgumentException("prompt and continuation hold " + sequence.length
                    + " tokens, but the context holds " + contextLength);
        }
        try (PointerScope scope = new PointerScope()) {
            Prefill prefill = prefill(sequence, prompt.length - 1);
            prefill.kv().close();
            Tensor index = Tensors.ints(continuation, new long[] {continuation.length, 1}, model.device());
            return Tensors.floats(torch.gather(torch.log_softmax(prefill.logits(), 1), 1, index));
        }
    }

    /** Float32 logits for the token after {@code tokens} (the full vocabulary). */
    public synchronized float[] nextTokenLogits(int[] tokens) {
        checkTokens(tokens, "tokens");
        if (tokens.length > contextLength) {
            throw new IllegalArgumentException(tokens.length + " tokens exceed the context of " + contextLength);
        }
        try (PointerScope scope = new PointerScope()) {
            Prefill prefill = prefill(tokens, tokens.length - 1);
            prefill.kv().close();
            return Tensors.floats(prefill.logits());
        }
    }

    @Override
    public synchronized void close() {
        prefixCache.close();
        model.close();
    }

    /** The keys/values of a whole sequence and the logits from position {@code logitsFrom} on. */
    private record Prefill(KvCache kv, Tensor logits, int reused) {}

    /**
     * Runs {@code tokens} through the model in chunks, starting after the longest cached prefix (never past
     * {@code logitsFrom}, whose logits must be computed), and stores the result in the prefix cache. The returned
     * logits {@code (length - logitsFrom, vocab)} belong to the caller's scope; the caller closes the KV.
     */
    private Prefill prefill(int[] tokens, int logitsFrom) {
        Device device = model.device();
        KvCache kv = KvCache.allocate(model.config(), 1, tokens.length, model.type(), device);
        int reused = 0;
        PrefixCache.Hit hit = prefixCache.lookup(tokens, logitsFrom);
        if (hit != null) {
            try (KvCache cached = hit.kv()) {
                kv.copyFrom(cached, 0, hit.length(), 0, 0);
            }
            reused = hit.length();
        }
        List<Tensor> logits = new ArrayList<>();
        for (int start = reused; start < tokens.length; start += options.prefillChunk()) {
            int time = Math.min(options.prefillChunk(), tokens.length - start);
            int[] chunk = new int[time];
            long[] positions = new long[time];
            for (int i = 0; i < time; i++) {
                chunk[i] = tokens[start + i];
                positions[i] = start + i;
            }
            Tensor hidden = model.forward(Tensors.ints(chunk, new long[] {1, time}, device),
                    Tensors.longs(positions, new long[] {1, time}, device), kv, start, null);
            int first = Math.max(start, logitsFrom);
            if (first < start + time) {
                logits.add(model.logits(hidden.select(0, 0).narrow(0, first - start, start + time - first)));
            }
        }
        promptTokens += tokens.length;
        promptTokensReused += reused;
        promptTokensComputed += tokens.length - reused;
        prefixCache.put(tokens, kv.share());
        Tensor all = logits.size() == 1 ? logits.get(0) : torch.cat(new TensorVector(logits.toArray(Tensor[]::new)), 0);
        return new Prefill(kv, all, reused);
    }

    /**
     * Decodes a batch of unfinished sequences until each ends. Row {@code r}'s prompt is copied to slots
     * {@code [width - length_r, width)} of a shared buffer; generated tokens follow in lockstep.
     */
    private List<SequenceState> decode(List<SequenceState> rows, Map<Integer, KvCache> promptKv, TokenChooser chooser) {
        int width = rows.stream().mapToInt(r -> r.promptLength).max().orElseThrow();
        int feeds = rows.stream().mapToInt(SequenceState::remaining).max().orElseThrow();
        List<SequenceState> finished = new ArrayList<>();
        List<SequenceState> alive = new ArrayList<>(rows);
        KvCache kv = KvCache.allocate(model.config(), rows.size(), width + (long) feeds, model.type(), model.device());
        try {
            for (int r = 0; r < rows.size(); r++) {
                SequenceState row = rows.get(r);
                kv.copyFrom(promptKv.get(row.promptIndex), 0, row.promptLength, r, width - row.promptLength);
            }
            long slot = width;
            while (!alive.isEmpty()) {
                try (PointerScope scope = new PointerScope()) {
                    int n = alive.size();
                    long[] tokens = new long[n];
                    long[] positions = new long[n];
                    long[] padding = new long[n];
                    boolean padded = false;
                    for (int r = 0; r < n; r++) {
                        SequenceState row = alive.get(r);
                        tokens[r] = row.lastToken();
                        positions[r] = row.promptLength + row.count() - 1L;
                        padding[r] = width - row.promptLength;
                        padded |= padding[r] > 0;
                    }
                    Device device = model.device();
                    Tensor mask = null;
                    if (padded) {
                        Tensor slots = torch.arange(Tensors.scalar(slot + 1)).to(device, torch.ScalarType.Long);
                        mask = slots.unsqueeze(0).ge(Tensors.longs(padding, new long[] {n, 1}, device)).view(n, 1, 1, slot + 1);
                    }
                    Tensor hidden = model.forward(Tensors.longs(tokens, new long[] {n, 1}, device),
                            Tensors.longs(positions, new long[] {n, 1}, device), kv, slot, mask);
                    chooser.choose(model.logits(hidden.select(1, 0)), alive);
                }
                decodeSteps++;
                generatedTokens += alive.size();
                slot++;
                if (alive.stream().anyMatch(SequenceState::finished)) {
                    List<Long> keep = new ArrayList<>();
                    List<SequenceState> next = new ArrayList<>();
                    for (int r = 0; r < alive.size(); r++) {
                        if (alive.get(r).finished()) {
                            finished.add(alive.get(r));
                        } else {
                            keep.add((long) r);
                            next.add(alive.get(r));
                        }
                    }
                    if (!next.isEmpty()) {
                        KvCache smaller = kv.selectRows(keep.stream().mapToLong(Long::longValue).toArray());
                        kv.close();
                        kv = smaller;
                    }
                    alive = next;
                }
            }
        } finally {
            kv.close();
        }
        return finished;
    }

    private static boolean needsPrompt(List<SequenceState> pending, int prompt) {
        return pending.stream().anyMatch(s -> s.promptIndex == prompt);
    }

    /** Closes the prompt KVs no pending sequence needs any more. */
    private static void releaseUnused(List<SequenceState> pending, Map<Integer, KvCache> promptKv) {
        promptKv.entrySet().removeIf(e -> {
            boolean unused = !needsPrompt(pending, e.getKey());
            if (unused) {
                e.getValue().close();
            }
            return unused;
        });
    }

    private void checkTokens(int[] tokens, String what) {
        Objects.requireNonNull(tokens, what);
        if (tokens.length == 0 && !what.equals("continuation")) {
            throw new IllegalArgumentException(what + " is empty: the model needs at least one token to condition on");
        }
        int vocab = model.config().vocabSize();
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocab) {
                throw new IllegalArgumentException(what + " token " + i + " is id " + tokens[i]
                        + ", outside the vocabulary of " + vocab);
            }
        }
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Set<Integer> generationConfigEos(Path file) {
        if (!Files.isRegularFile(file)) {
            return Set.of();
        }
        JsonNode eos;
        try {
            eos = JSON.readTree(file.toFile()).get("eos_token_id");
        } catch (IOException e) {
            throw new CheckpointException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        Set<Integer> ids = new LinkedHashSet<>();
        if (eos != null && eos.isIntegralNumber()) {
            ids.add(eos.asInt());
        } else if (eos != null && eos.isArray()) {
            eos.forEach(n -> ids.add(n.asInt()));
        }
        return ids;
    }
}
