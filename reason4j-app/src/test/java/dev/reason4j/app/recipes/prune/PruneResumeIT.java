package dev.reason4j.app.recipes.prune;

import static dev.reason4j.app.recipes.common.KilledRuns.assertNoDuplicateResponses;
import static dev.reason4j.app.recipes.common.KilledRuns.assertSameOutputs;
import static dev.reason4j.app.recipes.common.KilledRuns.committed;
import static dev.reason4j.app.recipes.common.KilledRuns.killAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.app.recipes.common.KilledRuns;
import dev.reason4j.app.recipes.common.RecipeFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code reason4j prune} in every stage (pre-sampling, each evaluation, the weights, each
 * training run), each time resuming the same run directory in a new JVM: the run ends with the files of an
 * uninterrupted run, byte for byte, and no problem sampled twice.
 */
class PruneResumeIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void offline() {
        System.setProperty("ai.djl.offline", "true");
    }

    private static List<String> args(RecipeFixture.Problems problems, Path out) {
        List<String> options = new ArrayList<>(RecipeFixture.TRAINING);
        options.addAll(List.of("--m", "2"));
        return RecipeFixture.args("prune", problems, out, options);
    }

    @Test
    void a_run_killed_in_every_stage_ends_as_an_uninterrupted_run() throws Exception {
        RecipeFixture.Problems problems = RecipeFixture.problems();
        Path whole = dir.resolve("whole");
        Path killed = dir.resolve("killed");
        Path log = dir.resolve("children.log");
        List<String> args = args(problems, killed);

        RecipeFixture.Run reference = RecipeFixture.run(args(problems, whole));
        assertThat(reference.code()).as(reference.err()).isZero();

        killAt("samples@2", args, log);
        assertThat(committed(killed.resolve("samples"))).as("killed part-way through sampling").isEqualTo(2);
        killAt("eval baseline@1", args, log);
        killAt("eval fast-prompt@0", args, log);
        killAt("length-harmonizing weights@2", args, log);
        assertThat(committed(killed.resolve("weights"))).isEqualTo(2);
        killAt("train lh@2", args, log);
        killAt("eval o1-pruner@1", args, log);
        killAt("train sft@0", args, log);
        killAt("eval sft@0", args, log);
        killAt("train dpo@1", args, log);
        killAt("eval dpo@2", args, log);
        assertThat(committed(killed.resolve("eval-dpo"))).isEqualTo(2);
        assertThat(killed.resolve("summary.json")).doesNotExist();
        KilledRuns.finish(args, log);

        assertSameOutputs(killed, whole);
        for (String stage : List.of("samples", "eval-baseline", "eval-fast-prompt", "eval-o1-pruner", "eval-sft", "eval-dpo")) {
            assertNoDuplicateResponses(killed.resolve(stage).resolve("responses.jsonl"));
        }
        assertThat(committed(killed.resolve("samples"))).isEqualTo(5);
        assertThat(committed(killed.resolve("weights"))).isEqualTo(5);
    }
}
