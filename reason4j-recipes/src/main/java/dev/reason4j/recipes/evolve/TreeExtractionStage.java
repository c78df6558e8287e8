package dev.reason4j.recipes.evolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.grading.GraderOptions;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunStore;
import dev.reason4j.recipes.DataSetFiles;
import dev.reason4j.recipes.ResumableStage;
import dev.reason4j.recipes.StageProgress;
import dev.reason4j.recipes.StageResult;
import dev.reason4j.recipes.StepPairsRecord;
import dev.reason4j.recipes.TrainingRecord;
import dev.reason4j.recipes.UnitResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The data stage of an rStar-Math self-evolution round: from the search trees of a round's MCTS synthesis, the
 * policy's SFT data ({@link PolicyDataSelection}, data set {@value #POLICY_SFT}) and the process preference model's
 * pairs ({@link ProcessPreferencePairs}, data set {@value #PPM_PAIRS}).
 *
 * <p>The unit of work is a problem (all its trees, when the input holds several searches of it). Its records and
 * statistics are committed to the run store in one transaction, so a killed stage resumes without losing or
 * duplicating a problem; at the end the data sets are written to {@code RUN/policy_sft.jsonl} and
 * {@code RUN/ppm_pairs.jsonl}. Per problem the statistics say whether any tree reached the gold answer
 * ({@code solved}), how many trees, nodes and answers it had, and how many records and pairs it gave.
 *
 * <p>The synthesis stage that comes before it runs {@link dev.reason4j.search.RStarMcts} with the oracle reward
 * and writes the trees; it can hand trees over in memory through {@link #extract(List)} and
 * {@link SearchTreeReader#read(dev.reason4j.search.SearchTree)} instead of a file.
 */
public final class TreeExtractionStage {

    public static final String COMMAND = "evolve-extract";
    public static final String POLICY_SFT = "policy_sft";
    public static final String PPM_PAIRS = "ppm_pairs";

    private final PolicyDataOptions policyOptions;
    private final PpmPairOptions ppmOptions;
    private final MathGrader grader;
    private final PolicyDataSelection policyData;
    private final ProcessPreferencePairs ppmPairs;
    private final ObjectMapper mapper = new ObjectMapper();

    public TreeExtractionStage(PolicyDataOptions policyOptions, PpmPairOptions ppmOptions, MathGrader grader) {
        this.policyOptions = Objects.requireNonNull(policyOptions, "policyOptions");
        this.ppmOptions = Objects.requireNonNull(ppmOptions, "ppmOptions");
        this.grader = Objects.requireNonNull(grader, "grader");
        this.policyData = new PolicyDataSelection(policyOptions);
        this.ppmPairs = new ProcessPreferencePairs(ppmOptions);
    }

    /** The job this stage runs on {@code trees}: its options, the grader's and the input file's hash. */
    public RunManifest manifest(Path trees) {
        GraderOptions g = grader.options();
        return RunManifest.builder(COMMAND)
                .config(policyOptions.toConfig())
                .config(ppmOptions.toConfig())
                .config("grader_relative_tolerance", g.relativeTolerance())
                .config("grader_percent_policy", g.percentPolicy())
                .seed("grader", g.seed())
                .input(trees)
                .build();
    }

    /**
     * Runs the stage on a file of trees ({@link SearchTreeReader}) into {@code runDir}, resuming it when it holds
     * the same job, and writes the data sets there.
     */
    public StageResult run(Path trees, Path runDir, StageProgress progress) {
        List<ExploredTree> all = new SearchTreeReader(grader).readAll(trees);
        try (RunStore store = RunStore.open(runDir, manifest(trees))) {
            ResumableStage.Counts counts = ResumableStage.run(store, "extract trees", byProblem(all), this::extract,
                    progress, mapper);
            Map<String, Long> written = DataSetFiles.write(store, runDir, List.of(POLICY_SFT, PPM_PAIRS), mapper);
            return new StageResult(counts, written, DataSetFiles.totals(store, mapper)).writeSummary(runDir, mapper);
        }
    }

    /** One problem's records and statistics; {@code trees} are that problem's trees. */
    public UnitResult extract(List<ExploredTree> trees) {
        List<StepPairsRecord> pairs = new ArrayList<>();
        int nodes = 0;
        int answers = 0;
        int correct = 0;
        int contrastNodes = 0;
        for (int t = 0; t < trees.size(); t++) {
            ExploredTree tree = trees.get(t);
            pairs.addAll(ppmPairs.extract(tree, t));
            nodes += tree.nodes().size();
            answers += tree.answers().size();
            correct += (int) tree.answers().stream().filter(n -> n.outcome() == ExploredTree.Outcome.CORRECT).count();
            contrastNodes += ppmPairs.contrastNodes(tree).size();
        }
        List<TrainingRecord> sft = List.copyOf(policyData.select(trees));
        ObjectNode stats = mapper.createObjectNode()
                .put("solved", correct > 0)
                .put("trees", trees.size())
                .put("nodes", nodes)
                .put("answers", answers)
                .put("correct_answers", correct)
                .put("contrast_nodes", contrastNodes)
                .put("sft_records", sft.size())
                .put("step_pair_records", pairs.stream().filter(p -> !p.finalAnswer()).count())
                .put("final_answer_pair_records", pairs.stream().filter(StepPairsRecord::finalAnswer).count())
                .put("pairs", pairs.stream().mapToInt(StepPairsRecord::pairCount).sum());
        Map<String, List<TrainingRecord>> sets = new LinkedHashMap<>();
        sets.put(POLICY_SFT, sft);
        sets.put(PPM_PAIRS, List.copyOf(pairs));
        return new UnitResult(sets, stats);
    }

    /** The units of work: the trees grouped by problem, problems in order of first appearance. */
    static List<ResumableStage.Unit<List<ExploredTree>>> byProblem(List<ExploredTree> trees) {
        Map<String, List<ExploredTree>> groups = new LinkedHashMap<>();
        for (ExploredTree tree : trees) {
            groups.computeIfAbsent(tree.problemId(), k -> new ArrayList<>()).add(tree);
        }
        List<ResumableStage.Unit<List<ExploredTree>>> units = new ArrayList<>();
        groups.forEach((id, group) -> units.add(new ResumableStage.Unit<>(id, List.copyOf(group))));
        return units;
    }
}
