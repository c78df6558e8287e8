package dev.reason4j.app.recipes.shorten;

import static dev.reason4j.app.recipes.common.KilledRuns.assertNoDuplicateResponses;
import static dev.reason4j.app.recipes.common.KilledRuns.assertSameOutputs;
import static dev.reason4j.app.recipes.common.KilledRuns.committed;
import static dev.reason4j.app.recipes.common.KilledRuns.killAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.app.recipes.common.KilledRuns;
import dev.reason4j.app.recipes.common.RecipeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code reason4j shorten} in every stage, each time resuming the same run directory in a new
 * JVM: the run ends with the files of an uninterrupted run, byte for byte (responses, targets and pairs, the trained
 * weights, the summaries), and no problem sampled twice.
 */
class ShortenResumeIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void offline() {
        System.setProperty("ai.djl.offline", "true");
    }

    @Test
    void a_run_killed_in_every_stage_ends_as_an_uninterrupted_run() throws Exception {
        RecipeFixture.Problems problems = RecipeFixture.problems();
        Path whole = dir.resolve("whole");
        Path killed = dir.resolve("killed");
        Path log = dir.resolve("children.log");
        List<String> args = RecipeFixture.args("shorten", problems, killed, RecipeFixture.TRAINING);

        RecipeFixture.Run reference = RecipeFixture.run(RecipeFixture.args("shorten", problems, whole,
                RecipeFixture.TRAINING));
        assertThat(reference.code()).as(reference.err()).isZero();

        killAt("samples@2", args, log);
        assertThat(committed(killed.resolve("samples"))).as("killed part-way through sampling").isEqualTo(2);
        killAt("eval before@0", args, log);
        assertThat(committed(killed.resolve("samples"))).isEqualTo(5);
        assertThat(committed(killed.resolve("eval-before"))).isZero();
        killAt("eval before@1", args, log);
        killAt("short targets@0", args, log);
        killAt("short targets@3", args, log);
        assertThat(committed(killed.resolve("targets"))).isEqualTo(3);
        killAt("train simpo@0", args, log);
        killAt("train simpo@2", args, log);
        assertThat(killed.resolve("train/checkpoints")).as("killed after a checkpoint").isDirectory();
        killAt("eval after@0", args, log);
        killAt("eval after@2", args, log);
        assertThat(killed.resolve("summary.json")).doesNotExist();
        KilledRuns.finish(args, log);

        assertSameOutputs(killed, whole);
        assertNoDuplicateResponses(killed.resolve("samples/responses.jsonl"));
        assertNoDuplicateResponses(killed.resolve("eval-after/responses.jsonl"));
        assertThat(committed(killed.resolve("samples"))).isEqualTo(5);
        assertThat(committed(killed.resolve("eval-after"))).isEqualTo(3);
    }
}
