package dev.reason4j.recipes.prune;

import dev.reason4j.recipes.PromptRendering;
import dev.reason4j.recipes.StageProgress;
import java.nio.file.Path;

/**
 * A child process for {@link PruneStageKillTest}: runs the O1-Pruner data stage on {@code args[0]} into
 * {@code args[1]} and prints {@code committed} after each problem, then {@code finished}. The test kills it with
 * SIGKILL part-way.
 */
public final class KillableStage {

    private static final String PADDING = ".".repeat(200);

    private KillableStage() {}

    static PruneStage stage() {
        return new PruneStage(new PruneOptions(2, -2, 4, 3, 11), PromptRendering.QUESTION);
    }

    public static void main(String[] args) {
        stage().run(Path.of(args[0]), Path.of(args[1]), new StageProgress() {
            @Override
            public void start(String name, long total, long alreadyDone) {}

            @Override
            public void step() {
                // padded so that the pipe to the test holds few lines: a blocked child cannot run far ahead of the kill
                System.out.println("committed " + PADDING);
            }

            @Override
            public void finish() {}
        });
        System.out.println("finished");
    }
}
