package dev.reason4j.app;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.exec.PythonPoolConfig;
import dev.reason4j.exec.PythonWorkerPool;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.hf.HfTokenizer;
import dev.reason4j.lm.openai.OpenAiLanguageModel;
import dev.reason4j.lm.reward.LikelihoodRewardModel;
import dev.reason4j.lm.reward.OracleRewardModel;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.lm.reward.ValueTransform;
import dev.reason4j.search.AdaptiveMcts;
import dev.reason4j.search.AdaptiveOptions;
import dev.reason4j.search.AnswerSelection;
import dev.reason4j.search.BestOfN;
import dev.reason4j.search.Greedy;
import dev.reason4j.search.MctsOptions;
import dev.reason4j.search.PrmBeamSearch;
import dev.reason4j.search.RStarMcts;
import dev.reason4j.search.ScoreAggregation;
import dev.reason4j.search.SearchContext;
import dev.reason4j.search.SearchSettings;
import dev.reason4j.search.SearchStrategy;
import dev.reason4j.search.SelfConsistency;
import dev.reason4j.search.protocol.CodeRules;
import dev.reason4j.search.protocol.CodeStepProtocol;
import dev.reason4j.search.protocol.CotStepProtocol;
import dev.reason4j.search.protocol.PromptTemplate;
import dev.reason4j.search.protocol.StepProtocol;
import dev.reason4j.torch.ComputeDtype;
import dev.reason4j.torch.DeviceChoice;
import dev.reason4j.torch.EngineOptions;
import dev.reason4j.torch.TorchLanguageModel;
import dev.reason4j.torch.train.TorchRewardModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options {@code reason4j solve} and {@code reason4j eval} share: where the policy runs, the step protocol and
 * prompt, the reward model, sampling, the strategies' parameters and the sandbox; and the one place that turns them
 * into a {@link SearchSession} and {@link SearchStrategy} instances.
 */
public final class SearchSetup {

    /** Strategy names on the command line. */
    static final List<String> STRATEGIES = List.of("greedy", "maj", "bon", "beam", "mcts", "adaptive");

    enum Protocol {
        code,
        cot
    }

    enum Reward {
        none,
        likelihood,
        oracle
    }

    enum Selection {
        auto,
        top,
        majority,
        weighted
    }

    enum Aggregate {
        last,
        min,
        product,
        mean
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--model", paramLabel = "DIR",
                description = "A Hugging Face model directory to run in-process on libtorch.")
        Path model;

        @Option(names = "--endpoint", split = ",", paramLabel = "URL",
                description = "Base URL(s) of OpenAI-compatible servers instead, e.g. http://gpu1:8000/v1 "
                        + "(key from OPENAI_API_KEY).")
        List<String> endpoint;
    }

    @Option(names = "--served-model", paramLabel = "NAME", description = "With --endpoint: the model id to ask for.")
    String servedModel;

    @Option(names = "--tokenizer", paramLabel = "DIR",
            description = "With --endpoint: a local copy of the served model's tokenizer, so prompts are sent as "
                    + "token ids and the server's prefix cache sees each parent's exact tokens.")
    Path tokenizer;

    @Option(names = "--protocol", defaultValue = "code",
            description = "Step format: code (rStar-Math code-augmented steps, run in the sandbox) or cot "
                    + "(blank-line separated steps) (default: ${DEFAULT-VALUE}).")
    Protocol protocol;

    @Option(names = "--prompt-template", paramLabel = "TEXT",
            description = "Prompt with a {question} placeholder (default: the protocol's).")
    String promptTemplate;

    @Option(names = "--chat", description = "Put the question through the model's chat template instead.")
    boolean chat;

    @Option(names = "--system", defaultValue = "", paramLabel = "TEXT", description = "With --chat: a system message.")
    String system;

    @Option(names = "--reward", defaultValue = "none",
            description = "Reward model: none, likelihood (the policy's own token likelihood, an untrained baseline) "
                    + "or oracle (grades answers against the gold answer: data synthesis, not a test score) "
                    + "(default: ${DEFAULT-VALUE}).")
    Reward reward;

    @Option(names = "--ppm", paramLabel = "DIR",
            description = "A process preference model (a checkpoint with a value head, from `reason4j train ppm`) "
                    + "scoring every step; replaces --reward.")
    Path ppm;

    @Option(names = "--orm", paramLabel = "DIR",
            description = "An outcome reward model (from `reason4j train orm`) scoring complete trajectories; "
                    + "replaces --reward.")
    Path orm;

    @Option(names = "--raw-scores",
            description = "With --ppm/--orm: the head's raw output instead of rStar-Math's tanh(raw/5).")
    boolean rawScores;

    @Option(names = "--selection", defaultValue = "auto",
            description = "Answer selection: auto (top score with a reward model, else majority), top, majority or "
                    + "weighted (default: ${DEFAULT-VALUE}).")
    Selection selection;

    @Option(names = "--temperature", defaultValue = "0.7", description = "Sampling temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-p", defaultValue = "0.95", description = "Nucleus sampling mass (default: ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--max-step-tokens", defaultValue = "256", description = "Most tokens per step (default: ${DEFAULT-VALUE}).")
    int maxStepTokens;

    @Option(names = "--max-depth", defaultValue = "16", description = "Most steps per trajectory (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--budget", defaultValue = "0", paramLabel = "TOKENS",
            description = "Most generated tokens per problem; 0 for no limit (default: ${DEFAULT-VALUE}).")
    long budget;

    @Option(names = "--lockstep",
            description = "One generation call per round for all problems of a batch (faster batching; trees then "
                    + "depend on the batch).")
    boolean lockstep;

    @Option(names = "--samples", defaultValue = "8", description = "Trajectories of maj and bon (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--aggregate", defaultValue = "min",
            description = "bon: step scores to trajectory score: last, min, product or mean (default: ${DEFAULT-VALUE}).")
    Aggregate aggregate;

    @Option(names = "--beam-width", defaultValue = "4", description = "beam: beams kept (default: ${DEFAULT-VALUE}).")
    int beamWidth;

    @Option(names = "--beam-samples", defaultValue = "4", description = "beam: next steps per beam (default: ${DEFAULT-VALUE}).")
    int beamSamples;

    @Option(names = "--candidates", defaultValue = "8", description = "mcts: next steps per expansion (default: ${DEFAULT-VALUE}).")
    int candidates;

    @Option(names = "--rollouts", defaultValue = "16", description = "mcts: rollouts per problem (default: ${DEFAULT-VALUE}).")
    int rollouts;

    @Option(names = "--exploration", defaultValue = "2", description = "mcts: UCT constant c (default: ${DEFAULT-VALUE}).")
    double exploration;

    @Option(names = "--rstar-quirks",
            description = "mcts: reproduce rStar-Math's reference code: unvisited children score 0, dead-end penalties "
                    + "are not backed up, failed code stays in the program, output containing 'error' fails a step.")
    boolean rstarQuirks;

    @Option(names = "--min-rollouts", defaultValue = "2", description = "adaptive: rollouts before settling (default: ${DEFAULT-VALUE}).")
    int minRollouts;

    @Option(names = "--max-rollouts", defaultValue = "0",
            description = "adaptive: most rollouts for one problem; 0 for twice --rollouts (default: ${DEFAULT-VALUE}).")
    int maxRollouts;

    @Option(names = "--settle-share", defaultValue = "0.75",
            description = "adaptive: leading answer's least share of terminal value (default: ${DEFAULT-VALUE}).")
    double settleShare;

    @Option(names = "--settle-score", defaultValue = "0.5",
            description = "adaptive: leading answer's least reward score (default: ${DEFAULT-VALUE}).")
    double settleScore;

    @Option(names = "--max-code-errors", defaultValue = "1",
            description = "code: failing steps in a row that end a branch; 1 drops failing steps (default: ${DEFAULT-VALUE}).")
    int maxCodeErrors;

    @Option(names = "--python", defaultValue = "python3", description = "code: Python command (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--workers", defaultValue = "2", description = "code: Python workers (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, cuda or auto (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--dtype", defaultValue = "auto", description = "auto, float32, bfloat16 or float16 (default: ${DEFAULT-VALUE}).")
    String dtype;

    @Option(names = "--threads", defaultValue = "0", description = "libtorch threads; 0 lets libtorch choose (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--prefix-cache-mb", defaultValue = "512",
            description = "Prefix cache of the in-process engine; 0 turns it off (default: ${DEFAULT-VALUE}).")
    long prefixCacheMb;

    @Option(names = "--seed", defaultValue = "0", description = "Search seed (default: ${DEFAULT-VALUE}).")
    long seed;

    /** A strategy by its command-line name. */
    SearchStrategy strategy(String name) {
        AnswerSelection chosen = selection();
        MctsOptions mcts = MctsOptions.builder()
                .candidates(candidates)
                .rollouts(rollouts)
                .exploration(exploration)
                .unvisitedScoresZero(rstarQuirks)
                .propagateInvalidPenalty(!rstarQuirks)
                .selection(chosen)
                .build();
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "greedy" -> new Greedy();
            case "maj" -> new SelfConsistency(samples);
            case "bon" -> new BestOfN(samples, ScoreAggregation.valueOf(aggregate.name().toUpperCase(Locale.ROOT)),
                    selection == Selection.auto ? AnswerSelection.TOP_SCORE : chosen);
            case "beam" -> new PrmBeamSearch(beamWidth, beamSamples,
                    selection == Selection.auto ? AnswerSelection.TOP_SCORE : chosen);
            case "mcts" -> new RStarMcts(mcts);
            case "adaptive" -> new AdaptiveMcts(mcts, new AdaptiveOptions(Math.min(minRollouts, rollouts),
                    maxRollouts > 0 ? maxRollouts : 2 * rollouts, settleShare, settleScore));
            default -> throw new IllegalArgumentException(
                    "--strategy '" + name + "' is not one of " + String.join(", ", STRATEGIES));
        };
    }

    private AnswerSelection selection() {
        return switch (selection) {
            case auto -> reward == Reward.none && ppm == null && orm == null
                    ? AnswerSelection.MAJORITY : AnswerSelection.TOP_SCORE;
            case top -> AnswerSelection.TOP_SCORE;
            case majority -> AnswerSelection.MAJORITY;
            case weighted -> AnswerSelection.WEIGHTED;
        };
    }

    /** Opens the policy, the sandbox (code protocol) and the reward model. */
    SearchSession open(MathGrader grader) {
        LanguageModel policy = null;
        Tokenizer localTokenizer = null;
        PythonWorkerPool pool = null;
        try {
            if (source.model != null) {
                policy = TorchLanguageModel.builder().modelDir(existingDirectory(source.model, "--model"))
                        .options(EngineOptions.builder()
                                .device(DeviceChoice.parse(device))
                                .dtype(ComputeDtype.parse(dtype))
                                .threads(threads)
                                .prefixCacheBytes(prefixCacheMb << 20)
                                .build())
                        .build();
            } else {
                OpenAiLanguageModel.Builder remote = OpenAiLanguageModel.builder()
                        .baseUrls(source.endpoint.toArray(String[]::new));
                if (servedModel != null) {
                    remote.model(servedModel);
                }
                if (tokenizer != null) {
                    localTokenizer = HfTokenizer.load(existingDirectory(tokenizer, "--tokenizer"));
                    remote.tokenizer(localTokenizer);
                }
                policy = remote.build();
            }
            StepProtocol steps = protocol == Protocol.code
                    ? new CodeStepProtocol(grader.extractor(), new CodeRules(maxCodeErrors, rstarQuirks, rstarQuirks))
                    : new CotStepProtocol(grader.extractor(), true);
            SearchContext.Builder ctx = SearchContext.builder()
                    .policy(policy)
                    .protocol(steps)
                    .grader(grader)
                    .settings(SearchSettings.builder()
                            .temperature(temperature)
                            .topP(topP)
                            .maxStepTokens(maxStepTokens)
                            .maxDepth(maxDepth)
                            .tokenBudget(budget)
                            .lockstep(lockstep)
                            .build());
            if (promptTemplate != null) {
                ctx.prompt(PromptTemplate.text(promptTemplate));
            } else if (chat) {
                ctx.prompt(PromptTemplate.chat(system, ""));
            }
            if (protocol == Protocol.code) {
                pool = PythonWorkerPool.start(PythonPoolConfig.defaults().withPython(python).withWorkers(workers));
                ctx.executor(pool);
            }
            RewardModel rewardModel = trainedRewardModel().orElse(null);
            if (rewardModel == null) {
                rewardModel = switch (reward) {
                    case none -> null;
                    case likelihood -> new LikelihoodRewardModel(policy);
                    case oracle -> new OracleRewardModel(grader);
                };
            }
            if (rewardModel != null) {
                ctx.reward(rewardModel);
            }
            return new SearchSession(policy, localTokenizer, pool, rewardModel, ctx.build());
        } catch (RuntimeException e) {
            SearchSession.closeAll(e, pool, policy, localTokenizer);
            throw e;
        }
    }

    /** The value-head model of --ppm or --orm, when one is given. */
    private Optional<RewardModel> trainedRewardModel() {
        if (ppm != null && orm != null) {
            throw new IllegalArgumentException("give --ppm or --orm, not both");
        }
        if ((ppm != null || orm != null) && reward != Reward.none) {
            throw new IllegalArgumentException("--ppm and --orm replace --reward " + reward + "; give one of them");
        }
        ValueTransform transform = rawScores ? ValueTransform.IDENTITY : ValueTransform.TANH_OVER_5;
        if (ppm != null) {
            return Optional.of(TorchRewardModel.open(existingDirectory(ppm, "--ppm"), RewardModel.Kind.PROCESS,
                    DeviceChoice.parse(device), transform));
        }
        if (orm != null) {
            return Optional.of(TorchRewardModel.open(existingDirectory(orm, "--orm"), RewardModel.Kind.OUTCOME,
                    DeviceChoice.parse(device), transform));
        }
        return Optional.empty();
    }

    private static Path existingDirectory(Path dir, String option) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + dir + " is not a directory");
        }
        return dir;
    }

    /** The options that decide results, for the run manifest. */
    Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("model", source.model != null ? source.model.toAbsolutePath().normalize().toString() : null);
        c.put("endpoint", source.endpoint);
        c.put("served_model", servedModel);
        c.put("protocol", protocol.name());
        c.put("prompt_template", promptTemplate);
        c.put("chat", chat);
        c.put("system", system);
        c.put("reward", reward.name());
        c.put("ppm", ppm != null ? ppm.toAbsolutePath().normalize().toString() : null);
        c.put("orm", orm != null ? orm.toAbsolutePath().normalize().toString() : null);
        c.put("raw_scores", rawScores);
        c.put("selection", selection.name());
        c.put("temperature", temperature);
        c.put("top_p", topP);
        c.put("max_step_tokens", maxStepTokens);
        c.put("max_depth", maxDepth);
        c.put("budget", budget);
        c.put("lockstep", lockstep);
        c.put("samples", samples);
        c.put("aggregate", aggregate.name());
        c.put("beam_width", beamWidth);
        c.put("beam_samples", beamSamples);
        c.put("candidates", candidates);
        c.put("rollouts", rollouts);
        c.put("exploration", exploration);
        c.put("rstar_quirks", rstarQuirks);
        c.put("min_rollouts", minRollouts);
        c.put("max_rollouts", maxRollouts);
        c.put("settle_share", settleShare);
        c.put("settle_score", settleScore);
        c.put("max_code_errors", maxCodeErrors);
        c.put("dtype", dtype);
        return c;
    }

    /** The model's files, hashed into the run manifest (weights, config, tokenizer). */
    List<Path> modelFiles() {
        List<Path> files = new ArrayList<>();
        for (Path dir : new Path[] {source.model, ppm, orm}) {
            if (dir != null) {
                files.addAll(modelFiles(dir));
            }
        }
        return files;
    }

    private static List<Path> modelFiles(Path dir) {
        try (var files = Files.list(dir)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".safetensors") || name.equals("config.json") || name.equals("tokenizer.json");
            }).sorted().toList();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(dir + ": cannot list its files: " + e.getMessage(), e);
        }
    }
}
