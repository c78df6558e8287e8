package dev.reason4j.core.metrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.Container;
import dev.reason4j.core.dataset.JsonRecord;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.core.metrics.AnalyzedSolution;
import dev.reason4j.core.metrics.ApproximateTokenCounter;
import dev.reason4j.core.metrics.InputIssue;
import dev.reason4j.core.metrics.IssueKind;
import dev.reason4j.core.metrics.ResponseAnalysis;
import dev.reason4j.core.metrics.ResponseAnalyzer;
import dev.reason4j.core.metrics.ResponseInput;
import dev.reason4j.core.metrics.SplitSource;
import dev.reason4j.core.metrics.split.SplitRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The per-response JSON: read back exactly, and scored from its own {@code split_solutions} to the same numbers. */
class ResponseAnalysisJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OVERTHOUGHT = String.join("\n\n",
            "<think>3 + 4 = 8, so the answer is 8.",
            "Wait, 3 + 4 is 7, so the answer is 7.",
            "Let me double-check: 7 - 4 = 3, so the answer is 7.",
            "Alternatively, on a number line, the answer is 7.</think>",
            "**Final Answer** \\boxed{7}");

    private final ResponseAnalyzer analyzer = ResponseAnalyzer.withRules(
            MathGrader.withDefaults(), SplitRules.defaults(), new ApproximateTokenCounter());
    private final ResponseAnalysisJson json = new ResponseAnalysisJson(JSON);

    private AnalyzedResponse analysed() {
        ResponseAnalysis a = analyzer.analyze(ResponseInput.of("What is 3+4?", "7", OVERTHOUGHT));
        return new AnalyzedResponse(12, 1, "problem:abc", "What is 3+4?", "7", OVERTHOUGHT, a);
    }

    @Test
    void a_response_line_has_the_papers_split_fields_and_reads_back_equal() throws Exception {
        AnalyzedResponse original = analysed();

        ObjectNode line = json.write(original);
        JsonNode reparsed = JSON.readTree(JSON.writeValueAsString(line));

        assertThat(original.analysis().solutionCount()).isEqualTo(4);
        assertThat(reparsed.path("split_solutions")).hasSize(4);
        assertThat(reparsed.path("split_solutions").get(0).has("solution")).isTrue();
        assertThat(reparsed.path("split_solutions").get(0).path("correct").asBoolean()).isFalse();
        assertThat(reparsed.path("split_solutions").get(1).path("cluster").asInt()).isEqualTo(1);
        assertThat(reparsed.path("first_correct").asInt()).isEqualTo(2);
        assertThat(reparsed.path("outcome_efficiency").asDouble()).isEqualTo(original.analysis().outcomeEfficiency());
        assertThat(ResponseAnalysisJson.isIssue(reparsed)).isFalse();
        assertThat(ResponseAnalysisJson.readResponse(reparsed)).isEqualTo(original);
    }

    @Test
    void a_written_line_fed_back_as_input_is_scored_from_its_splits_to_the_same_numbers() throws Exception {
        AnalyzedResponse original = analysed();
        JsonNode line = JSON.readTree(JSON.writeValueAsString(json.write(original)));
        ResponseRecordParser parser = new ResponseRecordParser(Path.of("responses.jsonl"), ResponseFields.defaults());

        ParsedRecord record = parser.parse(new JsonRecord(1, 1, line, Container.JSONL));
        ResponseInput input = ((ParsedRecord.Usable) record.samples().getFirst()).input();
        ResponseAnalysis again = analyzer.analyze(input);

        assertThat(input.presplit()).isTrue();
        assertThat(again.splitSource()).isEqualTo(SplitSource.INPUT);
        ResponseAnalysis first = original.analysis();
        assertThat(again.solutions()).extracting(AnalyzedSolution::text)
                .containsExactlyElementsOf(first.solutions().stream().map(AnalyzedSolution::text).toList());
        assertThat(again.tokens()).isEqualTo(first.tokens());
        assertThat(again.outcomeEfficiency()).isEqualTo(first.outcomeEfficiency());
        assertThat(again.processEfficiency()).isEqualTo(first.processEfficiency());
        assertThat(again.correct()).isEqualTo(first.correct());
        assertThat(record.problemKey()).as("same problem text, same key").isNotEmpty();
    }

    @Test
    void issues_round_trip_and_incomplete_lines_name_the_missing_field() throws Exception {
        InputIssue issue = new InputIssue(IssueKind.EMPTY_RESPONSE, 8, 2, "f.jsonl line 8 sample 2: empty");

        JsonNode node = JSON.readTree(JSON.writeValueAsString(json.write(issue)));

        assertThat(ResponseAnalysisJson.isIssue(node)).isTrue();
        assertThat(node.path("issue").asText()).isEqualTo("empty_response");
        assertThat(ResponseAnalysisJson.readIssue(node)).isEqualTo(issue);
        ObjectNode truncated = json.write(analysed());
        truncated.remove("split_source");
        assertThatThrownBy(() -> ResponseAnalysisJson.readResponse(truncated))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'split_source'");
    }
}
