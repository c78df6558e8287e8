package dev.reason4j.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.app.CliRun;
import dev.reason4j.lm.LmFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AES of a model run against a baseline, worked out by hand with approximate token counts. The baseline answers
 * each problem in two rounds of 6 + 7 = 13 tokens and is right once: L_b = 13, A_b = 0.5. The model answers both
 * in one round of 5 tokens and is right twice: L = 5, A = 1. So ΔL = 8/13, ΔA = 1 and AES = 1·8/13 + 3·1.
 */
class AesWithBaselineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double AES = 8.0 / 13 + 3;

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();
    private Path baseline;
    private Path model;

    @BeforeEach
    void files() throws IOException {
        baseline = dir.resolve("baseline.jsonl");
        Files.write(baseline, List.of(
                "{\"problem\": \"What is 2+3?\", \"answer\": \"5\", \"response\": \"The answer is 6.\\n\\nWait, the answer is 5.\"}",
                "{\"problem\": \"What is 3+3?\", \"answer\": \"6\", \"response\": \"The answer is 5.\\n\\nWait, the answer is 7.\"}"));
        model = dir.resolve("model.jsonl");
        Files.write(model, List.of(
                "{\"problem\": \"What is 2+3?\", \"answer\": \"5\", \"response\": \"The answer is 5.\"}",
                "{\"problem\": \"What is 3+3?\", \"answer\": \"6\", \"response\": \"The answer is 6.\"}"));
    }

    private JsonNode summary(Path runDir) throws IOException {
        return JSON.readTree(runDir.resolve("summary.json").toFile());
    }

    @Test
    void scores_the_model_against_a_baseline_responses_file() throws IOException {
        Path runDir = dir.resolve("model-run");

        int code = cli.run("analyze", "--input", model.toString(), "--baseline", baseline.toString(), "--out",
                runDir.toString());

        assertThat(code).as(cli.err()).isZero();
        JsonNode s = summary(runDir);
        assertThat(s.path("aes").asDouble()).isCloseTo(AES, within(1e-12));
        JsonNode b = s.path("baseline");
        assertThat(b.path("mean_tokens").asDouble()).isEqualTo(13.0);
        assertThat(b.path("accuracy").asDouble()).isEqualTo(0.5);
        assertThat(b.path("length_reduction").asDouble()).isCloseTo(8.0 / 13, within(1e-12));
        assertThat(b.path("accuracy_gain").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(s.path("provenance").path("inputs")).as("input and baseline hashed").hasSize(2);
        assertThat(cli.out()).contains("AES                 +3.615 (ΔL +0.615, ΔA +1.000");
        String html = Files.readString(runDir.resolve("report.html"));
        assertThat(html).contains("Against the baseline (AES)", "+3.615", "baseline");
    }

    @Test
    void an_earlier_run_directory_is_a_baseline_too_and_the_weights_are_options() throws IOException {
        Path baselineRun = dir.resolve("baseline-run");
        assertThat(cli.run("analyze", "--input", baseline.toString(), "--out", baselineRun.toString())).isZero();
        Path runDir = dir.resolve("model-run");

        int code = cli.run("analyze", "--input", model.toString(), "--baseline", baselineRun.toString(), "--out",
                runDir.toString(), "--alpha", "2", "--beta", "1");

        assertThat(code).as(cli.err()).isZero();
        assertThat(summary(runDir).path("aes").asDouble()).isCloseTo(2 * 8.0 / 13 + 1, within(1e-12));
        assertThat(summary(runDir).path("baseline").path("source").asText()).endsWith("summary.json");
    }

    @Test
    void a_loss_of_accuracy_costs_gamma() throws IOException {
        Path worse = dir.resolve("worse.jsonl");
        Files.write(worse, List.of(
                "{\"problem\": \"What is 2+3?\", \"answer\": \"5\", \"response\": \"The answer is 4.\"}",
                "{\"problem\": \"What is 3+3?\", \"answer\": \"6\", \"response\": \"The answer is 9.\"}"));
        Path runDir = dir.resolve("worse-run");

        cli.run("analyze", "--input", worse.toString(), "--baseline", baseline.toString(), "--out", runDir.toString());

        // A = 0: ΔA = (0 − 0.5)/0.5 = −1, so AES = 8/13 − 5·1
        assertThat(summary(runDir).path("aes").asDouble()).isCloseTo(8.0 / 13 - 5, within(1e-12));
    }

    @Test
    void refuses_a_baseline_counted_with_another_tokenizer_or_without_a_right_answer() throws IOException {
        Path baselineRun = dir.resolve("baseline-run");
        cli.run("analyze", "--input", baseline.toString(), "--out", baselineRun.toString());
        Path allWrong = dir.resolve("all-wrong.jsonl");
        Files.write(allWrong, List.of(
                "{\"problem\": \"What is 2+3?\", \"answer\": \"5\", \"response\": \"The answer is 4.\"}"));

        int otherTokenizer = cli.run("analyze", "--input", model.toString(), "--baseline", baselineRun.toString(),
                "--tokenizer", LmFixtures.checkpoint(LmFixtures.QWEN2_F32).toString(), "--out",
                dir.resolve("r1").toString());
        int zeroAccuracy = cli.run("analyze", "--input", model.toString(), "--baseline", allWrong.toString(), "--out",
                dir.resolve("r2").toString());

        assertThat(otherTokenizer).isEqualTo(2);
        assertThat(zeroAccuracy).isEqualTo(2);
        assertThat(cli.err())
                .contains("counted tokens with 'approximate', this run with 'tokenizer.json sha256:")
                .contains("has accuracy 0.0; AES divides by it");
        assertThat(dir.resolve("r2")).doesNotExist();
    }
}
