package dev.reason4j.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.core.provenance.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatasetLoadingTest {

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static DatasetException loadFails(Path file, DatasetFormat format) {
        try {
            Datasets.load(file, format);
        } catch (DatasetException e) {
            return e;
        }
        throw new AssertionError("expected " + file + " to fail to load");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        invalid JSON          | {"question": "q2", "answer":
        missing question      | {"answer": "2"}
        question not a string | {"question": 7, "answer": "2"}
        empty question        | {"question": "  ", "answer": "2"}
        missing answer        | {"question": "q2"}
        null answer           | {"question": "q2", "answer": null}
        object answer         | {"question": "q2", "answer": {"value": 2}}
        empty list answer     | {"question": "q2", "answer": []}
        not an object         | ["q2", "2"]
        trailing garbage      | {"question": "q2", "answer": "2"} x
        duplicate key         | {"question": "q2", "answer": "2", "answer": "3"}
        """)
    void should_name_file_line_and_field_of_a_bad_line(String what, String badLine) throws IOException {
        Path file = write("mine.jsonl", "{\"question\": \"q1\", \"answer\": \"1\"}", badLine, "{\"question\": \"q3\", \"answer\": \"3\"}");

        DatasetException e = loadFails(file, DatasetFormats.JSONL);

        assertThat(e.file()).isEqualTo(file);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.skippable()).isTrue();
        assertThat(e.getMessage()).startsWith(file + " line 2");
    }

    @Test
    void should_name_the_field_in_field_errors() throws IOException {
        Path missing = write("a.jsonl", "{\"question\": \"q\", \"answer\": \"1\"}", "{\"question\": \"q\"}");
        Path wrongType = write("b.jsonl", "{\"question\": [\"q\"], \"answer\": \"1\"}");
        Path empty = write("c.jsonl", "{\"question\": \"\", \"answer\": \"1\"}");

        assertThat(loadFails(missing, DatasetFormats.JSONL).getMessage())
                .isEqualTo(missing + " line 2, field 'answer': missing");
        assertThat(loadFails(wrongType, DatasetFormats.JSONL).getMessage())
                .isEqualTo(wrongType + " line 1, field 'question': expected a string, found a list");
        DatasetException emptyQuestion = loadFails(empty, DatasetFormats.JSONL);
        assertThat(emptyQuestion.field()).contains("question");
        assertThat(emptyQuestion.reason()).isEqualTo("the question is empty");
    }

    @Test
    void should_report_invalid_json_with_its_column() throws IOException {
        Path file = write("broken.jsonl", "{\"question\": \"q\", \"answer\": \"1\"}", "{\"question\": \"q\" \"answer\": \"2\"}");

        DatasetException e = loadFails(file, DatasetFormats.JSONL);

        assertThat(e.field()).isEmpty();
        assertThat(e.getMessage()).startsWith(file + " line 2: invalid JSON: ").contains("column");
    }

    @Test
    void should_reject_a_gsm8k_answer_without_the_final_marker() throws IOException {
        Path file = write("gsm8k_mine.jsonl", "{\"question\": \"q\", \"answer\": \"2+2=4\\nso 4\"}");
        Path nothingAfter = write("gsm8k_cut.jsonl", "{\"question\": \"q\", \"answer\": \"2+2=4\\n#### \"}");

        assertThat(loadFails(file, DatasetFormats.GSM8K).getMessage())
                .isEqualTo(file + " line 1, field 'answer': no '####' before the final answer");
        assertThat(loadFails(nothingAfter, DatasetFormats.GSM8K).getMessage())
                .isEqualTo(nothingAfter + " line 1, field 'answer': nothing follows '####'");
    }

    @Test
    void should_keep_an_empty_gold_answer_as_the_public_files_have_some() throws IOException {
        Path file = write("gaps.jsonl", "{\"question\": \"q1\", \"answer\": \"\"}");

        assertThat(Datasets.load(file, DatasetFormats.JSONL).problems().getFirst().answer()).isEmpty();
    }

    @Test
    void should_reject_a_repeated_id() throws IOException {
        Path file = write("ids.jsonl",
                "{\"id\": 5, \"question\": \"q1\", \"answer\": \"1\"}",
                "{\"id\": 6, \"question\": \"q2\", \"answer\": \"2\"}",
                "{\"id\": \"5\", \"question\": \"q3\", \"answer\": \"3\"}");

        assertThat(loadFails(file, DatasetFormat.jsonl("question", "answer", "id")).getMessage())
                .isEqualTo(file + " line 3, field 'id': duplicate id '5' (first on line 1)");
    }

    @Test
    void should_skip_and_count_bad_lines_when_asked() throws IOException {
        Path file = write("mixed.jsonl",
                "{\"question\": \"q1\", \"answer\": \"1\"}",
                "not json",
                "{\"question\": \"q3\"}",
                "{\"question\": \"q4\", \"answer\": 4}",
                "{\"question\": \"\", \"answer\": \"5\"}",
                "{\"question\": \"q6\", \"answer\": \"6\"}");

        Dataset loaded = Datasets.load(file, DatasetFormats.JSONL, LoadOptions.skippingBadRecords());

        assertThat(loaded.problems()).extracting(Problem::id).containsExactly("mixed-1", "mixed-4", "mixed-6");
        assertThat(loaded.problems()).extracting(Problem::answer).containsExactly("1", "4", "6");
        assertThat(loaded.skipped()).isEqualTo(3);
        assertThat(loaded.skipReasons()).hasSize(3);
        assertThat(loaded.skipReasons().get(0)).startsWith(file + " line 2: invalid JSON");
        assertThat(loaded.skipReasons().get(1)).isEqualTo(file + " line 3, field 'answer': missing");
        assertThat(loaded.skipReasons().get(2)).isEqualTo(file + " line 5, field 'question': the question is empty");
        assertThat(loaded.source().sha256()).isEqualTo(Hashing.sha256(file));
    }

    @Test
    void should_keep_only_the_first_reasons_but_count_all() throws IOException {
        String[] lines = new String[30];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i % 2 == 0 ? "{\"question\": \"q\", \"answer\": \"1\"}" : "{}";
        }
        Path file = write("many.jsonl", lines);

        Dataset loaded = Datasets.load(file, DatasetFormats.JSONL, new LoadOptions(true, 4));

        assertThat(loaded.size()).isEqualTo(15);
        assertThat(loaded.skipped()).isEqualTo(15);
        assertThat(loaded.skipReasons()).hasSize(4);
        assertThat(loaded.skipReasons().getLast()).contains("line 8,");
    }

    @Test
    void should_skip_lines_that_are_not_utf8() throws IOException {
        Path file = dir.resolve("latin1.jsonl");
        byte[] bad = "{\"question\": \"caf\u00e9\", \"answer\": \"1\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = "{\"question\": \"q\", \"answer\": \"2\"}\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, concat(bad, good));

        assertThat(loadFails(file, DatasetFormats.JSONL).getMessage()).startsWith(file + " line 1: invalid JSON").contains("UTF-8");
        Dataset loaded = Datasets.load(file, DatasetFormats.JSONL, LoadOptions.skippingBadRecords());
        assertThat(loaded.problems()).extracting(Problem::answer).containsExactly("2");
        assertThat(loaded.skipped()).isEqualTo(1);
    }

    @Test
    void should_ignore_blank_lines_keep_line_numbers_and_accept_crlf_and_bom() throws IOException {
        Path file = dir.resolve("windows.jsonl");
        Files.writeString(file, "\uFEFF{\"question\": \"q1\", \"answer\": \"1\"}\r\n\r\n   \r\n{\"question\": \"q4\", \"answer\": \"4\"}",
                StandardCharsets.UTF_8);

        Dataset loaded = Datasets.load(file, DatasetFormats.JSONL);

        assertThat(loaded.problems()).extracting(Problem::id).containsExactly("windows-1", "windows-4");
        assertThat(loaded.problems()).extracting(Problem::answer).containsExactly("1", "4");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        27.0                  | 27
        27                    | 27
        -1.0                  | -1
        0.50                  | 0.5
        -0.0                  | 0
        1e3                   | 1000
        1.5E-7                | 0.00000015
        2.5e1                 | 25
        0.1                   | 0.1
        123456789012345678901234567890 | 123456789012345678901234567890
        1e100                 | 1E+100
        true                  | true
        "\\\\frac{1}{2}"      | \\frac{1}{2}
        ["a", 2, 3.50]        | a, 2, 3.5
        [1]                   | 1
        """)
    void should_turn_any_answer_value_into_text(String json, String expected) throws IOException {
        Path file = write("answers.jsonl", "{\"question\": \"q\", \"answer\": " + json + "}");

        assertThat(Datasets.load(file, DatasetFormats.JSONL).problems().getFirst().answer()).isEqualTo(expected);
    }

    @Test
    void should_reject_nested_lists_in_answers() throws IOException {
        Path file = write("nested.jsonl", "{\"question\": \"q\", \"answer\": [1, [2, 3]]}");

        assertThat(loadFails(file, DatasetFormats.JSONL).getMessage()).isEqualTo(file
                + " line 1, field 'answer': list element 1 is a list; answers may be strings, numbers or lists of them");
    }

    @Test
    void should_follow_dotted_paths_into_objects_and_arrays() throws IOException {
        Path file = write("nested.jsonl",
                "{\"uid\": {\"n\": 41}, \"body\": {\"text\": \"What is 6*7?\"}, \"meta\": {\"answer\": 42}, \"choices\": [\"42\", \"41\"], \"level\": 3}",
                "{\"uid\": {\"n\": \"x-2\"}, \"body\": {\"text\": \"Pick one\"}, \"meta\": {}, \"choices\": [\"B\"]}");

        List<Problem> byMeta = Datasets.load(file, DatasetFormat.jsonl("body.text", "choices.0", "uid.n")).problems();
        assertThat(byMeta).extracting(Problem::id).containsExactly("41", "x-2");
        assertThat(byMeta).extracting(Problem::question).containsExactly("What is 6*7?", "Pick one");
        assertThat(byMeta).extracting(Problem::answer).containsExactly("42", "B");
        assertThat(byMeta.getFirst().meta()).containsEntry("level", "3").containsEntry("meta", "{\"answer\":42}")
                .containsEntry("choices", "[\"42\",\"41\"]").containsKey("body");

        DatasetException e = loadFails(file, DatasetFormat.jsonl("body.text", "meta.answer", null));
        assertThat(e.getMessage()).isEqualTo(file + " line 2, field 'meta.answer': missing");
    }

    @Test
    void should_read_json_arrays_with_the_same_field_mapping() throws IOException {
        Path file = dir.resolve("set.json");
        Files.writeString(file, """
                [
                  {"problem": "1+1?", "solution": {"final": 2}},
                  {"problem": "2+2?",
                   "solution": {"final": "4"}}
                ]
                """);

        Dataset loaded = Datasets.load(file, DatasetFormat.jsonArray("problem", "solution.final", null));

        assertThat(loaded.format()).isEqualTo("json");
        assertThat(loaded.problems()).extracting(Problem::id).containsExactly("set-1", "set-2");
        assertThat(loaded.problems()).extracting(Problem::answer).containsExactly("2", "4");
        assertThat(loaded.source().sha256()).isEqualTo(Hashing.sha256(file));
    }

    @Test
    void should_name_item_and_line_of_a_bad_array_element_and_skip_it_when_asked() throws IOException {
        Path file = dir.resolve("set.json");
        Files.writeString(file, "[\n{\"question\": \"q1\", \"answer\": 1},\n{\"question\": \"q2\"},\n{\"question\": \"q3\", \"answer\": 3}\n]");

        assertThat(loadFails(file, DatasetFormats.JSON).getMessage()).isEqualTo(file + " item 2 (line 3), field 'answer': missing");
        Dataset skipping = Datasets.load(file, DatasetFormats.JSON, LoadOptions.skippingBadRecords());
        assertThat(skipping.problems()).extracting(Problem::id).containsExactly("set-1", "set-3");
        assertThat(skipping.skipped()).isEqualTo(1);
    }

    @Test
    void should_stop_at_broken_json_array_syntax_even_when_skipping() throws IOException {
        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, "[\n{\"question\": \"q1\", \"answer\": 1},\n{\"question\": \"q2\", \"ans");
        Path notArray = dir.resolve("object.json");
        Files.writeString(notArray, "{\"question\": \"q1\", \"answer\": 1}");

        assertThatThrownBy(() -> Datasets.load(truncated, DatasetFormats.JSON, LoadOptions.skippingBadRecords()))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(truncated + " line 3: invalid JSON")
                .satisfies(e -> assertThat(((DatasetException) e).skippable()).isFalse());
        assertThatThrownBy(() -> Datasets.load(notArray, DatasetFormats.JSON))
                .hasMessage(notArray + " line 1: expected a JSON array of records, found START_OBJECT");
    }

    @Test
    void should_fail_clearly_on_a_missing_file() {
        Path file = dir.resolve("absent.jsonl");

        assertThatThrownBy(() -> Datasets.load(file, DatasetFormats.JSONL))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(file + ": cannot open: ");
    }

    @Test
    void should_stream_lazily_and_know_the_hash_only_at_the_end() throws IOException {
        Path file = write("stream.jsonl",
                "{\"question\": \"q1\", \"answer\": \"1\"}", "{\"question\": \"q2\", \"answer\": \"2\"}", "{\"oops\": 1}");

        try (ProblemReader reader = Datasets.open(file, DatasetFormats.JSONL, LoadOptions.strict())) {
            var problems = reader.iterator();
            assertThat(problems.next().answer()).isEqualTo("1");
            assertThatThrownBy(reader::sha256).isInstanceOf(IllegalStateException.class);
            assertThat(problems.next().answer()).isEqualTo("2");
            assertThatThrownBy(problems::hasNext).hasMessage(file + " line 3, field 'question': missing");
            assertThatThrownBy(reader::iterator).isInstanceOf(IllegalStateException.class);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
