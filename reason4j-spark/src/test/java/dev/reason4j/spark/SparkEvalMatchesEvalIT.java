package dev.reason4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.app.Reason4j;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Spark job in local[2] and single-machine {@code reason4j eval}, same options, same problems, same seed, both
 * against our own server on loopback: every problem gets the same record (answer, correctness, token counts, answer
 * clusters and the search tree), for greedy decoding and for seeded sampling (maj).
 */
class SparkEvalMatchesEvalIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> SPARK_PROPERTIES = LocalSpark.settings("local[2]");

    private static LoopbackServer server;

    @BeforeAll
    static void start() {
        server = LoopbackServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void should_record_what_eval_records_for_greedy_and_seeded_sampling(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("arith.jsonl");
        StringBuilder problems = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            problems.append(String.format("{\"question\": \"Tom has %d apples and buys %d more. How many apples?\", "
                    + "\"answer\": \"%d\", \"level\": %d}%n", i, 2 * i, 3 * i, i % 3 + 1));
        }
        Files.writeString(data, problems);
        List<String> search = List.of("--endpoint", server.baseUrl(), "--data", data.toString(),
                "--strategy", "greedy,maj", "--samples", "3", "--temperature", "0.8", "--seed", "11",
                "--protocol", "cot", "--max-step-tokens", "12", "--max-depth", "3", "--batch", "2");

        Path evalRun = dir.resolve("eval");
        assertThat(run(Reason4j.commandLine(), concat(List.of("eval"), search, List.of("--out", evalRun.toString()))))
                .isZero();
        Path sparkRun = dir.resolve("spark");
        // 3 problems per task, 2 tasks per wave: 7 tasks over 4 waves, run two at a time
        SPARK_PROPERTIES.forEach(System::setProperty);
        try {
            assertThat(run(SparkEvalCommand.commandLine(), concat(search,
                    List.of("--out", sparkRun.toString(), "--task-problems", "3", "--wave-tasks", "2")))).isZero();
        } finally {
            SPARK_PROPERTIES.keySet().forEach(System::clearProperty);
        }

        Map<String, JsonNode> expected = byKey(evalRun.resolve("results.jsonl"));
        Map<String, JsonNode> actual = byKey(sparkRun.resolve("results.jsonl"));
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet()).hasSize(20);
        int sampledWithAnswers = 0;
        for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
            JsonNode want = e.getValue();
            JsonNode got = actual.get(e.getKey());
            assertThat(got.path("answer")).as(e.getKey()).isEqualTo(want.path("answer"));
            assertThat(got.path("correct")).as(e.getKey()).isEqualTo(want.path("correct"));
            assertThat(got.path("difficulty")).as(e.getKey()).isEqualTo(want.path("difficulty"));
            for (String count : List.of("generated_tokens", "prompt_tokens", "prompts", "nodes")) {
                assertThat(got.path("usage").path(count)).as(e.getKey() + " " + count)
                        .isEqualTo(want.path("usage").path(count));
            }
            assertThat(got.path("answers")).as(e.getKey()).isEqualTo(want.path("answers"));
            assertThat(got.path("tree")).as(e.getKey()).isEqualTo(want.path("tree"));
            if (e.getKey().startsWith("maj") && want.path("answers").size() > 0) {
                sampledWithAnswers++;
            }
        }
        assertThat(expected.values()).as("the tiny model writes something").allSatisfy(
                r -> assertThat(r.path("usage").path("generated_tokens").asLong()).isPositive());
        assertThat(sampledWithAnswers).as("seeded samples reach answers, so answers are compared, not just nulls")
                .isPositive();

        JsonNode evalSummary = MAPPER.readTree(evalRun.resolve("summary.json").toFile()).path("strategies");
        JsonNode sparkSummary = MAPPER.readTree(sparkRun.resolve("summary.json").toFile()).path("strategies");
        assertThat(sparkSummary).hasSize(2);
        for (int i = 0; i < 2; i++) {
            for (String field : List.of("strategy", "problems", "correct", "answered", "generated_tokens", "prompt_tokens")) {
                assertThat(sparkSummary.get(i).path(field)).as(field).isEqualTo(evalSummary.get(i).path(field));
            }
        }
        assertThat(Files.readAllLines(sparkRun.resolve("summary.jsonl"))).hasSize(2);
        assertThat(sparkRun.resolve("run.json")).exists();
        try (SparkSession spark = LocalSpark.start("local[1]")) {
            assertThat(spark.read().parquet(sparkRun.resolve("records").toString()).count()).isEqualTo(20);
            assertThat(spark.read().parquet(sparkRun.resolve("summary.parquet").toString())
                    .select("strategy", "problems").collectAsList())
                    .extracting(r -> r.getString(0) + "=" + r.getLong(1))
                    .containsExactly("greedy=10", "maj@3=10");
        }
    }

    private static int run(CommandLine cli, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args.toArray(String[]::new));
        if (code != 0) {
            System.err.println(out + "\n" + err);
        }
        return code;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    /** Records by strategy and problem, in file order. */
    static Map<String, JsonNode> byKey(Path results) throws IOException {
        Map<String, JsonNode> records = new LinkedHashMap<>();
        for (String line : Files.readAllLines(results)) {
            JsonNode r = MAPPER.readTree(line);
            records.put(r.path("strategy").asText() + "/" + r.path("problem_id").asText(), r);
        }
        return records;
    }
}
