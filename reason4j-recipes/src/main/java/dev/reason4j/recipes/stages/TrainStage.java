package dev.reason4j.recipes.stages;

import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunStore;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.train.Adaptation;
import dev.reason4j.lm.train.StepMetrics;
import dev.reason4j.lm.train.Trainer;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.TrainingListener;
import dev.reason4j.lm.train.TrainingPlan;
import dev.reason4j.lm.train.TrainingResult;
import dev.reason4j.lm.train.data.DataOptions;
import dev.reason4j.lm.train.data.TrainingData;
import dev.reason4j.lm.train.data.TrainingDataReader;
import dev.reason4j.recipes.StageProgress;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Fine-tunes a model on one of a recipe's data sets: reads the data set with the model's tokenizer
 * ({@link TrainingDataReader}, which takes the recipes' files as TRL data), records the job in the stage's
 * {@code run.json} (configuration, seed, hashes of the data set and the starting model), and trains into the stage's
 * directory, which ends as the trained model in Hugging Face layout. The trainer resumes from the directory's last
 * checkpoint, and a finished run returns its result without training again.
 */
public final class TrainStage {

    private final TrainingConfig config;
    private final DataOptions data;

    /**
     * @param config the objective and hyperparameters; its output directory is replaced by the stage's
     * @param data how the data set is read (length limit)
     */
    public TrainStage(TrainingConfig config, DataOptions data) {
        this.config = Objects.requireNonNull(config, "config");
        this.data = Objects.requireNonNull(data, "data");
    }

    /** The stage's name: {@code train <objective>}. */
    public String name() {
        return "train " + config.objective().name().toLowerCase(Locale.ROOT);
    }

    /** The job of training the model in {@code startModel} on {@code dataSet}. */
    public RunManifest manifest(Path dataSet, Path startModel) {
        RunManifest.Builder job = RunManifest.builder(name())
                .config(describe(config))
                .config("max_length", data.lengthLimit().maxTokens())
                .config("overflow", data.lengthLimit().overflow())
                .seed("training", config.seed())
                .input(dataSet);
        Checkpoint.files(startModel).forEach(job::input);
        return job.build();
    }

    /**
     * Trains into {@code runDir}.
     *
     * @param tokenizer the starting model's tokenizer, which reads the data set
     * @return the result; its model directory is {@code runDir}
     */
    @SuppressWarnings("try") // the store is held for its lock and its run.json; the trainer keeps the checkpoints
    public TrainingResult run(Path runDir, Path dataSet, Path startModel, Tokenizer tokenizer, ModelBackend backend,
            StageProgress progress) {
        TrainingData examples = TrainingDataReader.read(dataSet, tokenizer, config.objective(), data);
        TrainingConfig here = config.toBuilder().outputDir(runDir).build();
        try (RunStore store = RunStore.open(runDir, manifest(dataSet, startModel));
                Trainer trainer = backend.trainer(startModel)) {
            return trainer.train(here, examples.examples(), new TrainingListener() {
                @Override
                public void onStart(TrainingPlan plan) {
                    progress.start(name(), plan.totalSteps(), plan.startStep());
                }

                @Override
                public void onStep(StepMetrics metrics) {
                    progress.step();
                }
            });
        } finally {
            progress.finish();
        }
    }

    /**
     * A configuration as manifest values: every field but the output directory (which is the run itself), the
     * adaptation as its type and fields.
     */
    public static Map<String, Object> describe(Record config) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : config.getClass().getRecordComponents()) {
            if (component.getName().equals("outputDir")) {
                continue;
            }
            Object value;
            try {
                value = component.getAccessor().invoke(config);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + config, e);
            }
            if (value instanceof Adaptation adaptation) {
                Map<String, Object> described = new LinkedHashMap<>();
                described.put("type", adaptation.getClass().getSimpleName());
                described.putAll(describe((Record) adaptation));
                value = described;
            }
            fields.put(component.getName(), value instanceof List<?> list ? List.copyOf(list) : value);
        }
        return fields;
    }
}
