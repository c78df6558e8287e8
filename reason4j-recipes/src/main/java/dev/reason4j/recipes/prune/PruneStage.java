package dev.reason4j.recipes.prune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunStore;
import dev.reason4j.recipes.AdvantageRecord;
import dev.reason4j.recipes.DataSetFiles;
import dev.reason4j.recipes.ProblemSamples;
import dev.reason4j.recipes.PromptRendering;
import dev.reason4j.recipes.RecipeInputException;
import dev.reason4j.recipes.ResumableStage;
import dev.reason4j.recipes.StageProgress;
import dev.reason4j.recipes.StageResult;
import dev.reason4j.recipes.TrainingRecord;
import dev.reason4j.recipes.UnitResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The data stage of O1-Pruner (arXiv:2501.12570): from K analysed pre-samples per problem of the reference model,
 * the length-harmonizing training data ({@value #LH_WEIGHTS}: m drawn samples per problem with their advantages,
 * see {@link LengthHarmonizingWeights}) and the two data baselines ({@value #SFT_TWO_SHORTEST},
 * {@value #DPO_SHORTEST_LONGEST}, see {@link PruneBaselines}).
 *
 * <p>Two passes. Per problem (the resumable unit, committed whole): the reference statistics L̄ and Ā, the drawn
 * samples with their clipped weights, and the baseline records. Then, over all committed problems, the clipped
 * weights of the drawn samples are z-scored and {@code lh_weights.jsonl} is written with the standardised value as
 * {@code advantage} (the clipped one stays as {@code raw_weight}). Before it, the pre-sampling stage samples K per
 * problem from the reference model (default K 16, temperature 0.5, top-p 0.8) and analyses them.
 */
public final class PruneStage {

    public static final String COMMAND = "prune-weights";
    public static final String LH_WEIGHTS = "lh_weights";
    public static final String SFT_TWO_SHORTEST = "sft_two_shortest";
    public static final String DPO_SHORTEST_LONGEST = "dpo_shortest_longest";

    private final PruneOptions options;
    private final PromptRendering prompts;
    private final LengthHarmonizingWeights weights;
    private final ObjectMapper mapper = new ObjectMapper();

    /** @param prompts rebuilds the prompt the pre-samples were drawn with, the records' {@code prompt} */
    public PruneStage(PruneOptions options, PromptRendering prompts) {
        this.options = Objects.requireNonNull(options, "options");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.weights = new LengthHarmonizingWeights(options);
    }

    /** The job this stage runs on {@code responses}. */
    public RunManifest manifest(Path responses) {
        return RunManifest.builder(COMMAND)
                .config(options.toConfig())
                .config("prompt", prompts.description())
                .seed("sample_draw", options.seed())
                .input(responses)
                .build();
    }

    /** Runs the stage on an analysis' per-response file into {@code runDir} and writes the data sets there. */
    public StageResult run(Path responses, Path runDir, StageProgress progress) {
        List<ProblemSamples> problems = ProblemSamples.read(responses);
        try (RunStore store = RunStore.open(runDir, manifest(responses))) {
            ResumableStage.Counts counts = ResumableStage.run(store, "length-harmonizing weights",
                    ProblemSamples.units(problems), this::extract, progress, mapper);
            ZScore z = new ZScore();
            try (Stream<ObjectNode> results = ResumableStage.results(store, mapper)) {
                results.forEach(r -> r.path("data_sets").path(LH_WEIGHTS).forEach(s -> z.add(s.path("raw_weight").asDouble())));
            }
            UnaryOperator<ObjectNode> standardise = s -> s.put("advantage", z.of(s.path("raw_weight").asDouble()));
            Map<String, Long> written = DataSetFiles.write(store, runDir,
                    List.of(LH_WEIGHTS, SFT_TWO_SHORTEST, DPO_SHORTEST_LONGEST), Map.of(LH_WEIGHTS, standardise), mapper);
            Map<String, Double> totals = new LinkedHashMap<>(DataSetFiles.totals(store, mapper));
            totals.put("weight_mean", z.mean());
            totals.put("weight_deviation", z.deviation());
            return new StageResult(counts, written, totals).writeSummary(runDir, mapper);
        }
    }

    /** One problem's drawn samples with their clipped weights (not yet standardised), baselines and statistics. */
    public UnitResult extract(ProblemSamples problem) {
        LengthHarmonizingWeights.ProblemStats stats;
        try {
            stats = LengthHarmonizingWeights.stats(problem);
        } catch (IllegalArgumentException e) {
            throw new RecipeInputException(e.getMessage(), e);
        }
        String prompt = prompts.prompt(problem.question());
        List<TrainingRecord> drawn = new ArrayList<>();
        for (int i : SampleDraw.draw(problem.problemId(), problem.samples().size(), options.samplesPerProblem(),
                options.seed())) {
            AnalyzedResponse sample = problem.samples().get(i);
            double w = weights.weight(stats, sample);
            drawn.add(new AdvantageRecord(problem.problemId(), problem.question(), prompt,
                    ProblemSamples.text(sample), w, w, problem.problemId() + "/sample" + i));
        }
        Map<String, List<TrainingRecord>> sets = new LinkedHashMap<>();
        sets.put(LH_WEIGHTS, drawn);
        sets.put(SFT_TWO_SHORTEST, List.copyOf(PruneBaselines.twoShortestCorrect(problem, prompt)));
        sets.put(DPO_SHORTEST_LONGEST, PruneBaselines.shortestOverLongest(problem, prompt).<List<TrainingRecord>>map(List::of)
                .orElse(List.of()));
        ObjectNode unitStats = mapper.createObjectNode()
                .put("samples", problem.samples().size())
                .put("mean_tokens", stats.meanLength())
                .put("accuracy", stats.accuracy())
                .put("drawn", drawn.size());
        return new UnitResult(sets, unitStats);
    }
}
