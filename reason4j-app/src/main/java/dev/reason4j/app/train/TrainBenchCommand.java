package dev.reason4j.app.train;

import dev.reason4j.core.util.FileTrees;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.PreferenceExample;
import dev.reason4j.lm.train.SequenceExample;
import dev.reason4j.lm.train.StepMetrics;
import dev.reason4j.lm.train.StepPairsExample;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.TrainingExample;
import dev.reason4j.lm.train.TrainingListener;
import dev.reason4j.torch.DeviceChoice;
import dev.reason4j.torch.model.Checkpoints;
import dev.reason4j.torch.model.ModelConfig;
import dev.reason4j.torch.model.ModelFamily;
import dev.reason4j.torch.model.RopeScaling;
import dev.reason4j.torch.train.TorchTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j bench train}: training throughput (tokens fed per second over the timed optimizer steps, after
 * warm-up steps) of the libtorch trainer for SFT, DPO and PPM, on the CPU and, when libtorch sees one, on a CUDA GPU
 * under bf16 autocast. Models are random Qwen2-shaped checkpoints: one as tiny as the test fixtures and a small one
 * (or any checkpoint given with {@code --model}); examples are random token ids of fixed lengths.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Trainer throughput (tokens/s) for sft, dpo and ppm on the CPU, and on CUDA when available.")
public final class TrainBenchCommand implements Callable<Integer> {

    /** The shape of the tiny test fixtures (2 layers, hidden 64, 4 heads, 2 KV heads) with a 512-token vocabulary. */
    static final ModelConfig TINY = qwen2(64, 176, 2, 4, 16, 512);
    /** A small model: 4 layers, hidden 256, vocabulary 4096. */
    static final ModelConfig SMALL = qwen2(256, 704, 4, 4, 64, 4096);

    @Option(names = "--model", paramLabel = "DIR", description = "Bench this checkpoint instead of the random ones.")
    Path model;

    @Option(names = "--steps", defaultValue = "6", description = "Timed optimizer steps per objective (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--batch-size", defaultValue = "4", description = "Examples per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--prompt-tokens", defaultValue = "32", description = "Prompt length (default: ${DEFAULT-VALUE}).")
    int promptTokens;

    @Option(names = "--reply-tokens", defaultValue = "96", description = "Reply length (default: ${DEFAULT-VALUE}).")
    int replyTokens;

    @Option(names = "--threads", defaultValue = "0", description = "libtorch threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
    int threads;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (steps < 1 || warmup < 1 || batchSize < 1 || promptTokens < 1 || replyTokens < 2) {
            throw new IllegalArgumentException("--steps, --warmup, --batch-size and --prompt-tokens must be >= 1 and "
                    + "--reply-tokens >= 2");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (threads > 0) {
            torch.set_num_threads(threads);
        }
        boolean cuda = cudaAvailable();
        out.printf(Locale.ROOT, "reason4j bench train: %d cores, libtorch threads %d, load average %.2f, CUDA %s, JDK %s; "
                + "%d timed steps after %d warm-up, %d examples per step, prompt %d + reply %d tokens%n",
                Runtime.getRuntime().availableProcessors(), torch.get_num_threads(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                cuda ? "available" : "not available", Runtime.version(), steps, warmup, batchSize, promptTokens,
                replyTokens);
        out.flush();
        List<DeviceChoice> devices = cuda ? List.of(DeviceChoice.CPU, DeviceChoice.CUDA) : List.of(DeviceChoice.CPU);
        if (model != null) {
            benchModel(out, model.toString(), model, ModelConfig.read(model.resolve("config.json")).vocabSize(), devices);
            return 0;
        }
        for (ModelConfig shape : List.of(TINY, SMALL)) {
            Path dir = Files.createTempDirectory("reason4j-bench-train-model");
            try {
                Checkpoints.writeRandom(shape, ScalarType.Float, 7, dir, Long.MAX_VALUE);
                String name = String.format(Locale.ROOT, "random qwen2 %d layers x %d, vocab %d", shape.numLayers(),
                        shape.hiddenSize(), shape.vocabSize());
                benchModel(out, name, dir, shape.vocabSize(), devices);
            } finally {
                FileTrees.deleteRecursively(dir);
            }
        }
        return 0;
    }

    private void benchModel(PrintWriter out, String name, Path dir, int vocab, List<DeviceChoice> devices)
            throws IOException {
        for (DeviceChoice device : devices) {
            String where = device == DeviceChoice.CUDA ? "cuda (bf16 autocast)" : "cpu";
            for (Objective objective : List.of(Objective.SFT, Objective.DPO, Objective.PPM)) {
                double rate = tokensPerSecond(dir, device, objective, examples(objective, vocab));
                out.printf(Locale.ROOT, "%s on %s: %s %,.0f tokens/s%n", name, where,
                        objective.name().toLowerCase(Locale.ROOT), rate);
                out.flush();
            }
        }
    }

    /** Tokens fed per second between the end of the warm-up and the last step. */
    private double tokensPerSecond(Path modelDir, DeviceChoice device, Objective objective,
            List<TrainingExample> examples) throws IOException {
        Path outDir = Files.createTempDirectory("reason4j-bench-train-run");
        long[] startTokens = {0};
        long[] startNanos = {0};
        double[] rate = {Double.NaN};
        TrainingListener timer = new TrainingListener() {
            @Override
            public void onStep(StepMetrics m) {
                if (m.step() == warmup) {
                    startTokens[0] = m.totalTokens();
                    startNanos[0] = System.nanoTime();
                } else if (m.step() == m.totalSteps()) {
                    rate[0] = (m.totalTokens() - startTokens[0]) / ((System.nanoTime() - startNanos[0]) / 1e9);
                }
            }
        };
        TrainingConfig config = TrainingConfig.builder(objective, outDir).maxSteps(warmup + steps)
                .microBatchSize(batchSize).checkpointEvery(0).learningRate(1e-4).seed(1).build();
        try (TorchTrainer trainer = TorchTrainer.open(modelDir, device, 0)) {
            trainer.train(config, examples, timer);
        } finally {
            FileTrees.deleteRecursively(outDir);
        }
        return rate[0];
    }

    /** Enough random examples for every step; PPM nodes have two positive and two negative steps. */
    private List<TrainingExample> examples(Objective objective, int vocab) {
        Random random = new Random(11);
        List<TrainingExample> examples = new ArrayList<>();
        for (int i = 0; i < batchSize * (warmup + steps); i++) {
            String source = "random:" + i;
            int[] prompt = ids(random, promptTokens, vocab);
            examples.add(switch (objective) {
                case DPO -> new PreferenceExample(source, prompt, ids(random, replyTokens, vocab),
                        ids(random, replyTokens, vocab));
                case PPM -> new StepPairsExample(source, prompt,
                        List.of(ids(random, replyTokens / 2, vocab), ids(random, replyTokens / 2, vocab)),
                        List.of(ids(random, replyTokens / 2, vocab), ids(random, replyTokens / 2, vocab)));
                default -> SequenceExample.sft(source, prompt, ids(random, replyTokens, vocab));
            });
        }
        return examples;
    }

    private static int[] ids(Random random, int length, int vocab) {
        return random.ints(length, 1, vocab).toArray();
    }

    private static ModelConfig qwen2(int hidden, int intermediate, int layers, int heads, int headDim, int vocab) {
        return new ModelConfig(ModelFamily.QWEN2, hidden, intermediate, layers, heads, heads / 2, headDim, vocab, 1e-6,
                10000, RopeScaling.NONE, 1024, false, true, false, false, "float32", List.of());
    }

    private static boolean cudaAvailable() {
        try {
            return torch.cuda_is_available();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }
}
