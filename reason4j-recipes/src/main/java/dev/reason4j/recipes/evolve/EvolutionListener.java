package dev.reason4j.recipes.evolve;

import dev.reason4j.recipes.StageProgress;

/** Hears about a self-evolution run as it goes; calls come from the thread that runs it. */
public interface EvolutionListener {

    /**
     * The progress of a stage that is about to run: problems searched (synthesis, eval), problems whose trees are
     * extracted (data) or optimizer steps (policy, PPM).
     */
    StageProgress progress(int round, EvolutionStage stage);

    /**
     * A stage of a round is complete.
     *
     * @param earlier whether an earlier run completed it (this run skipped it as done)
     */
    void onStage(int round, EvolutionStage stage, StageOutcome outcome, boolean earlier);
}
