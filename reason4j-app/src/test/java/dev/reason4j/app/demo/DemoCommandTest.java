package dev.reason4j.app.demo;

import static dev.reason4j.app.recipes.common.RecipeFixture.readJson;
import static dev.reason4j.app.recipes.common.RecipeFixture.readJsonl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.app.recipes.common.RecipeFixture;
import dev.reason4j.core.provenance.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reason4j demo --tiny} end to end on the random-weight Qwen2 fixture and a PPM trained on it for two steps
 * (plumbing, not effect: the fixture solves no testbed problem): every part's run directory and numbers, summary.json
 * against those files, the report, a finished run resumed without work, no PPM, and another job refused.
 */
class DemoCommandTest {

    private static final List<String> STRATEGIES = List.of("greedy", "maj@2", "best-of-2", "beam-1x2", "mcts",
            "adaptive-mcts");

    @TempDir
    static Path dir;

    private static Path ppm;
    private static Path out;
    private static RecipeFixture.Run first;

    @BeforeAll
    static void runOnce() throws IOException {
        System.setProperty("ai.djl.offline", "true");
        Path pairs = Files.writeString(dir.resolve("ppm.jsonl"), """
                {"prompt": "Q: 2+3*4?\\n", "prefix_steps": ["3*4=12\\n"], "positive": ["2+12=14\\n"], "negative": ["2+12=15\\n"]}
                {"prompt": "Q: 7-2?\\n", "positive": ["7-2=5\\n"], "negative": ["7-2=4\\n"]}
                """);
        ppm = dir.resolve("ppm");
        RecipeFixture.Run trained = RecipeFixture.run(List.of("train", "ppm", "--model", RecipeFixture.MODEL.toString(),
                "--data", pairs.toString(), "--out", ppm.toString(), "--max-steps", "2", "--threads", "1"));
        assertThat(trained.code()).as(trained.err()).isZero();
        out = dir.resolve("demo");
        // cot steps: the fixture's code steps fail and are dropped before the PPM could score them
        first = RecipeFixture.run(demo(out, "--ppm", ppm.toString(), "--search-protocol", "cot"));
    }

    private static List<String> demo(Path run, String... extra) {
        List<String> args = new ArrayList<>(List.of("demo", "--tiny", "--model", RecipeFixture.MODEL.toString(), "--out",
                run.toString(), "--threads", "1"));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void should_run_the_six_strategies_and_count_them_by_difficulty() {
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("$ reason4j eval ").contains("--strategy greedy,maj,bon,beam,mcts,adaptive")
                .containsPattern("(?m)^strategies: \\d+\\.\\d s$");
        List<JsonNode> records = readJsonl(out.resolve("strategies/results.jsonl"));
        assertThat(records).hasSize(2 * STRATEGIES.size());

        JsonNode rows = readJson(out.resolve("summary.json")).at("/parts/strategies/strategies");
        assertThat(rows).extracting(r -> r.get("strategy").asText()).containsExactlyElementsOf(STRATEGIES);
        for (JsonNode row : rows) {
            List<JsonNode> mine = records.stream()
                    .filter(r -> r.get("strategy").asText().equals(row.get("strategy").asText())).toList();
            long correct = mine.stream().filter(r -> r.get("correct").asBoolean()).count();
            double tokens = mine.stream().mapToLong(r -> r.at("/usage/generated_tokens").asLong()).sum() / 2.0;
            assertThat(row.get("problems").asLong()).isEqualTo(2);
            assertThat(row.get("accuracy").asDouble()).isEqualTo(correct / 2.0);
            assertThat(row.get("mean_generated_tokens").asDouble()).isEqualTo(tokens).isPositive();
            assertThat(row.get("by_difficulty")).extracting(d -> d.get("difficulty").asText())
                    .as("one held-out problem of each of the first two tiers").containsExactly("1", "2");
        }
        assertThat(rows.get(2).get("reward_requests").asLong()).as("best-of-2 asks the PPM").isPositive();
        assertThat(rows.get(0).get("reward_requests").asLong()).as("greedy does not").isZero();
    }

    @Test
    void should_analyse_the_sampled_responses_and_run_both_recipes() {
        JsonNode parts = readJson(out.resolve("summary.json")).get("parts");

        JsonNode overthinking = parts.get("overthinking");
        List<JsonNode> responses = readJsonl(out.resolve("overthinking/responses.jsonl"));
        assertThat(overthinking.get("responses").asLong()).isEqualTo(responses.size());
        assertThat(responses.size() + overthinking.at("/issues/total").asLong()).as("K = 2 per problem").isEqualTo(4);
        assertThat(overthinking.get("mean_tokens").asDouble()).isCloseTo(
                responses.stream().mapToLong(r -> r.get("tokens").asLong()).average().orElseThrow(), within(1e-9));
        assertThat(readJson(out.resolve("overthinking/run.json")).at("/config/stage").asText()).isEqualTo("overthinking");

        assertThat(parts.at("/shorten/skipped").asText()).as("the fixture answers no testbed problem")
                .contains("nothing to train on");
        assertThat(out.resolve("shorten/samples/responses.jsonl")).isRegularFile();
        assertThat(first.out()).contains("not trained: nothing to train on");

        JsonNode prune = parts.get("prune");
        assertThat(prune.get("comparison")).isEqualTo(readJson(out.resolve("prune/summary.json")).get("comparison"));
        assertThat(prune.get("comparison")).extracting(r -> r.get("method").asText())
                .containsExactly("baseline", "fast-prompt", "o1-pruner", "sft", "dpo");
        assertThat(out.resolve("prune/train-o1-pruner/model.safetensors")).isRegularFile();
        assertThat(first.out()).containsPattern("(?m)^o1-pruner +2 ");
    }

    @Test
    void should_write_every_number_with_its_provenance_to_summary_json() {
        JsonNode summary = readJson(out.resolve("summary.json"));

        assertThat(summary.fieldNames()).toIterable()
                .containsExactly("mode", "models", "problems", "settings", "parts", "timings", "provenance");
        assertThat(summary.get("mode").asText()).isEqualTo("tiny");
        assertThat(summary.at("/models/ppm").asText()).isEqualTo(ppm.toAbsolutePath().normalize().toString());
        assertThat(summary.at("/problems/test").asInt()).isEqualTo(2);
        assertThat(readJsonl(out.resolve(summary.at("/problems/test_file").asText()))).hasSize(2);
        assertThat(readJsonl(out.resolve(summary.at("/problems/train_file").asText()))).hasSize(3);
        assertThat(summary.at("/settings/size/search/max_step_tokens").asInt()).isEqualTo(8);
        assertThat(summary.get("parts").fieldNames()).toIterable()
                .containsExactly("strategies", "overthinking", "shorten", "prune");
        JsonNode timings = summary.get("timings");
        double sum = 0;
        for (String part : List.of("strategies", "overthinking", "shorten", "prune")) {
            assertThat(timings.get(part).asDouble()).isPositive();
            sum += timings.get(part).asDouble();
        }
        assertThat(timings.get("total").asDouble()).isCloseTo(sum, within(1e-9));

        JsonNode provenance = summary.get("provenance");
        assertThat(provenance.get("command").asText()).isEqualTo("demo");
        assertThat(provenance.at("/seeds/world").asLong()).isEqualTo(1);
        List<String> hashes = new ArrayList<>();
        provenance.get("inputs").forEach(i -> hashes.add(i.get("sha256").asText()));
        assertThat(hashes).contains(Hashing.sha256(RecipeFixture.MODEL.resolve("model.safetensors")),
                Hashing.sha256(ppm.resolve("model.safetensors")));
    }

    @Test
    void should_write_one_self_contained_report_with_every_parts_tables_and_charts() throws IOException {
        String html = Files.readString(out.resolve("report.html"));

        assertThat(html).contains("<h2>(a) Search strategies</h2>", "<h2>(b) Overthinking of the base model</h2>",
                "(c) Shorter reasoning: shorten", "(c) Shorter reasoning: prune", "<h2>Time</h2>", "<h2>Provenance</h2>");
        assertThat(html).contains("Accuracy by difficulty", "Generated tokens per problem", "Solution rounds per response",
                "Response length (CDF)", "Accuracy before and after", "Mean tokens before and after");
        STRATEGIES.forEach(s -> assertThat(html).contains("<td>" + s + "</td>"));
        assertThat(html).contains("Not trained: nothing to train on");
        assertThat(html.split("<svg", -1)).as("7 charts").hasSize(8);
        assertThat(html).doesNotContainPattern("(src|href)=\"https?:");
    }

    @Test
    void should_resume_a_finished_run_without_running_anything() throws IOException {
        Map<Path, FileTime> before = runFiles(out);
        JsonNode parts = readJson(out.resolve("summary.json")).get("parts");

        RecipeFixture.Run again = RecipeFixture.run(demo(out, "--ppm", ppm.toString(), "--search-protocol", "cot"));

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out().split("done by an earlier run", -1)).as("all four parts").hasSize(5);
        assertThat(again.out()).doesNotContain("$ reason4j");
        assertThat(runFiles(out)).as("no part's run directory was written").isEqualTo(before);
        assertThat(readJson(out.resolve("summary.json")).get("parts")).isEqualTo(parts);
    }

    @Test
    void should_skip_the_strategies_that_need_a_ppm_and_say_so() throws IOException {
        Path run = dir.resolve("no-ppm");

        RecipeFixture.Run r = RecipeFixture.run(demo(run));

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode strategies = readJson(run.resolve("summary.json")).at("/parts/strategies");
        assertThat(strategies.get("strategies")).extracting(s -> s.get("strategy").asText())
                .containsExactly("greedy", "maj@2", "mcts", "adaptive-mcts");
        assertThat(strategies.get("skipped")).extracting(s -> s.get("strategy").asText())
                .containsExactly("best-of-2", "beam-1x2");
        assertThat(strategies.at("/skipped/0/reason").asText()).contains("needs a PPM").contains("no --ppm given");
        assertThat(r.out()).containsPattern("(?m)^best-of-2 +skipped: needs a PPM");
        assertThat(Files.readString(run.resolve("report.html"))).contains("No PPM:");
        assertThat(readJson(run.resolve("strategies/run.json")).at("/config/protocol").asText()).as("the default")
                .isEqualTo("code");
    }

    @Test
    void should_refuse_another_mode_in_the_same_directory_and_a_directory_that_is_no_model() {
        RecipeFixture.Run other = RecipeFixture.run(List.of("demo", "--quick", "--model", RecipeFixture.MODEL.toString(),
                "--ppm", ppm.toString(), "--search-protocol", "cot", "--out", out.toString()));
        RecipeFixture.Run noModel = RecipeFixture.run(List.of("demo", "--tiny", "--model", dir.toString(), "--out",
                dir.resolve("bad").toString()));

        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("reason4j demo:").contains("mode");
        assertThat(noModel.code()).isEqualTo(2);
        assertThat(noModel.err()).contains("--model " + dir).contains("no config.json");
    }

    /** Every file under the parts' run directories with its modification time. */
    private static Map<Path, FileTime> runFiles(Path run) throws IOException {
        Map<Path, FileTime> files = new LinkedHashMap<>();
        for (String part : List.of("strategies", "overthinking", "shorten", "prune")) {
            try (Stream<Path> walk = Files.walk(run.resolve(part))) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    files.put(f, Files.getLastModifiedTime(f));
                }
            }
        }
        return files;
    }
}
