package dev.reason4j.app.recipes.export;

import static dev.reason4j.app.recipes.common.RecipeFixture.readJson;
import static dev.reason4j.app.recipes.common.RecipeFixture.readJsonl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.app.recipes.common.RecipeFixture;
import dev.reason4j.recipes.DataSetFiles;
import dev.reason4j.recipes.JsonlOutput;
import dev.reason4j.recipes.ResumableStage;
import dev.reason4j.recipes.SftRecord;
import dev.reason4j.recipes.StageResult;
import dev.reason4j.recipes.StepPairsRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reason4j export} over an evolution round's stage (policy SFT data and PPM step pairs), and its errors;
 * the shorten and prune runs are exported in their own command tests.
 */
class ExportCommandTest {

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();

    /** An extraction stage as evolve writes it: its data sets and the summary that lists them. */
    private Path evolveRound() {
        Path stage = dir.resolve("run/round-1/extract");
        try (JsonlOutput sft = JsonlOutput.open(DataSetFiles.file(stage, "policy_sft"), mapper);
                JsonlOutput pairs = JsonlOutput.open(DataSetFiles.file(stage, "ppm_pairs"), mapper)) {
            sft.write(new SftRecord("p1", "What is 2+3?", "Q: What is 2+3?\n", "2+3=5 \\boxed{5}", "p1/t0").toJson(mapper));
            sft.commit();
            pairs.write(new StepPairsRecord("p1", "What is 2+3?", "Q: What is 2+3?\n", List.of("step 1\n"),
                    List.of("good a\n", "good b\n"), List.of("bad\n"), List.of(0.8, 0.6), List.of(-0.5), false, "p1/n1")
                    .toJson(mapper));
            pairs.commit();
        }
        new StageResult(new ResumableStage.Counts(1, 0, 1), Map.of("policy_sft", 1L, "ppm_pairs", 1L), Map.of())
                .writeSummary(stage, mapper);
        return dir.resolve("run");
    }

    @Test
    void should_export_policy_sft_and_flattened_ppm_pairs_of_an_evolve_round() {
        Path out = dir.resolve("factory");

        RecipeFixture.Run run = RecipeFixture.run(List.of("export", "--format", "llamafactory", "--run",
                evolveRound().toString(), "--out", out.toString()));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("round-1.extract.ppm_pairs").contains("exported 2 of 2 data sets");
        List<JsonNode> pairs = readJsonl(out.resolve("round-1.extract.ppm_pairs.jsonl"));
        assertThat(pairs).as("2 positives × 1 negative").hasSize(2);
        assertThat(pairs.get(0).get("chosen").asText()).isEqualTo("step 1\ngood a\n");
        assertThat(readJsonl(out.resolve("round-1.extract.policy_sft.jsonl")).get(0).get("output").asText())
                .isEqualTo("2+3=5 \\boxed{5}");
        JsonNode registry = readJson(out.resolve("dataset_info.json"));
        assertThat(registry.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("round-1.extract.policy_sft", "round-1.extract.ppm_pairs");
    }

    @Test
    void should_say_what_is_wrong_with_the_run_or_the_format() {
        Path empty = dir.resolve("empty");
        RecipeFixture.Run noDataSets = RecipeFixture.run(List.of("export", "--format", "trl", "--run",
                dir.toString(), "--out", empty.toString()));
        RecipeFixture.Run badFormat = RecipeFixture.run(List.of("export", "--format", "axolotl", "--run",
                evolveRound().toString(), "--out", empty.toString()));

        assertThat(noDataSets.code()).isEqualTo(2);
        assertThat(noDataSets.err()).contains("no data sets");
        assertThat(badFormat.code()).isEqualTo(2);
        assertThat(badFormat.err()).contains("unknown export format 'axolotl'; use trl or llamafactory");
        assertThat(empty).doesNotExist();
    }
}
