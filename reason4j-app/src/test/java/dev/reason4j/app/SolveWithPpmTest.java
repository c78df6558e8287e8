package dev.reason4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.lm.LmFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PPM trained by {@code reason4j train ppm} steers {@code reason4j solve --ppm}: train, then search with it. */
class SolveWithPpmTest {

    private static final String MODEL = LmFixtures.checkpoint(LmFixtures.QWEN2_F32).toString();

    private final CliRun cli = new CliRun();

    @Test
    void should_score_every_step_with_a_trained_ppm(@TempDir Path dir) throws Exception {
        Path pairs = Files.writeString(dir.resolve("ppm.jsonl"), """
                {"prompt": "Q: 2+3*4?\\n", "prefix_steps": ["3*4=12\\n"], "positive": ["2+12=14\\n"], "negative": ["2+12=15\\n"]}
                {"prompt": "Q: 7-2?\\n", "positive": ["7-2=5\\n"], "negative": ["7-2=4\\n"]}
                """);
        Path ppm = dir.resolve("ppm");
        assertThat(cli.run("train", "ppm", "--model", MODEL, "--data", pairs.toString(), "--out", ppm.toString(),
                "--max-steps", "2", "--threads", "1")).as(cli.err()).isZero();

        cli.clearOut();
        int code = cli.run("solve", "--model", MODEL, "--ppm", ppm.toString(), "--strategy", "beam", "--beam-width", "2",
                "--beam-samples", "2", "--protocol", "cot", "--max-step-tokens", "8", "--max-depth", "2",
                "--threads", "1", "--question", "Tom has 3 apples and buys 4 more. How many apples?", "--json");

        assertThat(code).as(cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.path("usage").path("reward_requests").asLong()).isPositive();
        JsonNode nodes = json.path("tree").path("nodes");
        long scored = 0;
        for (JsonNode node : nodes) {
            if (node.has("reward")) {
                scored++;
                // rStar-Math's inference transform tanh(raw / 5) keeps PPM scores inside (-1, 1)
                assertThat(Math.abs(node.path("reward").asDouble())).isLessThan(1.0);
            }
        }
        assertThat(scored).isPositive();
    }

    @Test
    void should_refuse_a_model_without_a_value_head_and_a_second_reward_source() {
        assertThat(cli.run("solve", "--model", MODEL, "--ppm", MODEL, "--question", "q")).isEqualTo(UserErrors.USER_ERROR);
        assertThat(cli.err()).contains("no value head").contains("reason4j train ppm");
        assertThat(cli.run("solve", "--model", MODEL, "--ppm", MODEL, "--reward", "likelihood", "--question", "q"))
                .isEqualTo(UserErrors.USER_ERROR);
        assertThat(cli.err()).contains("--ppm and --orm replace --reward likelihood");
    }
}
