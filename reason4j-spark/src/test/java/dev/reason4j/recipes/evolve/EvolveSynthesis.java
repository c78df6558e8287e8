package dev.reason4j.recipes.evolve;

import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.recipes.StageProgress;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code reason4j evolve}'s synthesis stage on one machine, put together as {@link SelfEvolution} puts a round's
 * together ({@link SearchStage} over {@link RoundSynthesis#strategy}, {@link SearchModels} with the oracle and the
 * previous PPM): the reference the Spark synthesis job is compared with. It sits in evolve's package because those
 * two classes are evolve's own.
 */
public final class EvolveSynthesis {

    private EvolveSynthesis() {}

    /**
     * Searches {@code problems} into {@code dir} with the round's policy and PPM (null in round 1).
     *
     * @return the stage's {@code results.jsonl}
     */
    public static Path run(Path dir, List<Problem> problems, MctsSettings mcts, long seed, EvolutionModels models,
            Path policy, Path ppm) {
        MathGrader grader = MathGrader.withDefaults();
        SearchStage search = new SearchStage(RoundSynthesis.strategy(mcts), seed, mcts.batch(), true, grader,
                p -> ProblemFile.difficulty(p, null).orElse(null));
        search.run(dir, RunManifest.builder("evolve-synthesis").seed("search", seed).build(), problems,
                () -> SearchModels.open(models, mcts, grader, policy, ppm, true), StageProgress.NONE);
        return dir.resolve(SearchStage.RESULTS);
    }
}
