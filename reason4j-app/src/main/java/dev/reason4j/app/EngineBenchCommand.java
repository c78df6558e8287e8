package dev.reason4j.app;

import dev.reason4j.core.util.FileTrees;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.torch.ComputeDtype;
import dev.reason4j.torch.DeviceChoice;
import dev.reason4j.torch.EngineOptions;
import dev.reason4j.torch.EngineStats;
import dev.reason4j.torch.Native;
import dev.reason4j.torch.StopMatcher;
import dev.reason4j.torch.Tensors;
import dev.reason4j.torch.TorchEngine;
import dev.reason4j.torch.model.Checkpoints;
import dev.reason4j.torch.model.ModelConfig;
import dev.reason4j.torch.model.ModelFamily;
import dev.reason4j.torch.model.RopeScaling;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j bench engine}: prefill and decode throughput of the libtorch engine on a randomly initialised
 * checkpoint of the Qwen2-0.5B shape, matrix-multiply GFLOP/s through the engine next to raw libtorch on the same
 * shapes, and native memory over many generate calls.
 */
@Command(
        name = "engine",
        mixinStandardHelpOptions = true,
        description = "LM engine throughput (prefill/decode tok/s), engine vs raw libtorch GFLOP/s, native memory.")
public final class EngineBenchCommand implements Callable<Integer> {

    private static final double GOAL_DECODE_BATCH1 = 7.0;

    /** Qwen2-0.5B: 24 layers, hidden 896, 14 heads, 2 KV heads, MLP 4864, vocabulary 151936, tied embeddings. */
    static final ModelConfig QWEN2_0_5B = new ModelConfig(ModelFamily.QWEN2, 896, 4864, 24, 14, 2, 64, 151936, 1e-6,
            1_000_000, RopeScaling.NONE, 32768, true, true, false, false, "bfloat16", List.of(151643));

    /** A tiny model of the same family, for the many-calls memory check. */
    static final ModelConfig TINY = new ModelConfig(ModelFamily.QWEN2, 64, 160, 2, 4, 2, 16, 384, 1e-6, 10000,
            RopeScaling.NONE, 512, false, true, false, false, "float32", List.of());

    /** A small model for the prefix-cache comparison, so the uncached baseline finishes in seconds. */
    static final ModelConfig SMALL = new ModelConfig(ModelFamily.QWEN2, 256, 768, 4, 4, 2, 64, 8192, 1e-6, 10000,
            RopeScaling.NONE, 4096, false, true, false, false, "float32", List.of());

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "Where the random Qwen2-0.5B-shaped checkpoint lives; made there if missing (default: a temporary folder).")
    Path checkpoint;

    @Option(names = "--dtype", defaultValue = "bfloat16",
            description = "Compute type: auto, float32, bfloat16 or float16 (default: ${DEFAULT-VALUE}).")
    String dtype;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, cuda or auto (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", defaultValue = "0", description = "libtorch threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--prompt-tokens", defaultValue = "128", description = "Prefill length (default: ${DEFAULT-VALUE}).")
    int promptTokens;

    @Option(names = "--decode-tokens", defaultValue = "32", description = "Tokens decoded per sequence (default: ${DEFAULT-VALUE}).")
    int decodeTokens;

    @Option(names = "--calls", defaultValue = "1000", description = "Generate calls for the memory check (default: ${DEFAULT-VALUE}).")
    int calls;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads > 0) {
            torch.set_num_threads(threads);
        }
        out.printf(Locale.ROOT, "reason4j bench engine: %d cores, libtorch threads %d, JDK %s, load average %.2f%n",
                cores, torch.get_num_threads(), Runtime.version(), loadAverage());
        Path temp = null;
        Path dir = checkpoint;
        if (dir == null) {
            temp = Files.createTempDirectory("reason4j-bench-qwen2-0.5b");
            dir = temp;
        }
        try {
            if (!Files.exists(dir.resolve("config.json"))) {
                long t0 = System.nanoTime();
                Checkpoints.writeRandom(QWEN2_0_5B, ScalarType.BFloat16, 1, dir, Long.MAX_VALUE);
                out.printf(Locale.ROOT, "wrote a random Qwen2-0.5B-shaped bf16 checkpoint (%,d matmul parameters) to %s in %.1f s%n",
                        QWEN2_0_5B.matmulParameters(), dir, seconds(t0));
                out.flush();
            }
            EngineOptions options = EngineOptions.builder().device(DeviceChoice.parse(device))
                    .dtype(ComputeDtype.parse(dtype)).prefixCacheBytes(0).maxBatchSize(8).build();
            long t0 = System.nanoTime();
            try (TorchEngine engine = TorchEngine.load(dir, options)) {
                out.printf(Locale.ROOT, "loaded in %.1f s: compute %s on %s, native memory %.0f MiB%n", seconds(t0),
                        engine.model().type(), engine.model().device().is_cpu() ? "cpu" : "cuda",
                        Native.residentBytes() / 1048576.0);
                out.flush();
                throughput(out, engine);
            }
        } finally {
            if (temp != null) {
                FileTrees.deleteRecursively(temp);
            }
        }
        prefixCache(out);
        nativeMemory(out);
        out.flush();
        return 0;
    }

    private void throughput(PrintWriter out, TorchEngine engine) {
        Random random = new Random(5);
        SamplingParams one = SamplingParams.builder().temperature(0).maxTokens(1).ignoreEos(true).build();
        SamplingParams many = one.toBuilder().maxTokens(decodeTokens).build();
        // Warm up kernels and allocator with a short call.
        generate(engine, prompts(random, 1, 8), one);

        double prefill = bestOf(2, () -> generate(engine, prompts(random, 1, promptTokens), one));
        double prefillRate = promptTokens / prefill;
        out.printf(Locale.ROOT, "prefill: %d tokens in %.2f s = %.1f tok/s%n", promptTokens, prefill, prefillRate);
        out.flush();

        double[] decodeRates = new double[2];
        int[] batches = {1, 8};
        for (int b = 0; b < batches.length; b++) {
            List<int[]> prompts = prompts(random, batches[b], 16);
            // Decode time = (prefill + D tokens) - (prefill + 1 token), each the best of two runs.
            double first = bestOf(2, () -> generate(engine, prompts, one));
            EngineStats before = engine.stats();
            double all = bestOf(2, () -> generate(engine, prompts, many));
            long decoded = engine.stats().minus(before).generatedTokens() / 2 - batches[b];
            decodeRates[b] = decoded / Math.max(1e-9, all - first);
            out.printf(Locale.ROOT, "decode batch %d: %d tokens in %.2f s = %.2f tok/s%n", batches[b], decoded,
                    all - first, decodeRates[b]);
            out.flush();
        }
        out.printf(Locale.ROOT, "goal: decode batch 1 >= %.0f tok/s: %.2fx%n", GOAL_DECODE_BATCH1,
                decodeRates[0] / GOAL_DECODE_BATCH1);

        ModelConfig c = engine.config();
        // Engine GFLOP/s counts only the matrix products (what raw libtorch is timed on below).
        double prefillFlops = 2.0 * promptTokens * (c.matmulParameters() - (long) c.vocabSize() * c.hiddenSize())
                + 2.0 * c.vocabSize() * c.hiddenSize();
        double decodeFlops = 2.0 * c.matmulParameters();
        double enginePrefill = prefillFlops / prefill / 1e9;
        double engineDecode = decodeFlops * decodeRates[0] / 1e9;
        ScalarType type = engine.model().type();
        double rawPrefill = rawGflops(engine, promptTokens, type);
        double rawDecode = rawGflops(engine, 1, type);
        String typeName = type.value == ScalarType.Float.value ? "float32" : type.toString();
        if (type.value == ScalarType.Float.value) {
            out.printf(Locale.ROOT, "matmul GFLOP/s, prefill (%d rows): engine %.1f, raw libtorch %.1f, ratio %.2f%n",
                    promptTokens, enginePrefill, rawPrefill, enginePrefill / rawPrefill);
        } else {
            // The engine widens bf16 weights to float32 for products of many rows on the CPU: compare with both.
            double rawWide = rawGflops(engine, promptTokens, ScalarType.Float);
            out.printf(Locale.ROOT, "matmul GFLOP/s, prefill (%d rows): engine %.1f, raw libtorch %s %.1f (ratio %.2f), "
                    + "raw libtorch float32 %.1f (ratio %.2f)%n", promptTokens, enginePrefill, typeName, rawPrefill,
                    enginePrefill / rawPrefill, rawWide, enginePrefill / rawWide);
        }
        out.printf(Locale.ROOT, "matmul GFLOP/s, decode batch 1: engine %.1f, raw libtorch %s %.1f, ratio %.2f%n",
                engineDecode, typeName, rawDecode, engineDecode / rawDecode);
    }

    /** The model's matrix products (per layer qkv, o, gate+up, down; output head on one row) timed alone. */
    @SuppressWarnings("try") // scopes free what their blocks allocate
    private static double rawGflops(TorchEngine engine, int rows, ScalarType type) {
        ModelConfig c = engine.config();
        long h = c.hiddenSize();
        long qkv = (long) (c.numHeads() + 2 * c.numKvHeads()) * c.headDim();
        long q = (long) c.numHeads() * c.headDim();
        long[][] shapes = {{qkv, h}, {h, q}, {2L * c.intermediateSize(), h}, {h, c.intermediateSize()}};
        Device device = engine.model().device();
        try (PointerScope scope = new PointerScope()) {
            Tensor[] weights = new Tensor[shapes.length];
            Tensor[] inputs = new Tensor[shapes.length];
            double flops = 0;
            for (int i = 0; i < shapes.length; i++) {
                weights[i] = torch.randn(shapes[i]).to(device, type);
                inputs[i] = torch.randn(rows, shapes[i][1]).to(device, type);
                flops += 2.0 * rows * shapes[i][0] * shapes[i][1] * c.numLayers();
            }
            Tensor head = torch.randn(c.vocabSize(), h).to(device, type);
            Tensor headInput = torch.randn(1, h).to(device, type);
            flops += 2.0 * c.vocabSize() * h;
            double best = Double.MAX_VALUE;
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                try (PointerScope step = new PointerScope()) {
                    for (int layer = 0; layer < c.numLayers(); layer++) {
                        for (int i = 0; i < shapes.length; i++) {
                            torch.linear(inputs[i], weights[i]);
                        }
                    }
                    Tensors.floats(torch.linear(headInput, head).narrow(1, 0, 1)); // wait for the result
                }
                best = Math.min(best, seconds(t0));
            }
            return flops / best / 1e9;
        }
    }

    /**
     * 32 continuations of a shared 1,000-token prompt, one call each as a tree search makes them, with and without
     * the prefix cache: prompt tokens computed and wall time of the prompt phase (each call samples one token).
     */
    private void prefixCache(PrintWriter out) throws IOException {
        Path dir = Files.createTempDirectory("reason4j-bench-small");
        try {
            Checkpoints.writeRandom(SMALL, ScalarType.Float, 3, dir, Long.MAX_VALUE);
            Random random = new Random(13);
            int[] shared = random.ints(1000, 10, 8000).toArray();
            List<int[]> branches = new ArrayList<>();
            for (int b = 0; b < 32; b++) {
                int[] prompt = java.util.Arrays.copyOf(shared, shared.length + 8);
                for (int i = shared.length; i < prompt.length; i++) {
                    prompt[i] = 10 + random.nextInt(7990);
                }
                branches.add(prompt);
            }
            SamplingParams params = SamplingParams.builder().temperature(0).maxTokens(1).ignoreEos(true).build();
            double[] seconds = new double[2];
            long[] computed = new long[2];
            long[] budgets = {0, 256L << 20};
            for (int run = 0; run < 2; run++) {
                EngineOptions options = EngineOptions.builder().prefixCacheBytes(budgets[run]).build();
                try (TorchEngine engine = TorchEngine.load(dir, options)) {
                    generate(engine, List.of(random.ints(64, 10, 8000).toArray()), params); // warm-up
                    EngineStats before = engine.stats();
                    long t0 = System.nanoTime();
                    for (int[] branch : branches) {
                        generate(engine, List.of(branch), params);
                    }
                    seconds[run] = seconds(t0);
                    computed[run] = engine.stats().minus(before).promptTokensComputed();
                }
            }
            out.printf(Locale.ROOT, "prefix cache, 32 continuations of a shared 1,000-token prompt (small random model, "
                    + "prompt phase): prompt tokens computed %d vs %d uncached (%.1f%%); wall time %.2f s vs %.2f s "
                    + "(%.1f%%)%n", computed[1], computed[0], 100.0 * computed[1] / computed[0], seconds[1], seconds[0],
                    100 * seconds[1] / seconds[0]);
            out.flush();
        } finally {
            FileTrees.deleteRecursively(dir);
        }
    }

    /** Native memory over many generate calls on a tiny model with logprobs, stops and the prefix cache on. */
    private void nativeMemory(PrintWriter out) throws IOException {
        Path dir = Files.createTempDirectory("reason4j-bench-tiny");
        try {
            Checkpoints.writeRandom(TINY, ScalarType.Float, 2, dir, Long.MAX_VALUE);
            EngineOptions options = EngineOptions.builder().prefixCacheBytes(4L << 20).maxBatchSize(4).build();
            try (TorchEngine engine = TorchEngine.load(dir, options)) {
                Random random = new Random(9);
                SamplingParams params = SamplingParams.builder().n(2).temperature(0.8).topP(0.9).maxTokens(8)
                        .topLogprobs(5).build();
                int warmup = Math.max(1, calls / 10);
                List<Long> samples = new ArrayList<>();
                long start = 0;
                long liveAtStart = 0;
                for (int i = 0; i < warmup + calls; i++) {
                    engine.generate(prompts(random, 2, 12 + random.nextInt(8)), params, Set.of(), () -> StopMatcher.NONE);
                    if (i == warmup - 1) {
                        engine.clearPrefixCache();
                        System.gc();
                        liveAtStart = Native.liveObjects();
                        start = Native.nativeBytes();
                    }
                    if (i >= warmup && (i - warmup + 1) % Math.max(1, calls / 4) == 0) {
                        samples.add(Native.nativeBytes());
                    }
                }
                long end = samples.get(samples.size() - 1);
                double cacheMiB = engine.prefixCacheStats().bytes() / 1048576.0;
                engine.clearPrefixCache();
                System.gc();
                long liveAtEnd = Native.liveObjects();
                StringBuilder trace = new StringBuilder();
                for (long s : samples) {
                    trace.append(String.format(Locale.ROOT, " %.1f", s / 1048576.0));
                }
                out.printf(Locale.ROOT, "native memory (resident less JVM-committed) over %d generate calls (after %d warm-up): %.1f MiB -> %.1f MiB "
                        + "(growth %+.2f MiB; samples%s MiB; prefix cache held %.2f MiB); live native objects with the "
                        + "prefix cache emptied: %d -> %d%n", calls, warmup, start / 1048576.0, end / 1048576.0,
                        (end - start) / 1048576.0, trace, cacheMiB, liveAtStart, liveAtEnd);
            }
        } finally {
            FileTrees.deleteRecursively(dir);
        }
    }

    private static double generate(TorchEngine engine, List<int[]> prompts, SamplingParams params) {
        long t0 = System.nanoTime();
        engine.generate(prompts, params, Set.of(), () -> StopMatcher.NONE);
        return seconds(t0);
    }

    private static double bestOf(int times, java.util.function.DoubleSupplier run) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < times; i++) {
            best = Math.min(best, run.getAsDouble());
        }
        return best;
    }

    private static List<int[]> prompts(Random random, int count, int length) {
        List<int[]> prompts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            prompts.add(random.ints(length, 10, 300).toArray());
        }
        return prompts;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
