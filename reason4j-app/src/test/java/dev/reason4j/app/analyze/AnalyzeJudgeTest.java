package dev.reason4j.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.app.Reason4j;
import dev.reason4j.lm.LmFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code analyze --judge-model}: a real (tiny, random) model as the judge. Its replies are never the JSON asked for,
 * so every response falls back to the rules: the numbers equal a rules-only run, the fallbacks are reported, and the
 * judge is recorded in the provenance. (The judge's reading of well-formed replies is tested in reason4j-lm.)
 */
class AnalyzeJudgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Reason4j.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void should_fall_back_to_the_rules_on_unreadable_judge_replies_and_say_so() throws Exception {
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, """
                {"problem": "What is 3+4?", "answer": "7", "response": "The answer is 8.\\n\\nWait, the answer is 7.\\n\\nLet me double-check: the answer is 7."}
                {"problem": "What is 1+1?", "answer": "2", "response": "The answer is 2."}
                """);
        assertThat(run("analyze", "--input", input.toString(), "--out", dir.resolve("rules").toString())).isZero();
        assertThat(run("analyze", "--input", input.toString(), "--out", dir.resolve("judged").toString(),
                "--judge-model", LmFixtures.checkpoint(LmFixtures.QWEN2_F32).toString(), "--judge-max-tokens", "8",
                "--threads", "1")).as(out.toString()).isZero();

        JsonNode rules = JSON.readTree(dir.resolve("rules/summary.json").toFile());
        JsonNode judged = JSON.readTree(dir.resolve("judged/summary.json").toFile());
        for (String key : new String[] {"responses", "accuracy", "mean_solutions", "outcome_efficiency", "process_efficiency"}) {
            assertThat(judged.path(key)).as(key).isEqualTo(rules.path(key));
        }
        assertThat(rules.path("mean_solutions").asDouble()).isEqualTo(2.0);
        // the one multi-paragraph response asks the segmenting question; the one-paragraph response asks nothing
        assertThat(out.toString()).contains("judge qwen2-tiny-f32: ").contains("unusable replies (rules used for those)").contains("failed, first: ");
        assertThat(judged.toString()).contains("llm:qwen2-tiny-f32").contains("judge_model");
    }
}
