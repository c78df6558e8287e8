package dev.reason4j.app.recipes.prune;

import static dev.reason4j.app.recipes.common.RecipeFixture.readJson;
import static dev.reason4j.app.recipes.common.RecipeFixture.readJsonl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.app.recipes.common.RecipeFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reason4j prune} end to end on the tiny random-weight Qwen2 fixture (plumbing, not effect): pre-samples,
 * weights, the length-harmonizing run and the three baselines, and the final table against the reference model.
 */
class PruneCommandTest {

    @TempDir
    static Path dir;

    private static Path out;
    private static RecipeFixture.Run run;

    @BeforeAll
    static void runOnce() {
        System.setProperty("ai.djl.offline", "true");
        RecipeFixture.Problems problems = RecipeFixture.problems();
        out = dir.resolve("run");
        List<String> options = new ArrayList<>(RecipeFixture.TRAINING);
        options.addAll(List.of("--m", "2"));
        run = RecipeFixture.run(RecipeFixture.args("prune", problems, out, options));
    }

    @Test
    void should_weight_the_pre_samples_train_every_method_and_score_it_against_the_reference_model() {
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode summary = readJson(out.resolve("summary.json"));
        JsonNode rows = summary.get("comparison");
        assertThat(rows).extracting(r -> r.get("method").asText())
                .containsExactly("baseline", "fast-prompt", "o1-pruner", "sft", "dpo");
        for (String method : List.of("o1-pruner", "sft", "dpo")) {
            assertThat(out.resolve("train-" + method + "/model.safetensors")).isRegularFile();
            assertThat(summary.at("/stages/train-" + method + "/steps").asLong()).isEqualTo(3);
        }
        assertThat(readJson(out.resolve("train-o1-pruner/run.json")).get("command").asText()).isEqualTo("train lh");
        assertThat(readJson(out.resolve("train-dpo/run.json")).get("command").asText()).isEqualTo("train dpo");

        List<JsonNode> weights = readJsonl(out.resolve("weights/lh_weights.jsonl"));
        assertThat(weights).as("m = 2 of the K = 4 samples of each of 5 problems").hasSize(10);
        double mean = weights.stream().mapToDouble(w -> w.get("advantage").asDouble()).average().orElseThrow();
        assertThat(mean).as("advantages are z-scored").isCloseTo(0, within(1e-9));
        assertThat(weights).allSatisfy(w -> assertThat(w.get("raw_weight").asDouble()).isBetween(-2.0, 4.0));

        JsonNode baseline = readJson(out.resolve("eval-baseline/summary.json"));
        for (int i = 1; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            JsonNode eval = readJson(out.resolve("eval-" + row.get("method").asText() + "/summary.json"));
            assertThat(row.get("accuracy").asDouble()).isEqualTo(eval.get("accuracy").asDouble());
            double deltaLength = (baseline.get("mean_tokens").asDouble() - eval.get("mean_tokens").asDouble())
                    / baseline.get("mean_tokens").asDouble();
            double deltaAccuracy = (eval.get("accuracy").asDouble() - baseline.get("accuracy").asDouble())
                    / baseline.get("accuracy").asDouble();
            double aes = deltaAccuracy >= 0 ? deltaLength + 3 * deltaAccuracy : deltaLength + 5 * deltaAccuracy;
            assertThat(row.get("aes").asDouble()).as(row.get("method").asText()).isCloseTo(aes, within(1e-9));
        }
        assertThat(run.out()).containsPattern("(?m)^o1-pruner +\\d").containsPattern("(?m)^fast-prompt +\\d");
    }

    @Test
    void should_export_the_weights_and_the_baselines_data() {
        Path trl = dir.resolve("trl");

        RecipeFixture.Run export = RecipeFixture.run(List.of("export", "--format", "trl", "--run", out.toString(),
                "--out", trl.toString()));

        assertThat(export.code()).as(export.err()).isZero();
        List<JsonNode> lh = readJsonl(trl.resolve("weights.lh_weights.jsonl"));
        assertThat(lh).hasSize(10).allSatisfy(r -> assertThat(r.has("advantage")).isTrue());
        assertThat(lh.get(0).get("prompt").asText()).startsWith("Question: ");
        assertThat(readJsonl(trl.resolve("weights.sft_two_shortest.jsonl")))
                .hasSameSizeAs(readJsonl(out.resolve("weights/sft_two_shortest.jsonl")));
        assertThat(readJsonl(trl.resolve("weights.dpo_shortest_longest.jsonl")))
                .allSatisfy(r -> assertThat(r.has("chosen") && r.has("rejected")).isTrue());
    }

    @Test
    void should_hold_out_problems_of_the_training_file_and_run_only_the_baselines_asked_for() {
        Path held = dir.resolve("held-out");
        List<String> args = new ArrayList<>(List.of("prune", "--model", RecipeFixture.MODEL.toString(), "--data",
                RecipeFixture.problems().train().toString(), "--eval-size", "2", "--baselines", "none", "--out",
                held.toString(), "--device", "cpu", "--threads", "1"));
        args.addAll(RecipeFixture.SAMPLING);
        args.addAll(RecipeFixture.TRAINING);

        RecipeFixture.Run r = RecipeFixture.run(args);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 training problems, 2 held out");
        assertThat(readJson(held.resolve("summary.json")).get("comparison")).extracting(row -> row.get("method").asText())
                .containsExactly("baseline", "o1-pruner");
        assertThat(held.resolve("train-sft")).doesNotExist();
        assertThat(held.resolve("eval-fast-prompt")).doesNotExist();
        assertThat(readJsonl(held.resolve("weights/lh_weights.jsonl"))).as("m = 16 takes all K = 4 of 3 problems")
                .hasSize(12);
    }

    @Test
    void should_ask_the_fast_solving_prompt_to_be_quick_and_record_both_prompts() {
        JsonNode manifest = readJson(out.resolve("run.json"));
        JsonNode fast = readJson(out.resolve("eval-fast-prompt/run.json"));

        assertThat(fast.at("/config/prompt").asText()).contains("Solve this problem quickly");
        assertThat(manifest.at("/config/fast_prompt").asText()).contains("Solve this problem quickly");
        assertThat(manifest.at("/config/weights/lambda").asDouble()).isEqualTo(2.0);
        assertThat(manifest.get("seeds").fieldNames()).toIterable()
                .containsExactly("sampling", "evaluation", "sample_draw", "training");
    }
}
