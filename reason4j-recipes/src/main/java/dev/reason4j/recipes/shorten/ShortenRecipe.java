package dev.reason4j.recipes.shorten;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunStore;
import dev.reason4j.lm.train.TrainingResult;
import dev.reason4j.lm.train.data.DataOptions;
import dev.reason4j.recipes.DataSetFiles;
import dev.reason4j.recipes.JsonlOutput;
import dev.reason4j.recipes.RecipeInputException;
import dev.reason4j.recipes.StageProgress;
import dev.reason4j.recipes.StageResult;
import dev.reason4j.recipes.stages.Checkpoint;
import dev.reason4j.recipes.stages.MethodComparison;
import dev.reason4j.recipes.stages.ProblemSet;
import dev.reason4j.recipes.stages.RecipeManifest;
import dev.reason4j.recipes.stages.RecipeContext;
import dev.reason4j.recipes.stages.SampleResult;
import dev.reason4j.recipes.stages.SampleStage;
import dev.reason4j.recipes.stages.StageSummaries;
import dev.reason4j.recipes.stages.TrainStage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The overthinking paper's self-training (Chen et al., "Do NOT Think That Much for 2+3=? On the Overthinking of
 * o1-Like LLMs", arXiv:2412.21187, §4), as one resumable run: the model learns from its own responses shortened to
 * the rounds that earned their tokens.
 *
 * <ol>
 *   <li>{@value #SAMPLES}: K responses per training problem (default 10 at temperature 1.0), split into solution
 *       rounds and graded ({@link SampleStage});</li>
 *   <li>{@value #EVAL_BEFORE}: the starting model on the held-out problems;</li>
 *   <li>{@value #TARGETS}: FCS, FCS+Reflection, GDS and the shortest correct response per problem, as SFT data
 *       and as pairs against the problem's longest response ({@link ShortenStage});</li>
 *   <li>{@value #TRAIN}: SimPO (default), DPO or RPO on the chosen target's pairs, or SFT on the targets
 *       ({@link TrainStage}); the directory ends as the trained model;</li>
 *   <li>{@value #EVAL_AFTER}: the trained model on the held-out problems, sampled as before.</li>
 * </ol>
 * Each stage is a subdirectory with its own {@code run.json} and resumes after a kill; the run directory's
 * {@code run.json} records the whole job (settings, seeds, hashes of the model and the problem files) and its
 * {@value #SUMMARY} each stage's files and numbers, and the before/after table (accuracy, tokens, solution rounds,
 * ξ_O, ξ_P, AES of the trained model against the starting one).
 */
public final class ShortenRecipe {

    public static final String COMMAND = "shorten";
    public static final String SAMPLES = "samples";
    public static final String EVAL_BEFORE = "eval-before";
    public static final String TARGETS = "targets";
    public static final String TRAIN = "train";
    public static final String EVAL_AFTER = "eval-after";
    public static final String SUMMARY = "summary.json";

    private final ShortenSettings settings;
    private final RecipeContext context;
    private final ObjectMapper mapper = new ObjectMapper();

    public ShortenRecipe(ShortenSettings settings, RecipeContext context) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * The whole job.
     *
     * @param runConfig how the caller runs models (device, server), recorded with the settings
     */
    public RunManifest manifest(Checkpoint model, ProblemSet train, ProblemSet eval, Map<String, Object> runConfig) {
        return RecipeManifest.builder(COMMAND, context, model, train, eval, runConfig)
                .config(settings.toConfig())
                .seed("sampling", settings.sampling().seed())
                .seed("evaluation", settings.evaluation().seed())
                .seed("training", settings.training().seed())
                .build();
    }

    /**
     * Runs (or resumes) every stage into {@code runDir} and writes its {@value #SUMMARY}.
     *
     * @return the summary
     * @throws RecipeInputException when no problem gives the target, so there is nothing to train on
     */
    @SuppressWarnings("try") // the run's store is held for its lock and its run.json; each stage has its own
    public ObjectNode run(Path runDir, Path model, ProblemSet train, ProblemSet eval, Map<String, Object> runConfig,
            StageProgress progress) {
        try (Checkpoint start = new Checkpoint(model, context.backend());
                RunStore job = RunStore.open(runDir, manifest(start, train, eval, runConfig))) {
            SampleResult samples = new SampleStage("samples", settings.sampling(), context.prompts(), context.sampler(),
                    context.grading())
                    .run(runDir.resolve(SAMPLES), train, start, progress);
            SampleResult before = evaluation("eval before").run(runDir.resolve(EVAL_BEFORE), eval, start, progress);
            start.release(); // frees the starting model's memory for training

            Path targetsDir = runDir.resolve(TARGETS);
            StageResult targets = new ShortenStage(context.prompts()).run(samples.responses(), targetsDir, progress);
            Path dataSet = DataSetFiles.file(targetsDir, settings.dataSet());
            requireData(targets, dataSet, runDir);
            TrainingResult trained = new TrainStage(settings.training(),
                    DataOptions.defaults().withLengthLimit(settings.lengthLimit()))
                    .run(runDir.resolve(TRAIN), dataSet, model, context.tokenizer(), context.backend(), progress);
            SampleResult after;
            try (Checkpoint tuned = new Checkpoint(trained.modelDir(), context.backend())) {
                after = evaluation("eval after").run(runDir.resolve(EVAL_AFTER), eval, tuned, progress);
            }
            ObjectNode summary = summary(runDir, samples, before, targets, trained, after);
            JsonlOutput.writeDocument(runDir.resolve(SUMMARY), summary, mapper);
            return summary;
        }
    }

    /** Both evaluations sample alike (same settings and seeds), so before and after differ only by the model. */
    private SampleStage evaluation(String name) {
        return new SampleStage(name, settings.evaluation(), context.prompts(), context.sampler(), context.grading());
    }

    private String method() {
        return settings.training().objective().name().toLowerCase(Locale.ROOT);
    }

    private void requireData(StageResult targets, Path dataSet, Path runDir) {
        if (targets.written().getOrDefault(settings.dataSet(), 0L) > 0) {
            return;
        }
        throw new RecipeInputException("nothing to train on: " + dataSet + " is empty: none of the "
                + targets.counts().total() + " problems has a " + settings.target().wireName() + " target"
                + (settings.dataSet().startsWith("pairs_") ? " shorter than its longest response" : "")
                + " (a correct solution round is needed; see " + runDir.resolve(TARGETS).resolve(StageResult.SUMMARY)
                + "). Sample more responses (--k), allow longer ones (--max-tokens), or check how answers are "
                + "graded (--style)");
    }

    private ObjectNode summary(Path runDir, SampleResult samples, SampleResult before, StageResult targets,
            TrainingResult trained, SampleResult after) {
        ObjectNode root = mapper.createObjectNode()
                .put("recipe", COMMAND)
                .put("target", settings.target().wireName())
                .put("method", method())
                .put("data_set", StageSummaries.relative(runDir, DataSetFiles.file(runDir.resolve(TARGETS),
                        settings.dataSet())));
        ObjectNode stages = root.putObject("stages");
        stages.set(SAMPLES, StageSummaries.of(samples, runDir, mapper));
        stages.set(EVAL_BEFORE, StageSummaries.of(before, runDir, mapper));
        ObjectNode written = stages.putObject(TARGETS).put("dir", TARGETS).putObject("records");
        targets.written().forEach(written::put);
        stages.set(TRAIN, StageSummaries.of(trained, runDir, mapper));
        stages.set(EVAL_AFTER, StageSummaries.of(after, runDir, mapper));
        root.set("comparison", new MethodComparison(context.aes(), mapper).rows(List.of(
                MethodComparison.Entry.evaluated("before", "the starting model", before.summary()),
                MethodComparison.Entry.evaluated("after", "trained with " + method() + " on " + settings.dataSet(),
                        after.summary()))));
        return root;
    }
}
