package dev.reason4j.lm.train;

import java.nio.file.Path;

/** Hears about a run as it goes: progress bars, metrics JSONL, tests. Calls come from the training thread. */
public interface TrainingListener {

    /** Does nothing. */
    TrainingListener NONE = new TrainingListener() {};

    /** Before the first step, with the split and step counts. */
    default void onStart(TrainingPlan plan) {}

    /** After each optimizer step. */
    default void onStep(StepMetrics metrics) {}

    /** After a resumable checkpoint was written for {@code step}. */
    default void onCheckpoint(long step, Path dir) {}

    /** After the final model was saved. */
    default void onFinish(TrainingResult result) {}
}
