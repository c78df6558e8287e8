package dev.reason4j.app.train;

import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunStore;
import dev.reason4j.lm.hf.HfTokenizer;
import dev.reason4j.lm.train.Adaptation;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.StepMetrics;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.TrainingListener;
import dev.reason4j.lm.train.TrainingPlan;
import dev.reason4j.lm.train.TrainingResult;
import dev.reason4j.lm.train.data.TrainingData;
import dev.reason4j.lm.train.data.TrainingDataReader;
import dev.reason4j.torch.DeviceChoice;
import dev.reason4j.torch.train.TorchTrainer;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j train <objective> --model DIR --data F --out DIR [options]}: one objective of {@link TrainCommand}.
 * Reads and tokenizes the data with the model's tokenizer (a bad record stops here, before the run directory is
 * touched), records the job in {@code run.json} (configuration, seed, hashes of the data and the model files), then
 * trains with a progress bar and a {@link MetricsLog}. Rerun with the same directory to resume from its last
 * checkpoint; a different job in that directory is refused.
 */
@Command(mixinStandardHelpOptions = true, sortOptions = false)
final class TrainObjectiveCommand implements Callable<Integer> {

    private final Objective objective;

    @Mixin
    TrainInputs inputs;

    @Mixin
    TrainingOptions options;

    @Spec
    CommandLine.Model.CommandSpec spec;

    TrainObjectiveCommand(Objective objective) {
        this.objective = objective;
    }

    String name() {
        return objective.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Integer call() {
        inputs.check();
        TrainingConfig config = options.config(objective, inputs.out);
        PrintWriter out = spec.commandLine().getOut();
        TrainingData data;
        try (HfTokenizer tokenizer = HfTokenizer.load(inputs.model)) {
            data = TrainingDataReader.read(inputs.data, tokenizer, objective, inputs.dataOptions());
        }
        out.println("data: " + data.summary());
        data.skipReasons().forEach(reason -> out.println("  skipped: " + reason));
        out.flush();
        RunManifest.Builder job = RunManifest.builder("train " + name())
                .config(fields(config))
                .config("data_format", data.format().cliName())
                .config("max_length", inputs.maxLength)
                .config("overflow", inputs.overflow)
                .config("skip_bad_records", inputs.skipBadRecords)
                .seed("training", config.seed())
                .input(data.source());
        inputs.modelFiles().forEach(job::input);
        try (RunStore store = RunStore.open(inputs.out, job.build());
                MetricsLog metrics = new MetricsLog(store);
                TrainingProgress progress = new TrainingProgress("train " + name());
                TorchTrainer trainer = TorchTrainer.open(inputs.model, DeviceChoice.parse(inputs.device), inputs.threads)) {
            TrainingResult result = trainer.train(config, data.examples(), listeners(out, metrics, progress));
            progress.close();
            out.printf(Locale.ROOT, "trained %s: %,d steps%s, final loss %.4f%s, %,d tokens, %,.0f tokens/s%n", name(),
                    result.steps(), result.startStep() > 0 ? " (resumed at step " + result.startStep() + ")" : "",
                    result.finalLoss(), result.evalLoss().isPresent()
                            ? String.format(Locale.ROOT, ", eval loss %.4f", result.evalLoss().getAsDouble()) : "",
                    result.tokens(), result.tokensPerSecond());
            out.printf("model: %s%nmetrics: %s%n", result.modelDir(), inputs.out.resolve(MetricsLog.FILE));
            out.flush();
        }
        return 0;
    }

    /** Metrics, progress, and a line when a run resumes. */
    private static TrainingListener listeners(PrintWriter out, MetricsLog metrics, TrainingProgress progress) {
        return new TrainingListener() {
            @Override
            public void onStart(TrainingPlan plan) {
                if (plan.resumed()) {
                    out.printf(Locale.ROOT, "resuming from the checkpoint at step %,d of %,d%n", plan.startStep(),
                            plan.totalSteps());
                }
                out.printf(Locale.ROOT, "%,d train and %,d eval examples, %,d steps; %,d of %,d parameters trained%n",
                        plan.trainExamples(), plan.evalExamples(), plan.totalSteps(), plan.trainableParameters(),
                        plan.totalParameters());
                out.flush();
                metrics.onStart(plan);
                progress.onStart(plan);
            }

            @Override
            public void onStep(StepMetrics step) {
                metrics.onStep(step);
                progress.onStep(step);
            }
        };
    }

    /** The configuration for {@code run.json}: every field but the output directory, which is the run itself. */
    static Map<String, Object> fields(Record record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = TrainingOptions.read(component, record);
            if (component.getName().equals("outputDir")) {
                continue;
            }
            if (value instanceof Adaptation adaptation) {
                Map<String, Object> described = new LinkedHashMap<>();
                described.put("type", adaptation.getClass().getSimpleName());
                described.putAll(fields((Record) adaptation));
                value = described;
            }
            fields.put(component.getName(), value instanceof List<?> list ? List.copyOf(list) : value);
        }
        return fields;
    }
}
