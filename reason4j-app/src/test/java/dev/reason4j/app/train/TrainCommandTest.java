package dev.reason4j.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.app.Reason4j;
import dev.reason4j.core.provenance.Hashing;
import dev.reason4j.lm.train.Adaptation;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code reason4j train <objective>} end to end on the tiny Qwen2 fixture: plumbing, files and errors. */
class TrainCommandTest {

    static final Path FIXTURE = Path.of("../../shared/fixtures/lm/qwen2-tiny-f32").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void offline() {
        System.setProperty("ai.djl.offline", "true");
        assertThat(FIXTURE).as("LM fixtures next to the repository").isDirectory();
    }

    record Run(int code, String out, String err) {}

    static Run train(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Reason4j.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("train"));
        all.addAll(List.of(args));
        all.addAll(List.of("--device", "cpu", "--threads", "1"));
        int code = cli.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void sft_writes_metrics_run_json_checkpoints_and_an_hf_model_and_a_rerun_adds_nothing() throws Exception {
        Path data = Files.writeString(dir.resolve("sft.jsonl"), """
                {"prompt": "Tom has 3 apples and buys 2 more. How many?", "completion": " 5"}
                {"prompt": "What is 7 + 5?", "completion": " 12"}
                {"prompt": "What is 2 * 4?", "completion": " 8"}
                """);
        Path out = dir.resolve("run");

        Run run = train("sft", "--model", FIXTURE.toString(), "--data", data.toString(), "--out", out.toString(),
                "--max-steps", "6", "--checkpoint-every", "3", "--lr", "1e-3");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("data: 3 examples").contains("trl-completion").contains("trained sft: 6 steps");
        List<JsonNode> rows = rows(out);
        assertThat(rows).extracting(r -> r.get("step").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        for (JsonNode row : rows) {
            assertThat(row.fieldNames()).toIterable().contains("step", "loss", "lr", "grad_norm", "tokens",
                    "tokens_per_s", "eval_loss");
            assertThat(row.get("loss").asDouble()).isFinite().isPositive();
            assertThat(row.get("eval_loss").isNull()).isTrue();
        }
        assertThat(rows.get(5).get("tokens").asLong()).isGreaterThan(rows.get(0).get("tokens").asLong());
        assertThat(rows.get(0).get("lr").asDouble()).isEqualTo(1e-3);
        assertThat(out.resolve("checkpoints/step-3")).isDirectory();
        for (String file : List.of("config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json")) {
            assertThat(out.resolve(file)).isRegularFile();
        }
        assertThat(safetensorsNames(out.resolve("model.safetensors"))).contains("model.embed_tokens.weight", "lm_head.weight");

        JsonNode manifest = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(manifest.get("command").asText()).isEqualTo("train sft");
        assertThat(manifest.get("config").get("learningRate").asDouble()).isEqualTo(1e-3);
        assertThat(manifest.get("config").get("adaptation").get("type").asText()).isEqualTo("Full");
        assertThat(manifest.get("seeds").get("training").asLong()).isZero();
        List<String> hashes = new ArrayList<>();
        manifest.get("inputs").forEach(i -> hashes.add(i.get("sha256").asText()));
        assertThat(hashes).contains(Hashing.sha256(data), Hashing.sha256(FIXTURE.resolve("model.safetensors")));

        Run again = train("sft", "--model", FIXTURE.toString(), "--data", data.toString(), "--out", out.toString(),
                "--max-steps", "6", "--checkpoint-every", "3", "--lr", "1e-3");

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("trained sft: 6 steps");
        assertThat(rows(out)).hasSize(6);
    }

    @Test
    void dpo_on_conversational_pairs_with_an_eval_split_logs_eval_loss_and_preference_numbers() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            lines.append(String.format("{\"prompt\": [{\"role\": \"user\", \"content\": \"What is %d + %d?\"}], "
                    + "\"chosen\": [{\"role\": \"assistant\", \"content\": \"%d\"}], "
                    + "\"rejected\": [{\"role\": \"assistant\", \"content\": \"%d\"}]}%n", i, i, 2 * i, 2 * i + 1));
        }
        Path data = Files.writeString(dir.resolve("dpo.jsonl"), lines);
        Path out = dir.resolve("dpo");

        Run run = train("dpo", "--model", FIXTURE.toString(), "--data", data.toString(), "--out", out.toString(),
                "--max-steps", "4", "--eval-fraction", "0.34", "--eval-every", "2", "--batch-size", "2", "--lr", "1e-3");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("6 examples").contains("trl-preference").contains("4 train and 2 eval examples");
        List<JsonNode> rows = rows(out);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).get("eval_loss").isNumber()).as("eval on step 2").isTrue();
        assertThat(rows.get(0).get("eval_loss").isNull()).isTrue();
        assertThat(rows.get(0).get("accuracy")).as("preference accuracy is logged").isNotNull();
        assertThat(run.out()).contains("eval loss");
        assertThat(JSON.readTree(out.resolve("run.json").toFile()).get("config").get("beta").asDouble()).isEqualTo(0.1);
    }

    @Test
    void ppm_trains_a_value_head_saved_with_the_model() throws Exception {
        Path data = Files.writeString(dir.resolve("ppm.jsonl"), """
                {"prompt": "Q: 2+3*4?\\n", "prefix_steps": ["3*4=12\\n"], "positive": ["2+12=14\\n"], "negative": ["2+12=15\\n", "5*4=20\\n"]}
                {"prompt": "Q: 7-2?\\n", "positive": ["7-2=5\\n"], "negative": ["7-2=4\\n"]}
                """);
        Path out = dir.resolve("ppm");

        Run run = train("ppm", "--model", FIXTURE.toString(), "--data", data.toString(), "--out", out.toString(),
                "--max-steps", "3", "--lr", "1e-3");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("step-pairs");
        assertThat(rows(out)).hasSize(3).allSatisfy(r -> assertThat(r.get("loss").asDouble()).isFinite());
        assertThat(safetensorsNames(out.resolve("model.safetensors"))).contains("v_head.summary.weight");
    }

    @Test
    void a_bad_data_line_exits_2_naming_file_line_and_field_before_touching_the_run_directory() throws Exception {
        Path data = Files.writeString(dir.resolve("dpo.jsonl"), """
                {"prompt": "2+3=", "chosen": "5", "rejected": "6"}
                {"prompt": "2+3=", "rejected": "6"}
                """);
        Path out = dir.resolve("never");

        Run run = train("dpo", "--model", FIXTURE.toString(), "--data", data.toString(), "--out", out.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(data + " line 2, field 'chosen': missing");
        assertThat(out).doesNotExist();

        Run skipping = train("dpo", "--model", FIXTURE.toString(), "--data", data.toString(), "--out",
                out.toString(), "--skip-bad-records", "--max-steps", "1");

        assertThat(skipping.code()).as(skipping.err()).isZero();
        assertThat(skipping.out()).contains("1 bad records skipped").contains("skipped: " + data + " line 2");
    }

    @Test
    void a_missing_model_data_of_the_wrong_kind_bad_options_and_another_job_in_the_directory_are_user_errors() throws Exception {
        Path sft = Files.writeString(dir.resolve("sft.jsonl"), "{\"prompt\": \"2+3=\", \"completion\": \" 5\"}\n");
        Path out = dir.resolve("run");

        Run noModel = train("sft", "--model", dir.toString(), "--data", sft.toString(), "--out", out.toString());
        Run wrongKind = train("ppm", "--model", FIXTURE.toString(), "--data", sft.toString(), "--out", out.toString());
        Run badOption = train("sft", "--model", FIXTURE.toString(), "--data", sft.toString(), "--out", out.toString(),
                "--adaptation", "half");
        Run badValue = train("sft", "--model", FIXTURE.toString(), "--data", sft.toString(), "--out", out.toString(),
                "--lr", "-1");
        Run first = train("sft", "--model", FIXTURE.toString(), "--data", sft.toString(), "--out", out.toString(),
                "--max-steps", "1");
        Run other = train("sft", "--model", FIXTURE.toString(), "--data", sft.toString(), "--out", out.toString(),
                "--max-steps", "2");

        assertThat(noModel.code()).isEqualTo(2);
        assertThat(noModel.err()).contains("--model " + dir + ": no config.json");
        assertThat(wrongKind.code()).isEqualTo(2);
        assertThat(wrongKind.err()).contains("trl-completion").contains("step-pairs (fields:");
        assertThat(badOption.code()).isEqualTo(2);
        assertThat(badOption.err()).contains("--adaptation must be full, last-layers or lora, was 'half'");
        assertThat(badValue.code()).isEqualTo(2);
        assertThat(badValue.err()).contains("learningRate must be a finite number > 0, was -1.0");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("already holds a different job").contains("maxSteps");
    }

    @Test
    void every_training_config_field_has_an_option_whose_default_is_the_builders() {
        CommandLine sft = TrainCommand.commandLine().getSubcommands().get("sft");
        Set<String> skipped = Set.of("objective", "outputDir", "adaptation");
        TrainingConfig defaults = TrainingConfig.builder(Objective.SFT, Path.of(".")).build();
        for (RecordComponent field : TrainingConfig.class.getRecordComponents()) {
            if (skipped.contains(field.getName())) {
                continue;
            }
            CommandLine.Model.OptionSpec option = sft.getCommandSpec().findOption("--" + TrainingOptions.kebab(field.getName()));
            assertThat(option).as("option for TrainingConfig." + field.getName()).isNotNull();
            if (!field.getName().equals("beta") && !field.getName().equals("simpoGamma")) {
                assertThat(option.defaultValueString()).as(field.getName())
                        .isEqualTo(String.valueOf(TrainingOptions.read(field, defaults)));
            }
        }
    }

    @Test
    void simpo_defaults_beta_and_gamma_by_objective_and_options_reach_the_config() {
        TrainingConfig simpo = parse("simpo");
        TrainingConfig simpoBeta = parse("simpo", "--beta", "3");
        TrainingConfig lora = parse("sft", "--adaptation", "lora", "--lora-rank", "4", "--lora-targets", "q_proj,v_proj",
                "--schedule", "linear", "--grad-accum", "4", "--mixed-precision", "false");

        assertThat(simpo.beta()).isEqualTo(2.0);
        assertThat(simpo.simpoGamma()).isEqualTo(1.0);
        assertThat(simpoBeta.simpoGamma()).isEqualTo(1.5);
        assertThat(lora.adaptation()).isEqualTo(new Adaptation.Lora(4, 16, 0, List.of("q_proj", "v_proj")));
        assertThat(lora.schedule()).hasToString("LINEAR");
        assertThat(lora.gradientAccumulation()).isEqualTo(4);
        assertThat(lora.mixedPrecision()).isFalse();
    }

    private TrainingConfig parse(String objective, String... options) {
        CommandLine group = TrainCommand.commandLine();
        List<String> args = new ArrayList<>(List.of(objective, "--model", "m", "--data", "d", "--out", "o"));
        args.addAll(List.of(options));
        group.parseArgs(args.toArray(String[]::new));
        TrainObjectiveCommand command = group.getSubcommands().get(objective).getCommand();
        return command.options.config(Objective.parse(objective), Path.of("o"));
    }

    static List<JsonNode> rows(Path out) throws Exception {
        try (Stream<String> lines = Files.lines(out.resolve("metrics.jsonl"))) {
            List<JsonNode> rows = new ArrayList<>();
            for (String line : lines.toList()) {
                rows.add(JSON.readTree(line));
            }
            return rows;
        }
    }

    /** The tensor names in a safetensors header: 8-byte little-endian length, then JSON. */
    static Set<String> safetensorsNames(Path file) throws Exception {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(length, 0);
            ByteBuffer header = ByteBuffer.allocate((int) length.getLong(0));
            channel.read(header, 8);
            JsonNode json = JSON.readTree(new String(header.array(), StandardCharsets.UTF_8));
            Set<String> names = new java.util.TreeSet<>();
            json.fieldNames().forEachRemaining(names::add);
            return names;
        }
    }
}
