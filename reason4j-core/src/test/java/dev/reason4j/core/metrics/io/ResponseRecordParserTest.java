package dev.reason4j.core.metrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.dataset.Container;
import dev.reason4j.core.dataset.JsonRecord;
import dev.reason4j.core.metrics.GivenSolution;
import dev.reason4j.core.metrics.IssueKind;
import dev.reason4j.core.metrics.ResponseInput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseRecordParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FILE = Path.of("responses.jsonl");

    private final ResponseRecordParser parser = new ResponseRecordParser(FILE, ResponseFields.defaults());

    private static JsonRecord record(long line, String json) throws Exception {
        return new JsonRecord(line, line, JSON.readTree(json), Container.JSONL);
    }

    private static ResponseInput usable(ParsedRecord.Sample sample) {
        assertThat(sample).isInstanceOf(ParsedRecord.Usable.class);
        return ((ParsedRecord.Usable) sample).input();
    }

    @Test
    void reads_the_default_fields_and_writes_a_numeric_gold_answer_plainly() throws Exception {
        ParsedRecord r = parser.parse(record(3, "{\"question\": \"What is 3+4?\", \"gold\": 7.0, \"response\": \"7\"}"));

        assertThat(r.line()).isEqualTo(3);
        assertThat(r.samples()).singleElement().satisfies(s -> {
            ResponseInput input = usable(s);
            assertThat(input.problem()).isEqualTo("What is 3+4?");
            assertThat(input.gold()).isEqualTo("7.0");
            assertThat(input.response()).isEqualTo("7");
            assertThat(input.presplit()).isFalse();
        });
        assertThat(r.problemKey()).startsWith("problem:");
    }

    @Test
    void a_list_of_responses_gives_one_sample_each_and_marks_empty_ones() throws Exception {
        ParsedRecord r = parser.parse(record(5,
                "{\"problem\": \"p\", \"expected_answer\": \"1\", \"responses\": [\"a\", \"  \", null, \"b\"]}"));

        assertThat(r.samples()).extracting(ParsedRecord.Sample::index).containsExactly(0, 1, 2, 3);
        assertThat(r.samples()).extracting(s -> s.getClass().getSimpleName())
                .containsExactly("Usable", "Empty", "Empty", "Usable");
        assertThat(((ParsedRecord.Empty) r.samples().get(1)).message())
                .isEqualTo("responses.jsonl line 5 sample 1, field 'response|responses': the response is empty");
        assertThat(((ParsedRecord.Empty) r.samples().get(2)).message()).endsWith("the response is null");
    }

    @Test
    void split_solutions_are_read_flat_or_one_array_per_sample() throws Exception {
        ParsedRecord flat = parser.parse(record(1, "{\"problem\": \"p\", \"split_solutions\": ["
                + "{\"solution\": \"x is 2\", \"correct\": false, \"cluster\": 0},"
                + "{\"solution\": \"x is 3\", \"correct\": true}]}"));
        assertThat(usable(flat.samples().getFirst()).givenSolutions()).containsExactly(
                new GivenSolution("x is 2", false, 0), new GivenSolution("x is 3", true, null));
        assertThat(usable(flat.samples().getFirst()).gold()).as("every split says whether it is correct").isNull();

        ParsedRecord perSample = parser.parse(record(2, "{\"problem\": \"p\", \"answer\": \"3\", "
                + "\"responses\": [\"x is 3\", \"x is 2\"], "
                + "\"split_solutions\": [[{\"solution\": \"x is 3\"}], [{\"solution\": \"x is 2\"}]]}"));
        assertThat(perSample.samples()).hasSize(2);
        assertThat(usable(perSample.samples().get(1)).givenSolutions())
                .containsExactly(new GivenSolution("x is 2", null, null));
    }

    @Test
    void bad_records_fail_with_their_kind_naming_file_line_and_field() throws Exception {
        expectBad("[1, 2]", IssueKind.NOT_AN_OBJECT, "responses.jsonl line 9: expected a JSON object, found array");
        expectBad("{\"problem\": \"p\", \"response\": \"the answer is 2\"}", IssueKind.MISSING_FIELD,
                "responses.jsonl line 9, field 'expected_answer|answer|gold': missing");
        expectBad("{\"problem\": \"p\", \"answer\": \"2\"}", IssueKind.MISSING_FIELD,
                "responses.jsonl line 9, field 'response|responses': missing");
        expectBad("{\"problem\": \"p\", \"answer\": \"2\", \"response\": 17}", IssueKind.BAD_FIELD,
                "field 'response|responses': expected a string or an array of strings, found number");
        expectBad("{\"problem\": \"p\", \"answer\": \"2\", \"response\": \"a\", \"split_solutions\": [{\"text\": \"a\"}]}",
                IssueKind.BAD_FIELD, "solution 0: expected {\"solution\": text, …}");
        expectBad("{\"problem\": \"p\", \"answer\": \"2\", \"responses\": [\"a\", \"b\"], "
                        + "\"split_solutions\": [[{\"solution\": \"a\"}]]}",
                IssueKind.BAD_FIELD, "1 split(s) for 2 response(s)");
        expectBad("{\"problem\": \"p\", \"answer\": [1], \"response\": \"a\"}", IssueKind.BAD_FIELD,
                "field 'expected_answer|answer|gold': expected text or a number, found array");
        expectBad("{\"problem\": \"p\", \"split_solutions\": [{\"solution\": \"a\", \"cluster\": -1, \"correct\": true}]}",
                IssueKind.BAD_FIELD, "'cluster' must be an integer >= 0");
    }

    private void expectBad(String json, IssueKind kind, String message) {
        assertThatThrownBy(() -> parser.parse(record(9, json)))
                .isInstanceOfSatisfying(BadRecordException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.line()).isEqualTo(9);
                })
                .hasMessageContaining(message);
    }

    @Test
    void field_names_are_configurable_and_an_id_groups_samples_across_records() throws Exception {
        ResponseFields fields = new ResponseFields(ResponseFields.paths("item.text"),
                ResponseFields.paths("output"), ResponseFields.paths("item.solution"),
                ResponseFields.paths("rounds"), ResponseFields.paths("item.id"));
        ResponseRecordParser custom = new ResponseRecordParser(FILE, fields);

        ParsedRecord a = custom.parse(record(1, "{\"item\": {\"id\": \"q7\", \"text\": \"p\", \"solution\": \"4\"}, \"output\": \"4\"}"));
        ParsedRecord b = custom.parse(record(2, "{\"item\": {\"id\": \"q7\", \"text\": \"other wording\", \"solution\": \"4\"}, \"output\": \"5\"}"));

        assertThat(a.problemKey()).isEqualTo("id:q7").isEqualTo(b.problemKey());
        assertThat(usable(a.samples().getFirst()).gold()).isEqualTo("4");
        assertThat(fields.toConfig()).containsEntry("gold_field", "item.solution").containsEntry("id_field", "item.id");
        assertThat(parser.parse(record(4, "{\"answer\": \"1\", \"response\": \"1\"}")).problemKey())
                .as("no id and no problem text: the record is its own problem").isEqualTo("line:4");
    }

    @Test
    void field_lists_must_not_be_empty() {
        assertThatThrownBy(() -> new ResponseFields(List.of(), ResponseFields.paths("r"), ResponseFields.paths("g"),
                ResponseFields.paths("s"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("problem field");
    }
}
