package dev.reason4j.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The responses of an analyze run ({@code responses.jsonl}: one line per response with its solution rounds,
 * their verdicts, clusters and distinctness, the first correct round and token counts), grouped by problem in file
 * order. Only each response's headline stays in memory; a problem page reads its responses again from the file.
 */
final class AnalysisRun {

    static final String RESPONSES = "responses.jsonl";
    /** Responses shown on one problem page. */
    static final int MAX_RESPONSES_SHOWN = 200;

    /**
     * One analysed response.
     *
     * @param firstCorrect round of the first correct solution, from 1; 0 when none is correct
     */
    record Response(long line, int sample, boolean correct, long tokens, int solutions, int firstCorrect,
            long tokensAfterFirstCorrect, JsonLines.Span span) {}

    /** A problem and its responses; {@code index} is its position (from 0), its address in the API. */
    record Problem(int index, String key, String text, String gold, List<Response> responses) {}

    private final Path file;
    private final List<Problem> problems;
    private final Notes notes;

    private AnalysisRun(Path file, List<Problem> problems, Notes notes) {
        this.file = file;
        this.problems = problems;
        this.notes = notes;
    }

    static AnalysisRun read(Path file, ObjectMapper mapper) {
        Notes notes = new Notes();
        Map<String, Problem> byKey = new LinkedHashMap<>();
        JsonLines.read(file, mapper, notes, (r, span) -> {
            String text = r.path("problem").asText("");
            String key = r.path("problem_key").asText(text);
            Problem p = byKey.computeIfAbsent(key, k -> new Problem(byKey.size(), k, text,
                    EvalRun.text(r.path("gold")), new ArrayList<>()));
            p.responses().add(new Response(r.path("line").asLong(span.number()), r.path("sample").asInt(0),
                    r.path("correct").asBoolean(false), r.path("tokens").asLong(0), r.path("solutions").asInt(0),
                    r.path("first_correct").asInt(0), r.path("tokens_after_first_correct").asLong(0), span));
        });
        return new AnalysisRun(file, List.copyOf(byKey.values()), notes);
    }

    Optional<Problem> problem(int index) {
        return index >= 0 && index < problems.size() ? Optional.of(problems.get(index)) : Optional.empty();
    }

    Notes notes() {
        return notes;
    }

    /** One row per problem: its text, gold answer, number of responses, accuracy and mean tokens and rounds. */
    ObjectNode problemsJson(ObjectMapper mapper) {
        ObjectNode out = mapper.createObjectNode();
        ArrayNode rows = out.putArray("problems");
        for (Problem p : problems) {
            long correct = p.responses().stream().filter(Response::correct).count();
            rows.addObject().put("index", p.index()).put("problem", p.text()).put("gold", p.gold())
                    .put("responses", p.responses().size())
                    .put("accuracy", (double) correct / p.responses().size())
                    .put("mean_tokens", p.responses().stream().mapToLong(Response::tokens).average().orElse(0))
                    .put("mean_solutions", p.responses().stream().mapToInt(Response::solutions).average().orElse(0))
                    .put("tokens_after_first_correct",
                            p.responses().stream().mapToLong(Response::tokensAfterFirstCorrect).sum());
        }
        ArrayNode n = out.putArray("notes");
        notes.list().forEach(n::add);
        return out;
    }

    /** The problem with its responses as analyze wrote them (rounds, verdicts, clusters). */
    ObjectNode problemJson(Problem p, ObjectMapper mapper) {
        ObjectNode out = mapper.createObjectNode().put("index", p.index()).put("problem", p.text())
                .put("gold", p.gold()).put("responses_total", p.responses().size());
        ArrayNode responses = out.putArray("responses");
        for (Response r : p.responses().subList(0, Math.min(MAX_RESPONSES_SHOWN, p.responses().size()))) {
            JsonNode full = JsonLines.readAt(file, r.span(), mapper);
            responses.add(full);
        }
        return out;
    }
}
