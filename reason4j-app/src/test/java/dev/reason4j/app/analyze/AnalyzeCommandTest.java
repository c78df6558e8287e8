package dev.reason4j.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.app.CliRun;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.hf.HfTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reason4j analyze} end to end on a hand-written file. Token counts are the approximate counter's, worked
 * out by hand: a word, a digit, a punctuation mark and a blank line are one token each, a single space none, so
 * "The answer is 7." is 5 tokens and "The answer is 8.\n\n" 6.
 */
class AnalyzeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Line 1: one correct round (5 tokens). Line 2: not JSON. Line 3: no gold answer. Line 4: a blank response.
     * Line 5: four samples of one problem (gold 7 as a number):
     * <pre>
     *   a  "The answer is 7."                                   5 tokens, 1 round, correct           ξO 1     ξP 1
     *   b  "The answer is 8." | "Wait, the answer is 7."        6 + 7 = 13, first correct round 2    ξO 1     ξP 1
     *   c  "The answer is 7." | "Wait, let me check: …is 7."    6 + 11 = 17, round 2 repeats round 1 ξO 6/17 ξP 6/17
     *   d  "The answer is 9."                                   5 tokens, wrong                      ξO 0     ξP 1
     * </pre>
     * Line 6: split beforehand, no gold: 11 (wrong, cluster 0), 10 (right, cluster 1), 10 (right, cluster 1) with
     * 6, 8 and 8 tokens: T = 22, T̂ = 14, D = 14, so ξO = ξP = 7/11.
     */
    static final List<String> INPUT = List.of(
            "{\"problem\": \"What is 2+3?\", \"answer\": \"5\", \"response\": \"The answer is 5.\"}",
            "{\"problem\": \"What is 2+2?\", \"answer\": \"4\", \"response\": \"The answer is 4.",
            "{\"problem\": \"What is 1+1?\", \"response\": \"The answer is 2.\"}",
            "{\"problem\": \"What is 4+4?\", \"expected_answer\": \"8\", \"response\": \"   \"}",
            "{\"question\": \"What is 3+4?\", \"gold\": 7, \"responses\": [\"The answer is 7.\", "
                    + "\"The answer is 8.\\n\\nWait, the answer is 7.\", "
                    + "\"The answer is 7.\\n\\nWait, let me check: the answer is 7.\", \"The answer is 9.\"]}",
            "{\"problem\": \"What is 5+5?\", \"split_solutions\": ["
                    + "{\"solution\": \"The answer is 11.\", \"correct\": false, \"cluster\": 0}, "
                    + "{\"solution\": \"Wait, the answer is 10.\", \"correct\": true, \"cluster\": 1}, "
                    + "{\"solution\": \"Check: the answer is 10.\", \"correct\": true, \"cluster\": 1}]}");

    static final double XI_O = (1 + 1 + 1 + 6.0 / 17 + 0 + 7.0 / 11) / 6;
    static final double XI_P = (1 + 1 + 1 + 6.0 / 17 + 1 + 7.0 / 11) / 6;

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    Path file(String name, List<String> lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, lines);
        return f;
    }

    static JsonNode summary(Path runDir) throws IOException {
        return JSON.readTree(runDir.resolve("summary.json").toFile());
    }

    static List<JsonNode> jsonLines(Path f) throws IOException {
        return Files.readAllLines(f).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    @Test
    void summary_json_holds_the_hand_computed_numbers_and_counts_every_issue() throws IOException {
        Path runDir = dir.resolve("run");

        int code = cli.run("analyze", "--input", file("responses.jsonl", INPUT).toString(), "--out", runDir.toString());

        assertThat(code).as(cli.err()).isZero();
        JsonNode s = summary(runDir);
        assertThat(s.path("responses").asLong()).isEqualTo(6);
        assertThat(s.path("problems").asLong()).isEqualTo(3);
        assertThat(s.path("accuracy").asDouble()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(s.path("mean_tokens").asDouble()).isCloseTo((5 + 5 + 13 + 17 + 5 + 22) / 6.0, within(1e-12));
        assertThat(s.path("mean_solutions").asDouble()).isCloseTo(10 / 6.0, within(1e-12));
        assertThat(s.path("outcome_efficiency").asDouble()).isCloseTo(XI_O, within(1e-12));
        assertThat(s.path("process_efficiency").asDouble()).isCloseTo(XI_P, within(1e-12));
        double weightedBySolutions = (1 + 1 + 2 * 1 + 2 * 6.0 / 17 + 0 + 3 * 7.0 / 11) / 10;
        assertThat(s.path("outcome_efficiency").asDouble()).isNotCloseTo(weightedBySolutions, within(1e-3));
        assertThat(s.path("repeated_answer_share").asDouble()).as("c's and line 6's rechecks, of 4 later rounds")
                .isCloseTo(0.5, within(1e-12));
        assertThat(s.path("presplit_responses").asLong()).isEqualTo(1);
        assertThat(s.path("distributions").path("solutions").toString()).isEqualTo("{\"1\":3,\"2\":2,\"3\":1}");
        assertThat(s.path("distributions").path("first_correct_round").toString())
                .isEqualTo("{\"1\":3,\"2\":2,\"none\":1}");
        JsonNode intervals = s.path("length_intervals");
        assertThat(intervals.path("problems_used").asInt()).isEqualTo(1);
        assertThat(intervals.path("problems_skipped").asInt()).isEqualTo(2);
        assertThat(intervals.path("by_interval").findValuesAsText("instance_accuracy"))
                .as("a (5, right), d (5, wrong), b (13), c (17)").containsExactly("1.0", "0.0", "1.0", "1.0");

        JsonNode issues = s.path("issues");
        assertThat(issues.path("total").asLong()).isEqualTo(3);
        assertThat(issues.path("malformed_json").path("first_lines").toString()).isEqualTo("[2]");
        assertThat(issues.path("missing_field").path("first_message").asText())
                .contains("responses.jsonl line 3, field 'expected_answer|answer|gold': missing");
        assertThat(issues.path("empty_response").path("first_lines").toString()).isEqualTo("[4]");
        assertThat(s.path("token_counting").path("mode").asText()).isEqualTo("approximate");
        assertThat(s.path("token_counting").path("note").asText()).contains("approximate");
        assertThat(s.has("aes")).as("no baseline, no AES").isFalse();
        assertThat(s.path("provenance").path("command").asText()).isEqualTo("analyze");
        assertThat(s.path("provenance").path("inputs").get(0).path("sha256").asText()).hasSize(64);
        assertThat(s.path("provenance").path("config").path("new_solution_markers").size()).isGreaterThan(10);

        assertThat(cli.out())
                .contains("analysed 6 responses from 6 records")
                .contains("3 could not be analysed: malformed_json 1, missing_field 1, empty_response 1")
                .contains("mean tokens         11.2 (approximate)");
    }

    @Test
    void responses_jsonl_has_the_split_verdicts_and_terms_of_each_response() throws IOException {
        Path runDir = dir.resolve("run");
        cli.run("analyze", "--input", file("responses.jsonl", INPUT).toString(), "--out", runDir.toString());

        List<JsonNode> lines = jsonLines(runDir.resolve("responses.jsonl"));
        List<JsonNode> issues = jsonLines(runDir.resolve("issues.jsonl"));

        assertThat(lines).extracting(l -> l.path("line").asLong() + "/" + l.path("sample").asInt())
                .containsExactly("1/0", "5/0", "5/1", "5/2", "5/3", "6/0");
        JsonNode c = lines.get(3);
        assertThat(c.path("split_solutions")).hasSize(2);
        assertThat(c.path("split_solutions").get(1).path("solution").asText())
                .isEqualTo("Wait, let me check: the answer is 7.");
        assertThat(c.path("split_solutions").findValuesAsText("correct")).containsExactly("true", "true");
        assertThat(c.path("split_solutions").findValuesAsText("cluster")).containsExactly("0", "0");
        assertThat(c.path("tokens").asLong()).isEqualTo(17);
        assertThat(c.path("outcome_efficiency").asDouble()).isCloseTo(6.0 / 17, within(1e-12));
        assertThat(lines.get(5).path("split_source").asText()).isEqualTo("input");
        assertThat(issues).extracting(i -> i.path("issue").asText())
                .containsExactly("malformed_json", "missing_field", "empty_response");
    }

    @Test
    void the_written_responses_are_scored_from_their_split_solutions_to_the_same_numbers() throws IOException {
        Path first = dir.resolve("first");
        cli.run("analyze", "--input", file("responses.jsonl", INPUT).toString(), "--out", first.toString());
        Path again = dir.resolve("again");

        int code = cli.run("analyze", "--input", first.resolve("responses.jsonl").toString(), "--out", again.toString());

        assertThat(code).as(cli.err()).isZero();
        JsonNode s = summary(again);
        assertThat(s.path("presplit_responses").asLong()).isEqualTo(6);
        assertThat(s.path("issues").path("total").asLong()).isZero();
        for (String key : List.of("responses", "accuracy", "mean_tokens", "mean_solutions", "outcome_efficiency",
                "process_efficiency", "repeated_answer_share")) {
            assertThat(s.path(key).asDouble()).as(key).isEqualTo(summary(first).path(key).asDouble());
        }
    }

    @Test
    void a_second_run_in_the_same_directory_resumes_without_duplicates_from_the_run_store() throws IOException {
        Path input = file("responses.jsonl", INPUT);
        Path runDir = dir.resolve("run");
        cli.run("analyze", "--input", input.toString(), "--out", runDir.toString());
        JsonNode firstSummary = summary(runDir);
        Files.writeString(runDir.resolve("responses.jsonl"), "{\"line\": 9, \"spl", StandardOpenOption.APPEND);

        int code = cli.run("analyze", "--input", input.toString(), "--out", runDir.toString());

        assertThat(code).isZero();
        assertThat(cli.out()).contains("resuming").contains("6 records already analysed")
                .contains("analysed 0 responses from 0 records");
        assertThat(jsonLines(runDir.resolve("responses.jsonl"))).as("rewritten from the run store, the half line gone")
                .hasSize(6);
        assertThat(Files.readAllLines(runDir.resolve("issues.jsonl"))).hasSize(3);
        JsonNode s = summary(runDir);
        for (String key : List.of("responses", "accuracy", "mean_tokens", "outcome_efficiency", "process_efficiency")) {
            assertThat(s.path(key).asDouble()).as(key).isEqualTo(firstSummary.path(key).asDouble());
        }
        assertThat(s.path("issues").path("total").asLong()).isEqualTo(3);
    }

    @Test
    void report_html_is_one_self_contained_file_with_the_four_svg_charts() throws IOException {
        Path runDir = dir.resolve("run");
        cli.run("analyze", "--input", file("responses.jsonl", INPUT).toString(), "--out", runDir.toString());

        String html = Files.readString(runDir.resolve("report.html"));

        Matcher svg = Pattern.compile("<svg[ >]").matcher(html);
        int charts = 0;
        while (svg.find()) {
            charts++;
        }
        assertThat(charts).isEqualTo(4);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("Solution rounds per response", "Round of the first correct solution",
                        "Accuracy by length interval", "Response length (CDF)")
                .contains("outcome efficiency ξ_O", "APPROXIMATE", "malformed_json")
                .doesNotContain("<script", "<link", "<img");
    }

    @Test
    void counts_tokens_with_the_models_own_tokenizer_when_given_one() throws IOException {
        Path model = LmFixtures.checkpoint(LmFixtures.QWEN2_F32);
        List<String> responses = List.of("The answer is 7.", "So 3 + 4 = 7 and the answer is $\\boxed{7}$.");
        Path input = file("two.jsonl", List.of(
                "{\"problem\": \"What is 3+4?\", \"answer\": \"7\", \"response\": \"" + responses.get(0) + "\"}",
                "{\"problem\": \"What is 3+4?\", \"answer\": \"7\", \"response\": \"So 3 + 4 = 7 and the answer is "
                        + "$\\\\boxed{7}$.\"}"));
        Path runDir = dir.resolve("run");

        int code = cli.run("analyze", "--input", input.toString(), "--tokenizer", model.toString(), "--out",
                runDir.toString());

        assertThat(code).as(cli.err()).isZero();
        double expected;
        try (HfTokenizer tokenizer = HfTokenizer.load(model)) {
            expected = responses.stream().mapToInt(r -> tokenizer.encode(r, false).length).average().orElseThrow();
        }
        JsonNode s = summary(runDir);
        assertThat(s.path("mean_tokens").asDouble()).isEqualTo(expected);
        assertThat(s.path("token_counting").path("mode").asText()).isEqualTo("tokenizer");
        assertThat(s.path("token_counting").path("name").asText()).startsWith("tokenizer.json sha256:");
        assertThat(s.path("provenance").path("inputs")).hasSize(2);
        assertThat(cli.out()).doesNotContain("approximate");
    }

    @Test
    void bad_options_and_files_are_one_clear_line() throws IOException {
        Path input = file("responses.jsonl", INPUT);

        assertThat(cli.run("analyze", "--input", dir.resolve("nope.jsonl").toString(), "--out", dir.resolve("r").toString()))
                .isEqualTo(2);
        assertThat(cli.run("analyze", "--input", input.toString(), "--out", dir.resolve("r").toString(), "--intervals", "0"))
                .isEqualTo(2);
        assertThat(cli.run("analyze", "--input", input.toString(), "--out", dir.resolve("r").toString(), "--tokenizer",
                dir.toString())).isEqualTo(2);

        assertThat(cli.err())
                .contains("--input " + dir.resolve("nope.jsonl") + ": no such file")
                .contains("intervals must be >= 1, got 0")
                .contains("--tokenizer " + dir + ": " + dir.resolve("tokenizer.json") + ": missing");
    }

    @Test
    void field_names_and_marker_lists_are_options_recorded_in_the_provenance() throws IOException {
        Path input = file("custom.jsonl", List.of(
                "{\"item\": {\"q\": \"What is 3+4?\", \"sol\": \"7\"}, "
                        + "\"out\": \"The answer is 8.\\n\\nWait, the answer is 7.\\n\\nHmm, the answer is 7.\"}"));
        Path runDir = dir.resolve("run");

        int code = cli.run("analyze", "--input", input.toString(), "--out", runDir.toString(), "--problem-field", "item.q",
                "--response-field", "out", "--gold-field", "item.sol", "--new-solution-markers", "hmm|on second thought");

        assertThat(code).as(cli.err()).isZero();
        JsonNode s = summary(runDir);
        assertThat(s.path("responses").asLong()).isEqualTo(1);
        assertThat(s.path("mean_solutions").asDouble()).as("'Wait' is no marker now; 'Hmm' is").isEqualTo(2.0);
        assertThat(s.path("distributions").path("first_correct_round").toString()).isEqualTo("{\"1\":1,\"none\":0}");
        JsonNode config = s.path("provenance").path("config");
        assertThat(config.path("gold_field").asText()).isEqualTo("item.sol");
        assertThat(config.path("new_solution_markers").toString()).isEqualTo("[\"hmm\",\"on second thought\"]");
    }

    @Test
    void a_json_array_is_read_like_jsonl() throws IOException {
        Path input = file("responses.json", List.of("[",
                "  {\"problem\": \"What is 2+3?\", \"answer\": \"5\", \"response\": \"The answer is 5.\"},",
                "  {\"problem\": \"What is 2+2?\", \"answer\": \"4\", \"response\": \"The answer is 5.\"}",
                "]"));
        Path runDir = dir.resolve("run");

        assertThat(cli.run("analyze", "--input", input.toString(), "--out", runDir.toString())).as(cli.err()).isZero();

        assertThat(summary(runDir).path("responses").asLong()).isEqualTo(2);
        assertThat(summary(runDir).path("accuracy").asDouble()).isEqualTo(0.5);
        assertThat(jsonLines(runDir.resolve("responses.jsonl"))).extracting(l -> l.path("line").asLong())
                .as("records are numbered by item in a JSON array").containsExactly(1L, 2L);
    }

    @Test
    void a_file_without_one_usable_response_still_gives_a_summary_and_a_report() throws IOException {
        Path input = file("bad.jsonl", List.of("not json", "[1, 2]", "{\"problem\": \"p\", \"answer\": \"1\", \"response\": 3}"));
        Path runDir = dir.resolve("run");

        int code = cli.run("analyze", "--input", input.toString(), "--out", runDir.toString());

        assertThat(code).as(cli.err()).isZero();
        JsonNode s = summary(runDir);
        assertThat(s.path("responses").asLong()).isZero();
        assertThat(s.get("accuracy").isNull()).isTrue();
        assertThat(s.path("issues").path("total").asLong()).isEqualTo(3);
        assertThat(s.path("issues").path("not_an_object").path("count").asLong()).isEqualTo(1);
        assertThat(s.path("issues").path("bad_field").path("first_message").asText())
                .contains("line 3, field 'response|responses': expected a string or an array of strings, found number");
        assertThat(runDir.resolve("report.html")).exists();
        assertThat(cli.out()).contains("no response could be analysed");
    }
}
