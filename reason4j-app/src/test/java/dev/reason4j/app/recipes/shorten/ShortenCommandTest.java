package dev.reason4j.app.recipes.shorten;

import static dev.reason4j.app.recipes.common.RecipeFixture.readJson;
import static dev.reason4j.app.recipes.common.RecipeFixture.readJsonl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.app.recipes.common.RecipeFixture;
import dev.reason4j.app.serve.OpenAiServer;
import dev.reason4j.app.serve.ServeConfig;
import dev.reason4j.core.provenance.Hashing;
import dev.reason4j.torch.TorchLanguageModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reason4j shorten} end to end on the tiny random-weight Qwen2 fixture (plumbing, not effect): every stage's
 * files, the numbers of summary.json against those files, provenance, a finished run resumed, another job refused.
 */
class ShortenCommandTest {

    @TempDir
    static Path dir;

    private static RecipeFixture.Problems problems;
    private static Path out;
    private static RecipeFixture.Run first;

    @BeforeAll
    static void runOnce() {
        System.setProperty("ai.djl.offline", "true");
        problems = RecipeFixture.problems();
        out = dir.resolve("run");
        first = RecipeFixture.run(args(out, List.of()));
    }

    private static List<String> args(Path run, List<String> extra) {
        List<String> options = new ArrayList<>(RecipeFixture.TRAINING);
        options.addAll(extra);
        return RecipeFixture.args("shorten", problems, run, options);
    }

    @Test
    void should_sample_shorten_train_and_evaluate_into_one_run_directory() {
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("5 training problems, 3 held out")
                .contains("trained simpo on targets/pairs_fcs_reflection.jsonl: 3 steps")
                .containsPattern("(?m)^before +6 ").containsPattern("(?m)^after +6 ");
        JsonNode summary = readJson(out.resolve("summary.json"));
        JsonNode stages = summary.get("stages");

        List<JsonNode> samples = readJsonl(out.resolve("samples/responses.jsonl"));
        assertThat(stages.at("/samples/problems").asLong()).isEqualTo(5);
        assertThat(stages.at("/samples/responses").asLong()).isEqualTo(samples.size());
        assertThat(samples.size() + stages.at("/samples/issues").asLong()).as("K = 4 per problem").isEqualTo(20);
        assertThat(samples).extracting(s -> s.get("problem_key").asText() + "/" + s.get("sample").asInt())
                .doesNotHaveDuplicates();
        assertThat(samples).filteredOn(s -> s.get("correct").asBoolean()).as("the fixture's golds are hit").isNotEmpty();

        long pairs = readJsonl(out.resolve("targets/pairs_fcs_reflection.jsonl")).size();
        assertThat(stages.at("/targets/records/pairs_fcs_reflection").asLong()).isEqualTo(pairs).isPositive();
        JsonNode pair = readJsonl(out.resolve("targets/pairs_fcs_reflection.jsonl")).get(0);
        assertThat(pair.get("prompt").asText()).startsWith("Question: ").endsWith("within \\boxed{}.\nAnswer:");

        assertThat(stages.at("/train/steps").asLong()).isEqualTo(3);
        assertThat(stages.at("/train/final_loss").asDouble()).isFinite();
        assertThat(out.resolve("train/model.safetensors")).isRegularFile();
        assertThat(out.resolve("train/config.json")).isRegularFile();

        JsonNode before = readJson(out.resolve("eval-before/summary.json"));
        JsonNode after = readJson(out.resolve("eval-after/summary.json"));
        JsonNode rows = summary.get("comparison");
        assertThat(rows.get(0).get("method").asText()).isEqualTo("before");
        assertThat(rows.get(0).get("accuracy").asDouble()).isEqualTo(before.get("accuracy").asDouble()).isPositive();
        assertThat(rows.get(1).get("mean_tokens").asDouble()).isEqualTo(after.get("mean_tokens").asDouble());
        assertThat(rows.get(1).get("process_efficiency").asDouble()).isEqualTo(after.get("process_efficiency").asDouble());
        double deltaLength = (before.get("mean_tokens").asDouble() - after.get("mean_tokens").asDouble())
                / before.get("mean_tokens").asDouble();
        double deltaAccuracy = (after.get("accuracy").asDouble() - before.get("accuracy").asDouble())
                / before.get("accuracy").asDouble();
        double aes = deltaAccuracy >= 0 ? deltaLength + 3 * deltaAccuracy : deltaLength - 5 * -deltaAccuracy;
        assertThat(rows.get(1).get("aes").asDouble()).isCloseTo(aes, within(1e-9));
    }

    @Test
    void should_record_config_seeds_and_the_hashes_of_model_and_problems() throws Exception {
        JsonNode run = readJson(out.resolve("run.json"));

        assertThat(run.get("command").asText()).isEqualTo("shorten");
        assertThat(run.at("/config/target").asText()).isEqualTo("fcs_reflection");
        assertThat(run.at("/config/training/objective").asText()).isEqualTo("SIMPO");
        assertThat(run.at("/config/sampling/samples").asLong()).isEqualTo(4);
        assertThat(run.at("/config/analysis/answer_style").asText()).isEqualTo("gsm8k");
        assertThat(run.get("seeds").fieldNames()).toIterable().containsExactly("sampling", "evaluation", "training");
        List<String> hashes = new ArrayList<>();
        run.get("inputs").forEach(i -> hashes.add(i.get("sha256").asText()));
        assertThat(hashes).contains(Hashing.sha256(problems.train()), Hashing.sha256(problems.eval()),
                Hashing.sha256(RecipeFixture.MODEL.resolve("model.safetensors")));
        assertThat(readJson(out.resolve("train/run.json")).get("inputs").get(0).get("sha256").asText())
                .as("the training stage records its data set")
                .isEqualTo(Hashing.sha256(out.resolve("targets/pairs_fcs_reflection.jsonl")));
    }

    @Test
    void should_resume_a_finished_run_without_adding_anything() throws Exception {
        String summary = Files.readString(out.resolve("summary.json"));
        String samples = Files.readString(out.resolve("samples/responses.jsonl"));

        RecipeFixture.Run again = RecipeFixture.run(args(out, List.of()));

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("3 steps");
        assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo(summary);
        assertThat(Files.readString(out.resolve("samples/responses.jsonl"))).isEqualTo(samples);
    }

    @Test
    void should_export_every_data_set_of_the_run_for_trl_and_llamafactory() {
        Path trl = dir.resolve("trl");
        Path factory = dir.resolve("llamafactory");

        RecipeFixture.Run toTrl = RecipeFixture.run(List.of("export", "--format", "trl", "--run", out.toString(),
                "--out", trl.toString()));
        RecipeFixture.Run toFactory = RecipeFixture.run(List.of("export", "--format", "llamafactory", "--run",
                out.toString(), "--out", factory.toString()));

        assertThat(toTrl.code()).as(toTrl.err()).isZero();
        assertThat(toFactory.code()).as(toFactory.err()).isZero();
        JsonNode targets = readJson(out.resolve("targets/summary.json")).get("data_sets");
        JsonNode registry = readJson(factory.resolve("dataset_info.json"));
        targets.properties().forEach(e -> {
            String name = "targets." + e.getKey();
            long records = e.getValue().get("records").asLong();
            if (records == 0) {
                assertThat(toTrl.out()).contains(name + " ").contains("empty, nothing written");
                return;
            }
            List<JsonNode> rows = readJsonl(trl.resolve(name + ".jsonl"));
            assertThat(rows).as(name).hasSize((int) records);
            assertThat(rows.get(0).has(e.getKey().startsWith("pairs_") ? "chosen" : "completion")).isTrue();
            assertThat(readJsonl(trl.resolve(name + ".messages.jsonl"))).hasSize((int) records);
            assertThat(readJsonl(factory.resolve(name + ".jsonl"))).hasSize((int) records);
            assertThat(registry.at("/" + name + "/file_name").asText()).isEqualTo(name + ".jsonl");
            assertThat(registry.at("/" + name + "/ranking").asBoolean()).isEqualTo(e.getKey().startsWith("pairs_"));
        });
        assertThat(toTrl.out()).contains("exported").contains("of 8 data sets");
    }

    @Test
    void should_sample_the_starting_model_from_a_server_as_in_process() throws Exception {
        Path remote = dir.resolve("remote");
        try (TorchLanguageModel served = TorchLanguageModel.builder().modelDir(RecipeFixture.MODEL).build();
                OpenAiServer server = OpenAiServer.start(served, ServeConfig.defaults().withPort(0))) {
            RecipeFixture.Run run = RecipeFixture.run(args(remote, List.of("--endpoint", server.baseUrl())));

            assertThat(run.code()).as(run.err()).isZero();
        }
        assertThat(readJson(remote.resolve("run.json")).at("/config/endpoints/0").asText()).startsWith("http://127.0.0.1:");
        for (String file : List.of("samples/responses.jsonl", "eval-before/responses.jsonl", "eval-after/responses.jsonl")) {
            assertThat(Files.readString(remote.resolve(file))).as(file).isEqualTo(Files.readString(out.resolve(file)));
        }
    }

    @Test
    void should_refuse_another_job_in_the_same_directory() {
        RecipeFixture.Run other = RecipeFixture.run(args(out, List.of("--target", "gds")));

        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("reason4j shorten:").contains("target");
    }

    @Test
    void should_stop_before_training_when_no_problem_gives_a_target() throws Exception {
        Path wrong = dir.resolve("wrong");
        Files.createDirectories(wrong);
        Files.writeString(wrong.resolve("train.jsonl"), "{\"question\": \"What is 1 + 1?\", \"answer\": \"x^9+q\"}\n");
        Path run = dir.resolve("nothing");

        RecipeFixture.Run r = RecipeFixture.run(RecipeFixture.args("shorten",
                new RecipeFixture.Problems(wrong.resolve("train.jsonl"), problems.eval()), run, RecipeFixture.TRAINING));

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nothing to train on").contains("pairs_fcs_reflection.jsonl is empty")
                .contains("--k");
        assertThat(run.resolve("samples/responses.jsonl")).isRegularFile();
        assertThat(run.resolve("train")).doesNotExist();
    }

    @Test
    void should_name_the_bad_option_value() {
        RecipeFixture.Run target = RecipeFixture.run(args(dir.resolve("bad1"), List.of("--target", "briefest")));
        RecipeFixture.Run method = RecipeFixture.run(args(dir.resolve("bad2"), List.of("--method", "lh")));

        assertThat(target.code()).isEqualTo(2);
        assertThat(target.err()).contains("unknown short target 'briefest'");
        assertThat(method.code()).isEqualTo(2);
        assertThat(method.err()).contains("method must be simpo, dpo, rpo or sft, was lh");
    }
}
