package dev.reason4j.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The results of an eval run ({@code results.jsonl}: one record per problem and strategy, each with its answer,
 * grade, token usage and search tree), indexed by problem in file order. Only each record's headline is kept in
 * memory; a record with its tree is read again from the file when a page asks for it.
 */
public final class EvalRun {

    static final String RESULTS = "results.jsonl";
    /** Fields that may tell a problem's difficulty, first found wins (MATH's {@code level}, for one). */
    private static final List<String> DIFFICULTY_FIELDS = List.of("/difficulty", "/level", "/meta/difficulty",
            "/meta/level");

    /**
     * One strategy's result on one problem.
     *
     * @param strategy the strategy's name ({@code maj@4})
     * @param correct whether its answer was graded equal to the gold answer
     * @param answer its answer, {@code null} when it found none
     * @param generatedTokens tokens it generated
     * @param treeNodes nodes of its search tree, 0 when the record has none
     * @param span where the record lies in the file
     */
    record Result(String strategy, boolean correct, String answer, long generatedTokens, int treeNodes,
            JsonLines.Span span) {}

    /**
     * A problem and each strategy's result on it.
     *
     * @param index position in the file, from 0: the problem's address in the API
     * @param difficulty its difficulty when the records carry one, else {@code null}
     */
    record Problem(int index, String id, String question, String gold, String difficulty,
            Map<String, Result> results) {}

    private final Path file;
    private final List<Problem> problems;
    private final List<String> strategies;
    private final Notes notes;

    private EvalRun(Path file, List<Problem> problems, List<String> strategies, Notes notes) {
        this.file = file;
        this.problems = problems;
        this.strategies = strategies;
        this.notes = notes;
    }

    public static EvalRun read(Path file, ObjectMapper mapper) {
        Notes notes = new Notes();
        Map<String, Problem> byId = new LinkedHashMap<>();
        Set<String> strategies = new LinkedHashSet<>();
        JsonLines.read(file, mapper, notes, (record, span) -> {
            String id = record.path("problem_id").asText(null);
            String strategy = record.path("strategy").asText(null);
            if (id == null || strategy == null) {
                notes.add(RESULTS + " line " + span.number() + " has no problem_id or strategy; skipped");
                return;
            }
            Problem problem = byId.computeIfAbsent(id, k -> new Problem(byId.size(), k,
                    record.path("question").asText(""), text(record.path("gold")), difficulty(record),
                    new LinkedHashMap<>()));
            strategies.add(strategy);
            JsonNode tree = record.path("tree").path("nodes");
            problem.results().put(strategy, new Result(strategy, record.path("correct").asBoolean(false),
                    text(record.path("answer")), record.path("usage").path("generated_tokens").asLong(0),
                    tree.isArray() ? tree.size() : 0, span));
        });
        return new EvalRun(file, List.copyOf(byId.values()), List.copyOf(strategies), notes);
    }

    List<Problem> problems() {
        return problems;
    }

    Optional<Problem> problem(int index) {
        return index >= 0 && index < problems.size() ? Optional.of(problems.get(index)) : Optional.empty();
    }

    List<String> strategies() {
        return strategies;
    }

    Notes notes() {
        return notes;
    }

    /** The whole record of a result, tree included. */
    JsonNode record(Result result, ObjectMapper mapper) {
        return JsonLines.readAt(file, result.span(), mapper);
    }

    /**
     * Per strategy: problems, correct, accuracy, answered, mean generated tokens per problem and, when problems
     * carry a difficulty, the same by difficulty: the points of the accuracy-vs-tokens chart.
     */
    public ArrayNode strategyStats(ObjectMapper mapper) {
        ArrayNode out = mapper.createArrayNode();
        for (String strategy : strategies) {
            Tally all = new Tally();
            Map<String, Tally> byDifficulty = new LinkedHashMap<>();
            for (Problem p : problems) {
                Result r = p.results().get(strategy);
                if (r != null) {
                    all.add(r);
                    if (p.difficulty() != null) {
                        byDifficulty.computeIfAbsent(p.difficulty(), k -> new Tally()).add(r);
                    }
                }
            }
            ObjectNode row = all.json(mapper.createObjectNode().put("strategy", strategy));
            ArrayNode levels = row.putArray("by_difficulty");
            byDifficulty.forEach((level, t) -> levels.add(t.json(mapper.createObjectNode().put("difficulty", level))));
            out.add(row);
        }
        return out;
    }

    private static final class Tally {
        long problems;
        long correct;
        long answered;
        long tokens;

        void add(Result r) {
            problems++;
            correct += r.correct() ? 1 : 0;
            answered += r.answer() != null ? 1 : 0;
            tokens += r.generatedTokens();
        }

        ObjectNode json(ObjectNode o) {
            return o.put("problems", problems).put("correct", correct)
                    .put("accuracy", problems == 0 ? 0 : (double) correct / problems)
                    .put("answered", answered)
                    .put("mean_generated_tokens", problems == 0 ? 0 : (double) tokens / problems);
        }
    }

    private static String difficulty(JsonNode record) {
        for (String field : DIFFICULTY_FIELDS) {
            JsonNode value = record.at(field);
            if (value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    /** A text or number field as text, {@code null} when absent or null. */
    static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
