package dev.reason4j.recipes.evolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunStore;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingResult;
import dev.reason4j.recipes.DataSetFiles;
import dev.reason4j.recipes.StageResult;
import dev.reason4j.recipes.stages.Checkpoint;
import dev.reason4j.recipes.stages.StageSummaries;
import dev.reason4j.recipes.stages.TrainStage;
import dev.reason4j.search.RStarMcts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * rStar-Math's self-evolution (Guan et al., "rStar-Math: Small LLMs Can Master Math Reasoning with Self-Evolved Deep
 * Thinking", arXiv:2501.04519, §3.4) as a resumable run. Round {@code r} (policy {@code π_{r−1}}, PPM
 * {@code P_{r−1}}; {@code π_0} is the base model and there is no {@code P_0}):
 * <ol>
 *   <li><b>synthesis</b>: {@link RStarMcts} over the problems with the oracle's terminal rewards (±1 for an answer
 *       equal or not to the gold answer); from round 2 the previous PPM initialises each new step's Q
 *       ({@code q = P(s), N = 1}), so search leans on it before any terminal value arrives;</li>
 *   <li><b>data</b>: {@link TreeExtractionStage}: the policy's SFT data ({@link PolicyDataSelection}: correct
 *       trajectories by mean then minimum Q, top 2 per problem, none with execution errors) and the PPM's pairs
 *       ({@link ProcessPreferencePairs});</li>
 *   <li><b>policy</b>: {@code π_r} = SFT of the <em>base</em> model on that data (the paper fine-tunes the base
 *       model each round rather than the previous policy);</li>
 *   <li><b>ppm</b>: {@code P_r} = the pairwise PPM loss from {@code π_r};</li>
 *   <li><b>eval</b>: {@code π_r} (with {@code P_r} for strategies that use it) on the evaluation problems.</li>
 * </ol>
 * A round whose search solved nothing has no SFT data: it keeps {@code π_{r−1}}; a round without pairs keeps
 * {@code P_{r−1}}. Both are said in the stage's marker and the round's report.
 *
 * <p><b>Files.</b> The run directory holds {@code run.json} (the whole configuration, seeds, and hashes of the base
 * model and problem files), {@value #ROUNDS} (one {@link RoundReport} per round) and {@code round-R/STAGE/} for each
 * round and stage, each with its own {@code run.json} (the stage's settings and seed, hashes of the models and data
 * it read), its outputs ({@code results.jsonl} of search records; {@code policy_sft.jsonl}, {@code ppm_pairs.jsonl};
 * the trained model with {@code metrics.jsonl}) and its {@link StageOutcome#MARKER}.
 *
 * <p><b>Resuming.</b> Run the same configuration into the same directory after a crash or {@code kill -9}: finished
 * stages (with a marker) are skipped; the stage that was running resumes its own work (search and extraction per
 * problem through their run stores, training from its latest checkpoint); no problem, record, step or round is lost
 * or written twice. A different configuration in the directory is refused.
 */
public final class SelfEvolution {

    /** The per-round reports in the run directory. */
    public static final String ROUNDS = "rounds.jsonl";

    private final EvolveConfig config;
    private final EvolutionModels models;
    private final MathGrader grader;
    private final EvolutionListener listener;
    private final ObjectMapper mapper = new ObjectMapper();

    public SelfEvolution(EvolveConfig config, EvolutionModels models, MathGrader grader, EvolutionListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.models = Objects.requireNonNull(models, "models");
        this.grader = Objects.requireNonNull(grader, "grader");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The job: the whole configuration, the seeds, and the base model's and problem files' hashes. */
    public RunManifest manifest() {
        RunManifest.Builder job = RunManifest.builder("evolve")
                .config(config.toConfig())
                .input(config.problems().file())
                .input(config.eval().problems().file());
        config.seeds().toMap().forEach(job::seed);
        Checkpoint.files(config.baseModel()).forEach(job::input);
        return job.build();
    }

    /**
     * Runs every round into {@code dir}, resuming what an earlier run of the same configuration left.
     *
     * @return one report per round
     */
    public List<RoundReport> run(Path dir) {
        List<Problem> problems = config.problems().load().problems();
        List<Problem> evalProblems = config.eval().problems().load().problems();
        List<RoundReport> reports = new ArrayList<>();
        try (RunStore runs = RunStore.open(dir, manifest())) {
            Path policy = config.baseModel();
            Path ppm = null;
            for (int r = 1; r <= config.rounds(); r++) {
                Round round = new Round(r, dir, policy, ppm);
                StageOutcome synthesis = stage(round, EvolutionStage.SYNTHESIS, () -> synthesize(round, problems));
                StageOutcome data = stage(round, EvolutionStage.DATA, () -> extract(round));
                StageOutcome trainedPolicy = stage(round, EvolutionStage.POLICY, () -> trainPolicy(round, data));
                Path newPolicy = trainedPolicy.ran() ? round.dir(EvolutionStage.POLICY) : policy;
                StageOutcome trainedPpm = stage(round, EvolutionStage.PPM, () -> trainPpm(round, data, newPolicy));
                Path newPpm = trainedPpm.ran() ? round.dir(EvolutionStage.PPM) : ppm;
                StageOutcome eval = stage(round, EvolutionStage.EVAL, () -> evaluate(round, evalProblems, newPolicy,
                        newPpm));
                RoundReport report = RoundReport.of(r, synthesis, data, model(dir, trainedPolicy, newPolicy),
                        model(dir, trainedPpm, newPpm), evalStrategyName(newPpm), eval);
                runs.put("round-" + r, r, report.toJson(mapper).toString()); // a round already reported keeps its line
                reports.add(report);
                policy = newPolicy;
                ppm = newPpm;
            }
            runs.exportJsonl(dir.resolve(ROUNDS));
        }
        return reports;
    }

    /** One round: its number, the run's directory, and the policy and PPM it searches with. */
    private record Round(int number, Path runDir, Path policy, Path ppm) {
        /** The stage's directory, {@code RUN/round-N/STAGE}. */
        Path dir(EvolutionStage stage) {
            return runDir.resolve("round-" + number).resolve(stage.dirName());
        }
    }

    /** The stage's marker when an earlier run finished it; else runs it and writes its marker. */
    private StageOutcome stage(Round round, EvolutionStage stage, Supplier<StageOutcome> work) {
        Path dir = round.dir(stage);
        var earlier = StageOutcome.read(dir, mapper);
        if (earlier.isPresent()) {
            listener.onStage(round.number(), stage, earlier.get(), true);
            return earlier.get();
        }
        StageOutcome outcome = work.get();
        outcome.write(dir, round.number(), stage, mapper);
        listener.onStage(round.number(), stage, outcome, false);
        return outcome;
    }

    private StageOutcome synthesize(Round round, List<Problem> problems) {
        long seed = config.seeds().searchSeed(round.number());
        RunManifest.Builder job = RunManifest.builder("evolve-synthesis")
                .config("round", round.number())
                .config("problems", config.problems().toConfig())
                .config("mcts", config.mcts().toConfig())
                .seed("search", seed)
                .input(config.problems().file());
        modelInputs(job, round, round.policy(), round.ppm());
        SearchStage search = new SearchStage(RoundSynthesis.strategy(config.mcts()), seed, config.mcts().batch(), true,
                grader, p -> config.problems().difficulty(p).orElse(null));
        ObjectNode summary = search.run(round.dir(EvolutionStage.SYNTHESIS), job.build(), problems,
                () -> SearchModels.open(models, config.mcts(), grader, round.policy(), round.ppm(), true),
                listener.progress(round.number(), EvolutionStage.SYNTHESIS));
        return new StageOutcome(true, String.format(Locale.ROOT, "%d of %d problems solved (%.1f%%)",
                summary.path("solved").asLong(), summary.path("problems").asLong(),
                100 * summary.path("solved_share").asDouble()), summary);
    }

    private StageOutcome extract(Round round) {
        TreeExtractionStage extraction = new TreeExtractionStage(config.policyData(), config.ppmPairs(), grader);
        StageResult r = extraction.run(round.dir(EvolutionStage.SYNTHESIS).resolve(SearchStage.RESULTS),
                round.dir(EvolutionStage.DATA), listener.progress(round.number(), EvolutionStage.DATA));
        long sft = r.written().get(TreeExtractionStage.POLICY_SFT);
        long pairRecords = r.written().get(TreeExtractionStage.PPM_PAIRS);
        long pairs = Math.round(r.totals().getOrDefault("pairs", 0.0));
        ObjectNode result = mapper.createObjectNode()
                .put("sft_records", sft)
                .put("pair_records", pairRecords)
                .put("pairs", pairs);
        r.totals().forEach(result.putObject("totals")::put);
        return new StageOutcome(true, String.format(Locale.ROOT, "%d SFT trajectories, %d PPM records (%d pairs)", sft,
                pairRecords, pairs), result);
    }

    private StageOutcome trainPolicy(Round round, StageOutcome data) {
        if (data.result().path("sft_records").asLong() == 0) {
            return skipped("no correct trajectory to train on: round " + round.number() + " keeps "
                    + describe(round.policy()));
        }
        return train(Objective.SFT, config.policyTraining(), config.baseModel(), round, EvolutionStage.POLICY,
                TreeExtractionStage.POLICY_SFT);
    }

    private StageOutcome trainPpm(Round round, StageOutcome data, Path policy) {
        if (data.result().path("pair_records").asLong() == 0) {
            return skipped("no preference pairs: round " + round.number() + " keeps "
                    + (round.ppm() == null ? "no PPM" : describe(round.ppm())));
        }
        return train(Objective.PPM, config.ppmTraining(), policy, round, EvolutionStage.PPM,
                TreeExtractionStage.PPM_PAIRS);
    }

    /** Trains {@code objective} from {@code start} on the round's data set {@code dataSet} into the stage's directory. */
    private StageOutcome train(Objective objective, TrainingSettings settings, Path start, Round round,
            EvolutionStage stage, String dataSet) {
        Path out = round.dir(stage);
        TrainStage training = new TrainStage(settings.config(objective, out, config.seeds().training()),
                settings.dataOptions());
        TrainingResult result;
        try (Tokenizer tokenizer = models.tokenizer(start)) {
            result = training.run(out, DataSetFiles.file(round.dir(EvolutionStage.DATA), dataSet), start, tokenizer,
                    models, listener.progress(round.number(), stage));
        }
        ObjectNode summary = StageSummaries.of(result, round.runDir(), mapper)
                .put("start_model", relative(round.runDir(), start));
        return new StageOutcome(true, String.format(Locale.ROOT, "%d steps from %s, final loss %.4f", result.steps(),
                describe(start), result.finalLoss()), summary);
    }

    private StageOutcome evaluate(Round round, List<Problem> problems, Path policy, Path roundPpm) {
        EvalSettings eval = config.eval();
        if (eval.strategy().needsPpm() && roundPpm == null) {
            return skipped(evalStrategyName(null) + " needs a PPM and no round has trained one yet");
        }
        Path ppm = eval.strategy().usesPpm() ? roundPpm : null; // greedy and maj never load it
        RunManifest.Builder job = RunManifest.builder("evolve-eval")
                .config("round", round.number())
                .config("eval", eval.toConfig())
                .config("mcts", config.mcts().toConfig())
                .seed("eval", config.seeds().eval())
                .input(eval.problems().file());
        modelInputs(job, round, policy, ppm);
        SearchStage search = new SearchStage(eval.searchStrategy(config.mcts(), ppm != null), config.seeds().eval(),
                config.mcts().batch(), false, grader, p -> eval.problems().difficulty(p).orElse(null));
        ObjectNode summary = search.run(round.dir(EvolutionStage.EVAL), job.build(), problems,
                () -> SearchModels.open(models, config.mcts(), grader, policy, ppm, false),
                listener.progress(round.number(), EvolutionStage.EVAL));
        return new StageOutcome(true, String.format(Locale.ROOT, "%s: %d of %d correct (%.1f%%)",
                summary.path("strategy").asText(), summary.path("correct").asLong(), summary.path("problems").asLong(),
                100 * summary.path("accuracy").asDouble()), summary);
    }

    /** The evaluation strategy's name as its records carry it. */
    private String evalStrategyName(Path ppm) {
        return config.eval().searchStrategy(config.mcts(), ppm != null && config.eval().strategy().usesPpm()).name();
    }

    /** Records where the policy and the PPM are (inside the run: relative to it) and hashes their files. */
    private static void modelInputs(RunManifest.Builder job, Round round, Path policy, Path ppm) {
        job.config("policy", relative(round.runDir(), policy))
                .config("ppm", ppm == null ? null : relative(round.runDir(), ppm));
        Checkpoint.files(policy).forEach(job::input);
        if (ppm != null) {
            Checkpoint.files(ppm).forEach(job::input);
        }
    }

    private StageOutcome skipped(String why) {
        return new StageOutcome(false, why, mapper.createObjectNode());
    }

    private RoundReport.Model model(Path runDir, StageOutcome training, Path model) {
        String where = model == null ? null : relative(runDir, model);
        return training.ran()
                ? new RoundReport.Model(true, where, training.result().path("steps").asLong(),
                        training.result().path("final_loss").asDouble())
                : new RoundReport.Model(false, where, 0, Double.NaN);
    }

    /** A model directory relative to the run directory when inside it, so reports do not depend on where it is. */
    private static String relative(Path runDir, Path model) {
        Path base = runDir.toAbsolutePath().normalize();
        Path m = model.toAbsolutePath().normalize();
        return m.startsWith(base) ? base.relativize(m).toString() : m.toString();
    }

    private String describe(Path model) {
        return model.toAbsolutePath().normalize().equals(config.baseModel().toAbsolutePath().normalize())
                ? "the base model" : model.getParent().getFileName() + "/" + model.getFileName();
    }
}
