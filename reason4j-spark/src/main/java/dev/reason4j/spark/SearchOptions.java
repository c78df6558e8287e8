package dev.reason4j.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an executor needs to search: where the policy runs, step format and prompt, sampling, the strategies'
 * parameters, the reward model and the sandbox. Executors open one {@link ExecutorSession} per distinct value and
 * share it among their tasks, so this is also that cache's key.
 */
public record SearchOptions(PolicySource policy, StepOptions steps, SamplingOptions sampling,
        StrategyOptions strategies, RewardOptions reward, SandboxOptions sandbox) implements Serializable {

    public SearchOptions {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(strategies, "strategies");
        Objects.requireNonNull(reward, "reward");
        Objects.requireNonNull(sandbox, "sandbox");
    }

    /**
     * The options that decide results, under the names {@code reason4j eval} records in its {@code run.json}; where
     * the policy runs is left out (the same model behind other servers gives the same results), except the served
     * model's name and an in-process model's directory.
     */
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("model", policy instanceof PolicySource.InProcess p ? p.modelDir() : null);
        c.put("served_model", policy instanceof PolicySource.Endpoints e ? e.servedModel() : null);
        c.put("protocol", steps.protocol().name());
        c.put("prompt_template", steps.promptTemplate());
        c.put("chat", steps.chat());
        c.put("system", steps.system());
        c.put("reward", reward.reward().name());
        c.put("ppm", reward.ppm());
        c.put("orm", reward.orm());
        c.put("raw_scores", reward.rawScores());
        c.put("selection", strategies.selection().name());
        c.put("temperature", sampling.temperature());
        c.put("top_p", sampling.topP());
        c.put("max_step_tokens", sampling.maxStepTokens());
        c.put("max_depth", sampling.maxDepth());
        c.put("budget", sampling.budget());
        c.put("lockstep", sampling.lockstep());
        c.put("samples", strategies.samples());
        c.put("aggregate", strategies.aggregate().name());
        c.put("beam_width", strategies.beamWidth());
        c.put("beam_samples", strategies.beamSamples());
        c.put("candidates", strategies.candidates());
        c.put("rollouts", strategies.rollouts());
        c.put("exploration", strategies.exploration());
        c.put("rstar_quirks", strategies.rstarQuirks());
        c.put("min_rollouts", strategies.minRollouts());
        c.put("max_rollouts", strategies.maxRollouts());
        c.put("settle_share", strategies.settleShare());
        c.put("settle_score", strategies.settleScore());
        c.put("max_code_errors", steps.maxCodeErrors());
        if (policy instanceof PolicySource.InProcess p) {
            c.put("dtype", p.dtype());
        }
        return c;
    }
}
