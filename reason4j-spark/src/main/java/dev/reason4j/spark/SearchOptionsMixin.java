package dev.reason4j.spark;

import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The search options of {@code reason4j eval}, under the same names and defaults, read into {@link SearchOptions}.
 * Paths ({@code --model}, {@code --tokenizer}, {@code --ppm}, {@code --orm}) must exist on every executor.
 */
final class SearchOptionsMixin {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--endpoint", split = ",", paramLabel = "URL",
                description = "Base URL(s) of OpenAI-compatible servers, e.g. http://gpu1:8000/v1; the executors "
                        + "spread requests over them (key from OPENAI_API_KEY: spark.executorEnv.OPENAI_API_KEY).")
        List<String> endpoint;

        @Option(names = "--model", paramLabel = "DIR",
                description = "Instead: a Hugging Face model directory run in-process, one per executor JVM.")
        String model;
    }

    @Option(names = "--served-model", paramLabel = "NAME", description = "With --endpoint: the model id to ask for.")
    String servedModel;

    @Option(names = "--tokenizer", paramLabel = "DIR",
            description = "With --endpoint: the served model's tokenizer, so prompts go out as token ids.")
    String tokenizer;

    @Option(names = "--device", defaultValue = "cpu", description = "With --model: cpu, cuda or auto (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--dtype", defaultValue = "auto", description = "With --model: auto, float32, bfloat16 or float16 (default: ${DEFAULT-VALUE}).")
    String dtype;

    @Option(names = "--threads", defaultValue = "0", description = "With --model: libtorch threads, 0 for libtorch's choice (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--prefix-cache-mb", defaultValue = "512", description = "With --model: prefix cache, 0 for none (default: ${DEFAULT-VALUE}).")
    long prefixCacheMb;

    @Option(names = "--protocol", defaultValue = "code", description = "Step format: code or cot (default: ${DEFAULT-VALUE}).")
    StepOptions.Protocol protocol;

    @Option(names = "--prompt-template", paramLabel = "TEXT", description = "Prompt with a {question} placeholder.")
    String promptTemplate;

    @Option(names = "--chat", description = "Put the question through the model's chat template.")
    boolean chat;

    @Option(names = "--system", defaultValue = "", paramLabel = "TEXT", description = "With --chat: a system message.")
    String system;

    @Option(names = "--max-code-errors", defaultValue = "1", description = "code: failing steps in a row that end a branch (default: ${DEFAULT-VALUE}).")
    int maxCodeErrors;

    @Option(names = "--reward", defaultValue = "none", description = "none, likelihood or oracle (default: ${DEFAULT-VALUE}).")
    RewardOptions.Reward reward;

    @Option(names = "--ppm", paramLabel = "DIR", description = "A process preference model scoring every step.")
    String ppm;

    @Option(names = "--orm", paramLabel = "DIR", description = "An outcome reward model scoring complete trajectories.")
    String orm;

    @Option(names = "--raw-scores", description = "With --ppm/--orm: raw head output instead of tanh(raw/5).")
    boolean rawScores;

    @Option(names = "--selection", defaultValue = "auto", description = "auto, top, majority or weighted (default: ${DEFAULT-VALUE}).")
    StrategyOptions.Selection selection;

    @Option(names = "--temperature", defaultValue = "0.7", description = "Sampling temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-p", defaultValue = "0.95", description = "Nucleus sampling mass (default: ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--max-step-tokens", defaultValue = "256", description = "Most tokens per step (default: ${DEFAULT-VALUE}).")
    int maxStepTokens;

    @Option(names = "--max-depth", defaultValue = "16", description = "Most steps per trajectory (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--budget", defaultValue = "0", paramLabel = "TOKENS", description = "Most generated tokens per problem, 0 for no limit (default: ${DEFAULT-VALUE}).")
    long budget;

    @Option(names = "--lockstep", description = "One generation call per round for a whole batch.")
    boolean lockstep;

    @Option(names = "--samples", defaultValue = "8", description = "maj, bon: trajectories (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--aggregate", defaultValue = "min", description = "bon: last, min, product or mean (default: ${DEFAULT-VALUE}).")
    StrategyOptions.Aggregate aggregate;

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

    @Option(names = "--rstar-quirks", description = "mcts: reproduce rStar-Math's reference code's quirks.")
    boolean rstarQuirks;

    @Option(names = "--min-rollouts", defaultValue = "2", description = "adaptive: rollouts before settling (default: ${DEFAULT-VALUE}).")
    int minRollouts;

    @Option(names = "--max-rollouts", defaultValue = "0", description = "adaptive: most rollouts, 0 for twice --rollouts (default: ${DEFAULT-VALUE}).")
    int maxRollouts;

    @Option(names = "--settle-share", defaultValue = "0.75", description = "adaptive: leading answer's least share (default: ${DEFAULT-VALUE}).")
    double settleShare;

    @Option(names = "--settle-score", defaultValue = "0.5", description = "adaptive: leading answer's least score (default: ${DEFAULT-VALUE}).")
    double settleScore;

    @Option(names = "--python", defaultValue = "python3", description = "code: Python command on the executors (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--workers", defaultValue = "2", description = "code: Python workers per executor (default: ${DEFAULT-VALUE}).")
    int workers;

    SearchOptions toOptions() {
        PolicySource policy = source.model != null
                ? new PolicySource.InProcess(source.model, device, dtype, threads, prefixCacheMb)
                : new PolicySource.Endpoints(source.endpoint, servedModel, tokenizer);
        return new SearchOptions(policy,
                new StepOptions(protocol, promptTemplate, chat, system, maxCodeErrors),
                new SamplingOptions(temperature, topP, maxStepTokens, maxDepth, budget, lockstep),
                new StrategyOptions(samples, aggregate, beamWidth, beamSamples, candidates, rollouts, exploration,
                        rstarQuirks, minRollouts, maxRollouts, settleShare, settleScore, selection),
                new RewardOptions(reward, ppm, orm, rawScores),
                new SandboxOptions(python, workers));
    }
}
