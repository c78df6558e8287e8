package dev.reason4j.recipes.export;

import static dev.reason4j.recipes.HandSplit.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.recipes.HandSplit;
import dev.reason4j.recipes.PromptRendering;
import dev.reason4j.recipes.RecipeInputException;
import dev.reason4j.recipes.StageProgress;
import dev.reason4j.recipes.prune.PruneOptions;
import dev.reason4j.recipes.prune.PruneStage;
import dev.reason4j.recipes.shorten.ShortenStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's data sets are found through its stages' summaries and named after their stage directory. */
class RunDataSetsTest {

    @TempDir
    Path tmp;

    private Path responses() throws Exception {
        return HandSplit.write(tmp.resolve("responses.jsonl"), List.of(single("p", 0, 30, true),
                single("p", 1, 80, false), single("q", 0, 40, false), single("q", 1, 50, false)));
    }

    @Test
    void should_name_each_data_set_after_its_stage_directory_and_count_its_records() throws Exception {
        Path run = tmp.resolve("run");
        new ShortenStage(PromptRendering.QUESTION).run(responses(), run.resolve("targets"), StageProgress.NONE);
        new PruneStage(PruneOptions.defaults(), PromptRendering.QUESTION)
                .run(responses(), run.resolve("round-1").resolve("weights"), StageProgress.NONE);
        Files.writeString(run.resolve("summary.json"), "{\"recipe\": \"shorten\"}"); // a recipe summary lists none

        List<RunDataSets.Found> found = RunDataSets.find(run);

        assertThat(found).extracting(RunDataSets.Found::name).containsExactly(
                "round-1.weights.dpo_shortest_longest", "round-1.weights.lh_weights",
                "round-1.weights.sft_two_shortest", "targets.pairs_fcs", "targets.pairs_fcs_reflection",
                "targets.pairs_gds", "targets.pairs_shortest", "targets.sft_fcs", "targets.sft_fcs_reflection",
                "targets.sft_gds", "targets.sft_shortest");
        RunDataSets.Found lh = found.get(1);
        assertThat(lh.file()).isEqualTo(run.resolve("round-1/weights/lh_weights.jsonl"));
        assertThat(lh.records()).as("4 samples, all drawn").isEqualTo(4);
        assertThat(found.get(3).records()).as("one problem with a correct sample shorter than its longest").isEqualTo(1);
    }

    @Test
    void should_keep_the_own_names_of_a_stage_given_as_the_run() throws Exception {
        Path stage = tmp.resolve("weights");
        new PruneStage(PruneOptions.defaults(), PromptRendering.QUESTION).run(responses(), stage, StageProgress.NONE);

        assertThat(RunDataSets.find(stage)).extracting(RunDataSets.Found::name)
                .containsExactly("dpo_shortest_longest", "lh_weights", "sft_two_shortest");
    }

    @Test
    void should_name_a_missing_data_set_file_and_a_missing_run() throws Exception {
        Path stage = tmp.resolve("weights");
        new PruneStage(PruneOptions.defaults(), PromptRendering.QUESTION).run(responses(), stage, StageProgress.NONE);
        Files.delete(stage.resolve("lh_weights.jsonl"));

        assertThatThrownBy(() -> RunDataSets.find(stage)).isInstanceOf(RecipeInputException.class)
                .hasMessageContaining("data set 'lh_weights' names").hasMessageContaining("which does not exist");
        assertThatThrownBy(() -> RunDataSets.find(tmp.resolve("nowhere"))).hasMessageContaining("not a run directory");
    }
}
