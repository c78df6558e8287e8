package dev.reason4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.lm.LmFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code reason4j eval}: per-problem records, a summary per strategy, resumption. */
class EvalCommandTest {

    private static final String MODEL = LmFixtures.checkpoint(LmFixtures.QWEN2_F32).toString();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Reason4j.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void should_record_every_problem_and_summarise_each_strategy(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("problems.jsonl");
        Files.writeString(data, """
                {"question": "Tom has 3 apples and buys 4 more. How many apples?", "answer": "7", "level": 1}
                {"question": "A box holds 6 eggs. How many eggs are in 5 boxes?", "answer": "30"}
                {"question": "What is 12 divided by 4?", "answer": "3"}
                """);
        Path runDir = dir.resolve("run");
        String[] args = {"eval", "--model", MODEL, "--data", data.toString(), "--out", runDir.toString(),
            "--strategy", "greedy,mcts", "--protocol", "cot", "--reward", "likelihood", "--candidates", "2",
            "--rollouts", "2", "--max-step-tokens", "12", "--max-depth", "3", "--batch", "2", "--threads", "1"};

        assertThat(run(args)).as(err.toString()).isZero();

        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = Files.readAllLines(runDir.resolve("results.jsonl"));
        assertThat(lines).hasSize(6);
        JsonNode first = mapper.readTree(lines.get(0));
        assertThat(first.path("strategy").asText()).isEqualTo("greedy");
        assertThat(first.path("gold").asText()).isEqualTo("7");
        assertThat(first.has("correct")).isTrue();
        assertThat(first.path("difficulty").asText()).as("the problem's level travels with its record").isEqualTo("1");
        assertThat(mapper.readTree(lines.get(1)).has("difficulty")).isFalse();
        assertThat(first.path("tree").path("nodes").size()).isGreaterThan(1);
        JsonNode summary = mapper.readTree(runDir.resolve("summary.json").toFile()).path("strategies");
        assertThat(summary).hasSize(2);
        assertThat(summary.get(1).path("strategy").asText()).isEqualTo("mcts");
        assertThat(summary.get(1).path("problems").asInt()).isEqualTo(3);
        assertThat(summary.get(1).path("reward_requests").asLong()).isPositive();
        assertThat(summary.get(1).path("cached_share").asDouble()).isBetween(0.0, 1.0);
        long generated = 0;
        for (int i = 3; i < 6; i++) {
            generated += mapper.readTree(lines.get(i)).path("usage").path("generated_tokens").asLong();
        }
        assertThat(summary.get(1).path("generated_tokens").asLong()).isEqualTo(generated);
        assertThat(out.toString()).contains("strategy         problems  accuracy").contains("mcts").contains("cache reuse");
        assertThat(Files.exists(runDir.resolve("run.json"))).isTrue();

        out.getBuffer().setLength(0);
        assertThat(run(args)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("resuming " + runDir + ": 6 of 6 results already recorded");
        assertThat(Files.readAllLines(runDir.resolve("results.jsonl"))).isEqualTo(lines);

        // lose one MCTS result, as a kill would: the resumed run searches that problem alone, to the same tree (only
        // time and prefix-cache reuse, which depends on what ran before, differ; a prompt prefilled on top of a
        // cached prefix rather than from scratch moves logprobs in the last float bits, so numbers match to 1e-6)
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + runDir.resolve("run.db"));
                Statement sql = db.createStatement()) {
            assertThat(sql.executeUpdate("DELETE FROM records WHERE key = 'mcts/problems-2'")).isEqualTo(1);
        }
        out.getBuffer().setLength(0);
        assertThat(run(args)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("5 of 6 results already recorded");
        List<String> resumed = Files.readAllLines(runDir.resolve("results.jsonl"));
        assertThat(resumed).hasSize(6);
        JsonNode again = withoutTimes(mapper.readTree(resumed.get(4)));
        JsonNode original = withoutTimes(mapper.readTree(lines.get(4)));
        assertThat(sameUpToRounding(again, original)).as("%s%nvs%n%s", again, original).isTrue();
    }

    /** Equal JSON trees, except that floating-point numbers need only agree to a relative 1e-6. */
    private static boolean sameUpToRounding(JsonNode a, JsonNode b) {
        if (a.isFloatingPointNumber() && b.isFloatingPointNumber()) {
            double x = a.asDouble();
            double y = b.asDouble();
            return Math.abs(x - y) <= 1e-6 * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
        }
        if (a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
            return false;
        }
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                if (!sameUpToRounding(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject()) {
            for (var names = a.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!b.has(name) || !sameUpToRounding(a.get(name), b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static JsonNode withoutTimes(JsonNode record) {
        ObjectNode copy = record.deepCopy();
        copy.remove(List.of("batch_wall_ms", "batch_size"));
        ((ObjectNode) copy.path("usage")).remove(List.of("wall_ms", "cached_prompt_tokens"));
        return copy;
    }

    @Test
    void should_refuse_to_resume_a_different_job(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("problems.jsonl");
        Files.writeString(data, "{\"question\": \"What is 2+3?\", \"answer\": \"5\"}\n");
        Path runDir = dir.resolve("run");
        assertThat(run("eval", "--model", MODEL, "--data", data.toString(), "--out", runDir.toString(), "--protocol", "cot",
                "--max-step-tokens", "8", "--max-depth", "2", "--threads", "1")).as(err.toString()).isZero();

        int code = run("eval", "--model", MODEL, "--data", data.toString(), "--out", runDir.toString(), "--protocol", "cot",
                "--max-step-tokens", "9", "--max-depth", "2", "--threads", "1");

        assertThat(code).isEqualTo(UserErrors.USER_ERROR);
        assertThat(err.toString()).contains("max_step_tokens");
    }
}
