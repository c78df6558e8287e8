package dev.reason4j.recipes.prune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunStore;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingResult;
import dev.reason4j.lm.train.data.DataOptions;
import dev.reason4j.recipes.DataSetFiles;
import dev.reason4j.recipes.JsonlOutput;
import dev.reason4j.recipes.PromptRendering;
import dev.reason4j.recipes.RecipeInputException;
import dev.reason4j.recipes.StageProgress;
import dev.reason4j.recipes.StageResult;
import dev.reason4j.recipes.stages.Checkpoint;
import dev.reason4j.recipes.stages.MethodComparison;
import dev.reason4j.recipes.stages.ProblemSet;
import dev.reason4j.recipes.stages.RecipeContext;
import dev.reason4j.recipes.stages.RecipeManifest;
import dev.reason4j.recipes.stages.SampleResult;
import dev.reason4j.recipes.stages.SampleStage;
import dev.reason4j.recipes.stages.StageSummaries;
import dev.reason4j.recipes.stages.TrainStage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * O1-Pruner (Luo et al., "O1-Pruner: Length-Harmonizing Fine-Tuning for O1-Like Reasoning Pruning",
 * arXiv:2501.12570) with its baselines, as one resumable run.
 *
 * <ol>
 *   <li>{@value #SAMPLES}: K pre-samples per training problem from the reference model (default K 16,
 *       temperature 0.5, top-p 0.8), analysed;</li>
 *   <li>{@value #EVAL_BASELINE}: the reference model on the held-out problems; {@value #EVAL_FAST_PROMPT}: the same
 *       with a prompt asking it to solve quickly (no training);</li>
 *   <li>{@value #WEIGHTS}: per-sample weights L̄/L − 1 + λ(A − Ā), clipped and z-scored, on m drawn samples per
 *       problem, and the SFT and DPO baseline data ({@link PruneStage});</li>
 *   <li>{@code train-o1-pruner}: the length-harmonizing loss on the weighted samples; {@code train-sft}: SFT on
 *       the two shortest correct samples; {@code train-dpo}: DPO, shortest correct over longest
 *       ({@link TrainStage}), each followed by {@code eval-<method>} on the held-out problems.</li>
 * </ol>
 * A baseline whose data set is empty (no problem had a correct sample) is skipped and its row says so. The run
 * directory's {@value #SUMMARY} holds each stage's files and numbers and the final table: accuracy, length and AES
 * of every method against the reference model.
 */
public final class PruneRecipe {

    public static final String COMMAND = "prune";
    public static final String SAMPLES = "samples";
    public static final String EVAL_BASELINE = "eval-baseline";
    public static final String EVAL_FAST_PROMPT = "eval-fast-prompt";
    public static final String WEIGHTS = "weights";
    public static final String SUMMARY = "summary.json";
    /** The table's name for the length-harmonizing run. */
    public static final String O1_PRUNER = "o1-pruner";

    /** A method that trains, on which data set. */
    private record Trained(String method, String description, Objective objective, String dataSet) {}

    private static final Trained LENGTH_HARMONIZING = new Trained(O1_PRUNER,
            "length-harmonizing fine-tuning on " + PruneStage.LH_WEIGHTS, Objective.LH, PruneStage.LH_WEIGHTS);
    private static final Trained SFT_SHORTEST = new Trained(PruneBaseline.SFT.wireName(),
            "SFT on the two shortest correct samples", Objective.SFT, PruneStage.SFT_TWO_SHORTEST);
    private static final Trained DPO_SHORTEST = new Trained(PruneBaseline.DPO.wireName(),
            "DPO, shortest correct over longest sample", Objective.DPO, PruneStage.DPO_SHORTEST_LONGEST);

    private final PruneRecipeSettings settings;
    private final RecipeContext context;
    private final PromptRendering fastPrompts;
    private final ObjectMapper mapper = new ObjectMapper();

    /** @param fastPrompts the fast-solving prompt, the same questions asked to be solved quickly */
    public PruneRecipe(PruneRecipeSettings settings, RecipeContext context, PromptRendering fastPrompts) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.context = Objects.requireNonNull(context, "context");
        this.fastPrompts = Objects.requireNonNull(fastPrompts, "fastPrompts");
    }

    /**
     * The whole job.
     *
     * @param runConfig how the caller runs models (device, server), recorded with the settings
     */
    public RunManifest manifest(Checkpoint model, ProblemSet train, ProblemSet eval, Map<String, Object> runConfig) {
        return RecipeManifest.builder(COMMAND, context, model, train, eval, runConfig)
                .config(settings.toConfig())
                .config("fast_prompt", fastPrompts.description())
                .seed("sampling", settings.sampling().seed())
                .seed("evaluation", settings.evaluation().seed())
                .seed("sample_draw", settings.weights().seed())
                .seed("training", settings.training().seed())
                .build();
    }

    /**
     * Runs (or resumes) every stage into {@code runDir} and writes its {@value #SUMMARY}.
     *
     * @return the summary
     * @throws RecipeInputException when there is no pre-sample to weight
     */
    @SuppressWarnings("try") // the run's store is held for its lock and its run.json; each stage has its own
    public ObjectNode run(Path runDir, Path model, ProblemSet train, ProblemSet eval, Map<String, Object> runConfig,
            StageProgress progress) {
        ObjectNode summary = mapper.createObjectNode().put("recipe", COMMAND);
        ObjectNode stages = summary.putObject("stages");
        List<MethodComparison.Entry> rows = new ArrayList<>();
        try (Checkpoint reference = new Checkpoint(model, context.backend());
                RunStore job = RunStore.open(runDir, manifest(reference, train, eval, runConfig))) {
            SampleResult samples = new SampleStage("samples", settings.sampling(), context.prompts(), context.sampler(),
                    context.grading())
                    .run(runDir.resolve(SAMPLES), train, reference, progress);
            stages.set(SAMPLES, StageSummaries.of(samples, runDir, mapper));
            SampleResult baseline = evaluate("baseline", context.prompts(), runDir.resolve(EVAL_BASELINE), eval,
                    reference, stages, progress);
            rows.add(MethodComparison.Entry.evaluated("baseline", "the reference model", baseline.summary()));
            if (settings.baselines().contains(PruneBaseline.FAST_PROMPT)) {
                SampleResult fast = evaluate(PruneBaseline.FAST_PROMPT.wireName(), fastPrompts,
                        runDir.resolve(EVAL_FAST_PROMPT), eval, reference, stages, progress);
                rows.add(MethodComparison.Entry.evaluated(PruneBaseline.FAST_PROMPT.wireName(),
                        "the reference model asked to solve quickly", fast.summary()));
            }
            reference.release(); // frees the reference model's memory for training

            StageResult weights = new PruneStage(settings.weights(), context.prompts())
                    .run(samples.responses(), runDir.resolve(WEIGHTS), progress);
            ObjectNode written = stages.putObject(WEIGHTS).put("dir", WEIGHTS).putObject("records");
            weights.written().forEach(written::put);
            if (weights.written().getOrDefault(PruneStage.LH_WEIGHTS, 0L) == 0) {
                throw new RecipeInputException("nothing to train on: no problem of " + train.source().path()
                        + " has an analysed pre-sample (see " + runDir.resolve(SAMPLES).resolve(SampleStage.SUMMARY) + ")");
            }
            List<Trained> methods = new ArrayList<>(List.of(LENGTH_HARMONIZING));
            if (settings.baselines().contains(PruneBaseline.SFT)) {
                methods.add(SFT_SHORTEST);
            }
            if (settings.baselines().contains(PruneBaseline.DPO)) {
                methods.add(DPO_SHORTEST);
            }
            for (Trained method : methods) {
                rows.add(trainAndEvaluate(method, weights, runDir, reference, eval, stages, progress));
            }
            summary.set("comparison", new MethodComparison(context.aes(), mapper).rows(rows));
            JsonlOutput.writeDocument(runDir.resolve(SUMMARY), summary, mapper);
            return summary;
        }
    }

    private MethodComparison.Entry trainAndEvaluate(Trained method, StageResult weights, Path runDir,
            Checkpoint reference, ProblemSet eval, ObjectNode stages, StageProgress progress) {
        if (weights.written().getOrDefault(method.dataSet(), 0L) == 0) {
            return MethodComparison.Entry.skipped(method.method(), method.description(), method.dataSet()
                    + " is empty: no problem had a correct pre-sample");
        }
        String train = "train-" + method.method();
        TrainingResult trained = new TrainStage(settings.training(method.objective()),
                DataOptions.defaults().withLengthLimit(settings.lengthLimit()))
                .run(runDir.resolve(train), DataSetFiles.file(runDir.resolve(WEIGHTS), method.dataSet()),
                        reference.dir(), context.tokenizer(), context.backend(), progress);
        stages.set(train, StageSummaries.of(trained, runDir, mapper));
        try (Checkpoint tuned = new Checkpoint(trained.modelDir(), context.backend())) {
            SampleResult result = evaluate(method.method(), context.prompts(), runDir.resolve("eval-" + method.method()),
                    eval, tuned, stages, progress);
            return MethodComparison.Entry.evaluated(method.method(), method.description(), result.summary());
        }
    }

    /** Samples {@code model} on the held-out problems into {@code dir} and records the stage in the summary. */
    private SampleResult evaluate(String method, PromptRendering prompts, Path dir, ProblemSet eval, Checkpoint model,
            ObjectNode stages, StageProgress progress) {
        SampleResult result = new SampleStage("eval " + method, settings.evaluation(), prompts, context.sampler(),
                context.grading())
                .run(dir, eval, model, progress);
        stages.set(dir.getFileName().toString(), StageSummaries.of(result, dir.getParent(), mapper));
        return result;
    }
}
