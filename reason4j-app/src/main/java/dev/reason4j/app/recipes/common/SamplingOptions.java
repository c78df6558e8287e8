package dev.reason4j.app.recipes.common;

import dev.reason4j.exec.PythonPoolConfig;
import dev.reason4j.exec.PythonWorkerPool;
import dev.reason4j.recipes.stages.CodeExecutingSampler;
import dev.reason4j.recipes.stages.ResponseSampler;

import dev.reason4j.recipes.stages.SamplingSettings;
import picocli.CommandLine.Option;

/**
 * How responses are sampled: the length and seed every sampling stage shares, the pre-sampling's K, temperature
 * and top-p (given by each recipe, whose defaults differ), and the evaluation on the held-out problems.
 * Before/after comparisons use the same settings and seeds, so they differ only by the model.
 */
public final class SamplingOptions {

    @Option(names = "--max-tokens", defaultValue = "4096",
            description = "Most tokens per response, sampling and evaluation (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--seed", defaultValue = "0",
            description = "Sampling seed; each problem draws from its own stream (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--eval-samples", defaultValue = "1",
            description = "Responses per held-out problem (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--eval-temperature", defaultValue = "0",
            description = "Temperature on the held-out problems; 0 is greedy (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--eval-top-p", defaultValue = "1", description = "Top-p on the held-out problems (default: ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--execute-code",
            description = "Responses are in rStar-Math's code format: run each one's program in the Python sandbox "
                    + "at its <end_of_code> and let the model answer after the real <output>, as search does; step "
                    + "markers stay in the text.")
    boolean executeCode;

    /** How prompts become responses: plain generation, or with each program run in a fresh sandbox pool. */
    public ResponseSampler sampler() {
        return executeCode
                ? new CodeExecutingSampler(PythonWorkerPool.start(PythonPoolConfig.defaults()), true)
                : ResponseSampler.plain();
    }

    /** The pre-sampling: K responses at {@code temperature} and {@code topP}, with these options' length and seed. */
    public SamplingSettings sampling(int k, double temperature, double topP) {
        return new SamplingSettings(k, temperature, topP, maxTokens, seed);
    }

    /** The evaluation's sampling. */
    public SamplingSettings evaluation() {
        return new SamplingSettings(samples, temperature, topP, maxTokens, seed);
    }

    public long seed() {
        return seed;
    }
}
