package dev.reason4j.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code reason4j generate --json} on the tiny Qwen2 fixture, checked against its reference outputs. */
class GenerateCommandTest {

    private static final Path FIXTURE = Path.of("../../shared/fixtures/lm/qwen2-tiny-f32").toAbsolutePath().normalize();

    @BeforeAll
    static void offline() {
        System.setProperty("ai.djl.offline", "true"); // the launcher passes it; tokenizer natives are in the jar
        assertThat(FIXTURE).as("LM fixtures next to the repository").isDirectory();
    }

    @Test
    void should_print_ids_logprobs_and_top5_matching_the_reference() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = Reason4j.commandLine();
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("generate", "--model", FIXTURE.toString(), "--prompt", "Tom has 3 apples and buys 4 boxes",
                "--max-tokens", "16", "--ignore-eos", "--threads", "1", "--json");

        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        JsonNode reference = new ObjectMapper().readTree(Files.readString(FIXTURE.resolve("reference_outputs.json")))
                .get("cases").get(0);
        assertThat(json.get("prompt_ids")).isEqualTo(reference.get("input_ids"));
        assertThat(json.get("generated_ids")).isEqualTo(reference.get("greedy_16"));
        assertThat(json.get("generated_logprobs")).hasSize(16);
        assertThat(json.get("generated_top5")).hasSize(16);
        JsonNode top5 = json.get("last_prompt_top5");
        for (int i = 0; i < 5; i++) {
            assertThat(top5.get(i).get(0).asInt()).isEqualTo(reference.get("last_logsoftmax_top5").get(i).get(0).asInt());
            assertThat(top5.get(i).get(1).asDouble())
                    .isCloseTo(reference.get("last_logsoftmax_top5").get(i).get(1).asDouble(), within(1e-4));
        }
        assertThat(json.get("finish_reason").asText()).isEqualTo("length");
    }

    @Test
    void should_fail_clearly_on_a_missing_model(@org.junit.jupiter.api.io.TempDir Path empty) {
        StringWriter err = new StringWriter();
        CommandLine cli = Reason4j.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("generate", "--model", empty.toString(), "--prompt", "x");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("tokenizer.json: missing");
    }
}
