package dev.reason4j.core.metrics.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.core.metrics.AnalyzedSolution;
import dev.reason4j.core.metrics.InputIssue;
import dev.reason4j.core.metrics.IssueKind;
import dev.reason4j.core.metrics.ResponseAnalysis;
import dev.reason4j.core.metrics.SplitSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-response JSON of an analysis run (one line of {@code responses.jsonl}, one record of the run store),
 * and the JSON of an input issue.
 *
 * <p>A response line keeps the paper's {@code split_solutions: [{solution, correct, cluster}]} (plus each round's
 * answer, tokens and distinctness) next to the problem, gold answer and response, so the file can be fed back to
 * {@code analyze} and is scored from those splits to the same numbers. The derived values (first correct round,
 * T̂, D, the efficiency terms) are written for readers and recomputed, not read, by {@link #readResponse}.
 */
public final class ResponseAnalysisJson {

    private final ObjectMapper mapper;

    public ResponseAnalysisJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One response line. */
    public ObjectNode write(AnalyzedResponse r) {
        ResponseAnalysis a = r.analysis();
        ObjectNode o = mapper.createObjectNode()
                .put("line", r.line())
                .put("sample", r.sample())
                .put("problem_key", r.problemKey())
                .put("problem", r.problem())
                .put("gold", r.gold())
                .put("response", r.response())
                .put("final_answer", a.finalAnswer())
                .put("correct", a.correct())
                .put("tokens", a.tokens())
                .put("summary_tokens", a.summaryTokens())
                .put("solutions", a.solutionCount());
        if (a.firstCorrect().isPresent()) {
            o.put("first_correct", a.firstCorrect().getAsInt());
        } else {
            o.putNull("first_correct");
        }
        o.put("tokens_to_first_correct", a.tokensToFirstCorrect())
                .put("tokens_after_first_correct", a.tokensAfterFirstCorrect())
                .put("rounds_after_first_correct", a.roundsAfterFirstCorrect())
                .put("distinct_tokens", a.distinctTokens())
                .put("repeated_answer_rounds", a.repeatedAnswerRounds())
                .put("outcome_efficiency", a.outcomeEfficiency())
                .put("process_efficiency", a.processEfficiency())
                .put("split_source", a.splitSource().name().toLowerCase(Locale.ROOT));
        ArrayNode splits = o.putArray("split_solutions");
        for (AnalyzedSolution s : a.solutions()) {
            splits.addObject()
                    .put("solution", s.text())
                    .put("correct", s.correct())
                    .put("cluster", s.cluster())
                    .put("answer", s.answer())
                    .put("tokens", s.tokens())
                    .put("distinct", s.distinct())
                    .put("repeats_earlier_answer", s.repeatsEarlierAnswer());
        }
        return o;
    }

    /** One issue record. */
    public ObjectNode write(InputIssue issue) {
        return mapper.createObjectNode()
                .put("issue", issue.kind().key())
                .put("line", issue.line())
                .put("sample", issue.sample())
                .put("message", issue.message());
    }

    /** Whether {@code node} is an issue record rather than a response line. */
    public static boolean isIssue(JsonNode node) {
        return node.has("issue");
    }

    /** Reads an issue record written by {@link #write(InputIssue)}. */
    public static InputIssue readIssue(JsonNode node) {
        return new InputIssue(IssueKind.fromKey(node.path("issue").asText()), node.path("line").asLong(),
                node.path("sample").asInt(-1), node.path("message").asText(""));
    }

    /**
     * Reads a response line written by {@link #write(AnalyzedResponse)}.
     *
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    public static AnalyzedResponse readResponse(JsonNode node) {
        List<AnalyzedSolution> solutions = new ArrayList<>();
        for (JsonNode s : require(node, "split_solutions")) {
            solutions.add(new AnalyzedSolution(
                    require(s, "solution").asText(),
                    require(s, "tokens").asInt(),
                    textOrNull(s.get("answer")),
                    require(s, "correct").asBoolean(),
                    require(s, "cluster").asInt(),
                    require(s, "distinct").asBoolean(),
                    s.path("repeats_earlier_answer").asBoolean(false)));
        }
        ResponseAnalysis analysis = new ResponseAnalysis(
                textOrNull(node.get("final_answer")),
                require(node, "correct").asBoolean(),
                require(node, "tokens").asLong(),
                node.path("summary_tokens").asLong(0),
                solutions,
                SplitSource.valueOf(require(node, "split_source").asText().toUpperCase(Locale.ROOT)));
        return new AnalyzedResponse(
                require(node, "line").asLong(),
                node.path("sample").asInt(0),
                require(node, "problem_key").asText(),
                node.path("problem").asText(""),
                textOrNull(node.get("gold")),
                textOrNull(node.get("response")),
                analysis);
    }

    private static JsonNode require(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("analysis record without '" + field + "'");
        }
        return value;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
