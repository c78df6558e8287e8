package dev.reason4j.lm.train;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How a run ended.
 *
 * @param modelDir the trained model in HF layout (config.json, model.safetensors, tokenizer files), loadable by this
 *     project's engine and by {@code transformers}
 * @param steps optimizer steps done in all (across resumes)
 * @param startStep the step this process resumed from (0 for a fresh run)
 * @param finalLoss the last step's training loss
 * @param evalLoss the final eval-set loss, when an eval set was held out
 * @param tokens tokens fed in all (across resumes)
 * @param seconds wall time of this process's part of the run
 * @param tokensPerSecond throughput of this process's part of the run
 */
public record TrainingResult(Path modelDir, long steps, long startStep, double finalLoss, OptionalDouble evalLoss,
        long tokens, double seconds, double tokensPerSecond) {

    public TrainingResult {
        Objects.requireNonNull(modelDir, "modelDir");
        Objects.requireNonNull(evalLoss, "evalLoss");
    }
}
