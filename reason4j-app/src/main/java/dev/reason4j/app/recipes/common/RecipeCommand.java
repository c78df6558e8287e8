package dev.reason4j.app.recipes.common;

import dev.reason4j.recipes.StageProgress;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * A recipe's command: the options every recipe shares ({@link RecipeOptions}), run from the command line with
 * progress bars ({@link CliStageProgress}), or by a caller embedding the command with its own report of the stages.
 */
public abstract class RecipeCommand implements Callable<Integer> {

    @Mixin
    protected RecipeOptions recipe;

    @Spec
    protected CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        return execute(new CliStageProgress());
    }

    /**
     * Runs (or resumes) the recipe with the parsed options.
     *
     * @return the exit code
     */
    public abstract int execute(StageProgress progress);
}
