package dev.reason4j.recipes.evolve;

import dev.reason4j.lm.train.LrSchedule;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code evolve.yaml}. Every setting but {@code base_model}, {@code problems.file} and {@code eval.file} has a
 * default (rStar-Math's where the paper gives one); relative paths are relative to the file's directory; an unknown
 * or malformed setting fails with the file, the line and the field.
 *
 * <pre>
 * base_model: models/qwen2.5-math-1.5b
 * rounds: 4
 * problems: {file: data/train.jsonl, format: math, limit: 0, difficulty_field: level}
 * seeds: {search: 0, training: 0, eval: 0}
 * mcts:                  # data synthesis; protocol and sampling also for eval
 *   protocol: code       # code | cot
 *   rollouts: 16
 *   candidates: 8
 *   max_depth: 16
 *   max_step_tokens: 256
 *   exploration: 2       # UCT c
 *   temperature: 0.7
 *   top_p: 0.95
 *   batch: 8
 *   rstar_quirks: false
 *   max_code_errors: 1
 * data:                  # TreeExtractionStage
 *   sft_per_problem: 2
 *   drop_execution_errors: true
 *   ppm_per_side: 2
 *   ppm_single_side_width: 4
 *   ppm_step_margin: 0
 *   ppm_min_edit_distance: 0
 *   ppm_final_answer_pairs: true
 *   ppm_dead_ends_are_wrong: false
 * train:
 *   policy: {learning_rate: 7e-6, epochs: 2, max_steps: 0, batch_size: 1, gradient_accumulation: 1,
 *            warmup_ratio: 0, weight_decay: 0, max_grad_norm: 1.0, schedule: cosine, checkpoint_every: 100,
 *            max_length: 0, adaptation: full, last_layers: 1, lora_rank: 8, lora_alpha: 16}
 *   ppm: {learning_rate: 7e-6, epochs: 1, ...}
 * eval: {file: data/test.jsonl, format: math, limit: 0, strategy: greedy, samples: 8, rollouts: 16}
 * </pre>
 */
public final class EvolveConfigFile {

    private EvolveConfigFile() {}

    /**
     * Reads and checks a configuration file.
     *
     * @throws dev.reason4j.recipes.RecipeInputException naming the file, line and field of a bad setting
     */
    public static EvolveConfig read(Path file) {
        ConfigSection root = ConfigFile.read(file).root();
        Path baseModel = root.path("base_model");
        if (!Files.isRegularFile(baseModel.resolve("config.json"))) {
            throw root.error("base_model", baseModel + " has no config.json (expected a Hugging Face model directory)");
        }
        ConfigSection p = root.section("problems");
        ProblemFile problems = problems(p);
        p.requireKnown();
        int rounds = root.integer("rounds", 1);
        ConfigSection s = root.section("seeds");
        EvolveSeeds seeds = s.build(() -> new EvolveSeeds(s.longInteger("search", 0), s.longInteger("training", 0),
                s.longInteger("eval", 0)));
        MctsSettings mcts = mcts(root.section("mcts"));
        ConfigSection data = root.section("data");
        PolicyDataOptions policyData = data.valid(() -> new PolicyDataOptions(
                data.integer("sft_per_problem", PolicyDataOptions.defaults().perProblem()),
                data.bool("drop_execution_errors", PolicyDataOptions.defaults().dropExecutionErrors())));
        PpmPairOptions ppmPairs = ppmPairs(data);
        ConfigSection train = root.section("train");
        TrainingSettings policyTraining = training(train.section("policy"), TrainingSettings.policyDefaults());
        TrainingSettings ppmTraining = training(train.section("ppm"), TrainingSettings.ppmDefaults());
        train.requireKnown();
        ConfigSection e = root.section("eval");
        ProblemFile evalProblems = problems(e);
        EvalSettings eval = e.build(() -> new EvalSettings(evalProblems,
                e.choice("strategy", EvalSettings.Strategy.class, EvalSettings.Strategy.GREEDY),
                e.integer("samples", 8), e.integer("rollouts", mcts.rollouts())));
        return root.build(() -> new EvolveConfig(baseModel, problems, rounds, seeds, mcts, policyData, ppmPairs,
                policyTraining, ppmTraining, eval));
    }

    /** Reads a problem file's keys; the caller checks the section for unknown keys. */
    private static ProblemFile problems(ConfigSection p) {
        return p.valid(() -> new ProblemFile(p.path("file"), p.textOr("format", null), p.integer("limit", 0),
                p.textOr("difficulty_field", null)));
    }

    private static MctsSettings mcts(ConfigSection m) {
        MctsSettings d = MctsSettings.defaults(m.choice("protocol", StepFormat.class, StepFormat.CODE));
        return m.build(() -> new MctsSettings(d.protocol(), m.integer("rollouts", d.rollouts()),
                m.integer("candidates", d.candidates()), m.integer("max_depth", d.maxDepth()),
                m.integer("max_step_tokens", d.maxStepTokens()), m.number("exploration", d.exploration()),
                m.number("temperature", d.temperature()), m.number("top_p", d.topP()), m.integer("batch", d.batch()),
                m.bool("rstar_quirks", d.rstarQuirks()), m.integer("max_code_errors", d.maxCodeErrors())));
    }

    /** Reads the PPM keys of the {@code data} section, then checks the whole section. */
    private static PpmPairOptions ppmPairs(ConfigSection data) {
        PpmPairOptions d = PpmPairOptions.defaults();
        return data.build(() -> new PpmPairOptions(data.integer("ppm_per_side", d.perSide()),
                data.integer("ppm_single_side_width", d.singleSideWidth()),
                data.number("ppm_step_margin", d.stepMargin()),
                data.number("ppm_min_edit_distance", d.minEditDistance()),
                data.bool("ppm_final_answer_pairs", d.finalAnswerPairs()),
                data.bool("ppm_dead_ends_are_wrong", d.deadEndsAreWrong())));
    }

    private static TrainingSettings training(ConfigSection t, TrainingSettings d) {
        return t.build(() -> new TrainingSettings(t.number("learning_rate", d.learningRate()),
                t.integer("epochs", d.epochs()), t.longInteger("max_steps", d.maxSteps()),
                t.integer("batch_size", d.batchSize()), t.integer("gradient_accumulation", d.gradientAccumulation()),
                t.number("warmup_ratio", d.warmupRatio()), t.number("weight_decay", d.weightDecay()),
                t.number("max_grad_norm", d.maxGradNorm()), t.choice("schedule", LrSchedule.class, d.schedule()),
                t.integer("checkpoint_every", d.checkpointEvery()), t.integer("max_length", d.maxLength()),
                t.choice("adaptation", TrainingSettings.AdaptationKind.class, d.adaptation()),
                t.integer("last_layers", d.lastLayers()), t.integer("lora_rank", d.loraRank()),
                t.number("lora_alpha", d.loraAlpha())));
    }
}
