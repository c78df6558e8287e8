package dev.reason4j.app.grade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.app.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private Path file(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, List.of(lines));
        return f;
    }

    private List<JsonNode> verdicts(Path f) throws IOException {
        return Files.readAllLines(f).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    @Test
    void prints_one_verdict_with_normalised_forms() {
        int code = cli.run("grade", "--gold", "\\dfrac{1}{2}", "--pred", "The answer is $\\boxed{0.5}$.");

        assertThat(code).isZero();
        assertThat(cli.out())
                .contains("equal      true")
                .contains("gold       1/2   (normalised: \\frac{1}{2})")
                .contains("extracted from a boxed");
    }

    @Test
    void prints_one_verdict_as_json() throws IOException {
        cli.run("grade", "--gold", "120000", "--pred", "120006", "--json");

        JsonNode v = JSON.readTree(cli.out());
        assertThat(v.get("equal").asBoolean()).isFalse();
        assertThat(v.get("kind").asText()).isEqualTo("integer");
        assertThat(v.get("pred_normalized").asText()).isEqualTo("120006");
    }

    @Test
    void grades_a_file_into_verdicts_in_input_order_with_dotted_fields() throws IOException {
        Path in = file("pairs.jsonl",
                "{\"q\": {\"gold\": \"\\\\frac12\"}, \"model\": {\"out\": \"\\\\boxed{0.5}\"}}",
                "",
                "{\"q\": {\"gold\": \"(1,2)\"}, \"model\": {\"out\": \"(2,1)\"}}",
                "{\"q\": {\"gold\": 27}, \"model\": {\"out\": \"27.0\"}}");
        Path v = dir.resolve("out/verdicts.jsonl");

        int code = cli.run("grade", "--file", in.toString(), "--out", v.toString(),
                "--gold-field", "q.gold", "--pred-field", "model.out");

        assertThat(code).as(cli.err()).isZero();
        List<JsonNode> rows = verdicts(v);
        assertThat(rows).extracting(r -> r.get("line").asLong()).containsExactly(1L, 3L, 4L);
        assertThat(rows).extracting(r -> r.get("equal").asBoolean()).containsExactly(true, false, true);
        assertThat(rows.get(0).get("answer_source").asText()).isEqualTo("boxed");
        assertThat(Files.exists(dir.resolve("out/verdicts.run/run.json"))).isTrue();
        JsonNode summary = JSON.readTree(dir.resolve("out/verdicts.run/summary.json").toFile());
        assertThat(summary.get("pairs").asInt()).isEqualTo(3);
        assertThat(summary.get("equal").asInt()).isEqualTo(2);
    }

    @Test
    void a_bad_line_stops_with_file_line_and_field_and_keeps_what_was_graded() throws IOException {
        Path in = file("pairs.jsonl", "{\"gold\": \"1\", \"pred\": \"1\"}", "{\"gold\": \"2\"}", "{\"gold\": \"3\", \"pred\": \"3\"}");
        Path v = dir.resolve("v.jsonl");

        int code = cli.run("grade", "--file", in.toString(), "--out", v.toString());

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("pairs.jsonl line 2, field 'pred': missing");
        assertThat(Files.exists(v)).isFalse();

        int resumed = cli.run("grade", "--file", in.toString(), "--out", v.toString(), "--skip-bad-lines");
        assertThat(resumed).as("a different option is a different job").isEqualTo(2);
        assertThat(cli.err()).contains("skip_bad_lines");
    }

    @Test
    void skips_and_counts_bad_lines_when_asked() throws IOException {
        Path in = file("pairs.jsonl", "{\"gold\": \"1\", \"pred\": \"1\"}", "not json", "{\"gold\": [1], \"pred\": \"1\"}",
                "{\"gold\": \"x+1\", \"pred\": \"1+x\"}");
        Path v = dir.resolve("v.jsonl");

        int code = cli.run("grade", "--file", in.toString(), "--out", v.toString(), "--skip-bad-lines");

        assertThat(code).as(cli.err()).isZero();
        List<JsonNode> rows = verdicts(v);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).get("skipped").asBoolean()).isTrue();
        assertThat(rows.get(1).get("reason").asText()).contains("line 2");
        assertThat(rows.get(2).get("reason").asText()).contains("field 'gold'");
        assertThat(rows.get(3).get("equal").asBoolean()).isTrue();
        assertThat(cli.out()).contains("2 skipped");
    }

    @Test
    void a_second_run_resumes_and_grades_nothing_twice() throws IOException {
        Path in = file("pairs.jsonl", "{\"gold\": \"1\", \"pred\": \"1\"}", "{\"gold\": \"2\", \"pred\": \"3\"}");
        Path v = dir.resolve("v.jsonl");
        cli.run("grade", "--file", in.toString(), "--out", v.toString());
        String first = Files.readString(v);
        cli.clearOut();

        int code = cli.run("grade", "--file", in.toString(), "--out", v.toString());

        assertThat(code).isZero();
        assertThat(cli.out()).contains("resuming").contains("graded 0 pairs");
        assertThat(Files.readString(v)).isEqualTo(first);
    }

    @Test
    void needs_either_a_pair_or_a_file() {
        assertThat(cli.run("grade", "--gold", "1")).isEqualTo(2);
        assertThat(cli.err()).contains("--gold and --pred");
        assertThat(cli.run("grade", "--file", dir.resolve("missing.jsonl").toString(), "--out", "v.jsonl")).isEqualTo(2);
        assertThat(cli.err()).contains("no such file");
    }
}
