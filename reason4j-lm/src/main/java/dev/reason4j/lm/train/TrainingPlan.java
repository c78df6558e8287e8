package dev.reason4j.lm.train;

/**
 * How a run will proceed, known once the data is split: sent to {@link TrainingListener#onStart} before the first step.
 *
 * @param objective the loss
 * @param trainExamples examples trained on
 * @param evalExamples examples held out for the eval loss
 * @param totalSteps optimizer steps in the run
 * @param warmupSteps of which warmup
 * @param startStep optimizer steps already done: 0 for a fresh run, the checkpoint's step on resume
 * @param trainableParameters parameters the optimizer updates
 * @param totalParameters parameters of the model (including a value head and LoRA adapters)
 */
public record TrainingPlan(Objective objective, int trainExamples, int evalExamples, long totalSteps, long warmupSteps,
        long startStep, long trainableParameters, long totalParameters) {

    /** Whether this run continues from a checkpoint. */
    public boolean resumed() {
        return startStep > 0;
    }
}
