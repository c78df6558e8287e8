package dev.reason4j.torch.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.lm.train.StepMetrics;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.TrainingExample;
import dev.reason4j.lm.train.TrainingListener;
import dev.reason4j.lm.train.TrainingPlan;
import dev.reason4j.lm.train.TrainingResult;
import dev.reason4j.torch.CheckpointException;
import dev.reason4j.torch.Native;
import dev.reason4j.torch.Tensors;
import dev.reason4j.torch.model.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.AdamW;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * One training run: split and order the data, load the model, compute reference statistics, resume from the latest
 * checkpoint of the same run, then step — per optimizer step {@code gradientAccumulation} micro-batches of
 * {@code microBatchSize} examples are run forward and backward (each loss divided by the accumulation count), the
 * gradient's global norm is clipped, the learning rate set from the schedule, and libtorch's AdamW steps. Eval loss,
 * resumable checkpoints and the final Hugging Face model are written on the way.
 */
@SuppressWarnings("try") // a PointerScope frees what its block allocates; the block never names it
final class TrainingRun {

    static final String SUMMARY = "training.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path modelDir;
    private final Device device;
    private final ScalarType type;
    private final TrainingConfig config;
    private final List<TrainingExample> examples;
    private final TrainingListener listener;
    private final String fingerprint;

    TrainingRun(Path modelDir, Device device, ScalarType type, TrainingConfig config, List<TrainingExample> examples,
            TrainingListener listener) {
        this.modelDir = modelDir;
        this.device = device;
        this.type = type;
        this.config = config;
        this.examples = examples;
        this.listener = listener;
        this.fingerprint = TrainingData.fingerprint(config, modelDir, examples);
    }

    /** What {@value #SUMMARY} records once the final model is saved: the run's result and fingerprint. */
    record Summary(String fingerprint, String baseModel, String objective, long steps, long startStep, double finalLoss,
            Double evalLoss, long tokens, double seconds, double tokensPerSecond) {

        TrainingResult result(Path modelDir) {
            return new TrainingResult(modelDir, steps, startStep, finalLoss,
                    evalLoss == null ? OptionalDouble.empty() : OptionalDouble.of(evalLoss), tokens, seconds,
                    tokensPerSecond);
        }
    }

    TrainingResult run() {
        Path out = config.outputDir();
        Optional<Summary> finished = readSummary(out);
        if (finished.isPresent()) {
            requireSameRun(finished.get().fingerprint(), out.resolve(SUMMARY));
            return finished.get().result(out);
        }
        DataOrder.Split split = DataOrder.split(examples.size(), config.evalFraction(), config.seed());
        DataOrder order = new DataOrder(split.train(), config.seed());
        long totalSteps = config.totalSteps(split.train().length);
        BatchObjective objective = Objectives.create(config, examples);
        CheckpointStore checkpoints = new CheckpointStore(out, config.keepCheckpoints());
        Optional<Path> latest = checkpoints.latest();
        TrainerState start = latest.map(CheckpointStore::state).orElse(new TrainerState(0, 0, 0, Double.NaN, fingerprint));
        requireSameRun(start.fingerprint(), latest.orElse(out));

        TrainingData.check(examples, ModelConfig.read(modelDir.resolve("config.json")));
        try (TrainableModel model = TrainableModel.load(modelDir, type, device, config.adaptation(),
                config.objective().valueHead(), config.seed(), config.mixedPrecision())) {
            ReferenceLogprobs reference = objective.needsReference() ? reference(objective, model, out) : null;
            TensorVector parameters = Native.keep(new TensorVector(model.trainable().toArray(Tensor[]::new)));
            AdamW optimizer = Native.keep(new AdamW(parameters, AdamWSettings.options(config)));
            try {
                if (latest.isPresent()) {
                    CheckpointStore.restore(latest.get(), model, optimizer);
                }
                listener.onStart(new TrainingPlan(config.objective(), split.train().length, split.eval().length,
                        totalSteps, config.warmupSteps(totalSteps), start.step(), model.trainableCount(),
                        model.totalCount()));
                Stepper stepper = new Stepper(model, objective, reference, order, parameters, optimizer, totalSteps);
                TrainerState end = stepper.run(start, split.eval(), checkpoints);
                OptionalDouble evalLoss = split.eval().length > 0
                        ? OptionalDouble.of(evaluate(model, objective, reference, split.eval()))
                        : OptionalDouble.empty();
                ModelExport.save(model, modelDir, out);
                double seconds = stepper.seconds();
                Summary summary = new Summary(fingerprint, modelDir.toAbsolutePath().toString(),
                        config.objective().name(), end.step(), start.step(), end.loss(),
                        evalLoss.isPresent() ? evalLoss.getAsDouble() : null, end.totalTokens(), seconds,
                        stepper.tokensPerSecond());
                writeSummary(out, summary);
                TrainingResult result = summary.result(out);
                listener.onFinish(result);
                return result;
            } finally {
                Native.release(optimizer);
                Native.release(parameters);
            }
        }
    }

    private ReferenceLogprobs reference(BatchObjective objective, TrainableModel model, Path out) {
        ReferenceLogprobs saved = ReferenceLogprobs.read(out, fingerprint);
        if (saved != null) {
            return saved;
        }
        ReferenceLogprobs computed = ReferenceLogprobs.compute(objective, model, examples.size(), config.microBatchSize());
        computed.write(out, fingerprint);
        return computed;
    }

    /** The mean loss over {@code eval}, without gradients or dropout. */
    private double evaluate(TrainableModel model, BatchObjective objective, ReferenceLogprobs reference, int[] eval) {
        double weighted = 0;
        model.training(false);
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (int start = 0; start < eval.length; start += config.microBatchSize()) {
                int[] part = Arrays.copyOfRange(eval, start, Math.min(eval.length, start + config.microBatchSize()));
                try (PointerScope scope = new PointerScope()) {
                    List<Integer> indices = Arrays.stream(part).boxed().toList();
                    weighted += objective.loss(model, indices, reference).loss().item_double() * part.length;
                }
            }
        } finally {
            model.training(true);
        }
        return weighted / eval.length;
    }

    /** The step loop, with its clock and token counters for this process. */
    private final class Stepper {
        private final TrainableModel model;
        private final BatchObjective objective;
        private final ReferenceLogprobs reference;
        private final DataOrder order;
        private final TensorVector parameters;
        private final AdamW optimizer;
        private final long totalSteps;
        private final long started = System.nanoTime();
        private long tokensHere;
        private double lastLearningRate;
        private double lastGradNorm;
        private long lastTokens;
        private Map<String, Double> lastExtras = Map.of();

        Stepper(TrainableModel model, BatchObjective objective, ReferenceLogprobs reference, DataOrder order,
                TensorVector parameters, AdamW optimizer, long totalSteps) {
            this.model = model;
            this.objective = objective;
            this.reference = reference;
            this.order = order;
            this.parameters = parameters;
            this.optimizer = optimizer;
            this.totalSteps = totalSteps;
        }

        TrainerState run(TrainerState state, int[] eval, CheckpointStore checkpoints) {
            while (state.step() < totalSteps) {
                state = step(state);
                long step = state.step();
                boolean evalNow = eval.length > 0 && config.evalEvery() > 0 && step % config.evalEvery() == 0;
                OptionalDouble evalLoss = evalNow ? OptionalDouble.of(evaluate(model, objective, reference, eval))
                        : OptionalDouble.empty();
                listener.onStep(metrics(state, evalLoss));
                if (config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0 && step < totalSteps) {
                    listener.onCheckpoint(step, checkpoints.write(state, model, optimizer));
                }
            }
            return state;
        }

        private TrainerState step(TrainerState state) {
            lastLearningRate = config.learningRateAt(state.step(), totalSteps);
            optimizer.param_groups().get(0).options().set_lr(lastLearningRate);
            optimizer.zero_grad(true);
            double loss = 0;
            long tokens = 0;
            long position = state.position();
            Map<String, Double> extras = new HashMap<>();
            int accumulation = config.gradientAccumulation();
            for (int micro = 0; micro < accumulation; micro++) {
                List<Integer> indices = order.take(position, config.microBatchSize());
                position += indices.size();
                try (PointerScope scope = new PointerScope()) {
                    BatchObjective.BatchLoss batch = objective.loss(model, indices, reference);
                    batch.loss().div(Tensors.scalar(accumulation)).backward();
                    loss += batch.loss().item_double() / accumulation;
                    tokens += batch.tokens();
                    batch.metrics().forEach((k, v) -> extras.merge(k, v / accumulation, Double::sum));
                }
            }
            try (PointerScope scope = new PointerScope()) {
                double maxNorm = config.maxGradNorm() > 0 ? config.maxGradNorm() : Double.POSITIVE_INFINITY;
                lastGradNorm = torch.clip_grad_norm_(parameters, maxNorm);
                optimizer.step();
            }
            lastTokens = tokens;
            lastExtras = extras;
            tokensHere += tokens;
            return new TrainerState(state.step() + 1, position, state.totalTokens() + tokens, loss, state.fingerprint());
        }

        private StepMetrics metrics(TrainerState state, OptionalDouble evalLoss) {
            double epoch = (double) state.position() / order.size();
            return new StepMetrics(state.step(), totalSteps, epoch, state.loss(), lastLearningRate, lastGradNorm,
                    lastTokens, state.totalTokens(), tokensPerSecond(), seconds(), evalLoss, lastExtras);
        }

        double seconds() {
            return (System.nanoTime() - started) / 1e9;
        }

        double tokensPerSecond() {
            double s = seconds();
            return s > 0 ? tokensHere / s : 0;
        }
    }

    private void requireSameRun(String found, Path where) {
        if (!fingerprint.equals(found)) {
            throw new IllegalStateException(where + " belongs to a different training run (the configuration, the "
                    + "starting model or the data changed): choose another output directory");
        }
    }

    private static Optional<Summary> readSummary(Path out) {
        Path file = out.resolve(SUMMARY);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Summary.class));
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void writeSummary(Path out, Summary summary) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve(SUMMARY).toFile(), summary);
        } catch (IOException e) {
            throw new CheckpointException(out.resolve(SUMMARY) + ": cannot write: " + e.getMessage(), e);
        }
    }
}
