package dev.reason4j.recipes.evolve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.grading.Verdict;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunRecord;
import dev.reason4j.core.store.RunStore;
import dev.reason4j.recipes.StageProgress;
import dev.reason4j.search.SearchJson;
import dev.reason4j.search.SearchResult;
import dev.reason4j.search.SearchStrategy;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs a search strategy over problems into a run directory: each problem's record (the layout of
 * {@code reason4j eval}'s {@code results.jsonl}: question, gold, difficulty, whether the chosen answer is
 * {@code correct} and whether any trajectory {@code solved} it, answers, usage and, for synthesis, the search tree)
 * is committed to the run store as soon as its batch is searched, so a killed stage resumes with the problems it
 * has not recorded and never records one twice. Each problem is seeded from the stage seed and its id, so its
 * record does not depend on which problems shared its batch or on where a run was resumed. At the end
 * {@value #RESULTS} holds every record, in problem order.
 */
final class SearchStage {

    static final String RESULTS = "results.jsonl";

    private final SearchStrategy strategy;
    private final long seed;
    private final int batch;
    private final boolean withTrees;
    private final MathGrader grader;
    private final Function<Problem, String> difficulty;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param difficulty a problem's difficulty, or null when it has none
     */
    SearchStage(SearchStrategy strategy, long seed, int batch, boolean withTrees, MathGrader grader,
            Function<Problem, String> difficulty) {
        this.strategy = strategy;
        this.seed = seed;
        this.batch = batch;
        this.withTrees = withTrees;
        this.grader = grader;
        this.difficulty = difficulty;
    }

    /**
     * Searches every problem not yet recorded in {@code dir}, opening the models only when there is one.
     *
     * @return the stage's summary: problems, correct, solved and generated tokens, in all and by difficulty
     */
    ObjectNode run(Path dir, RunManifest job, List<Problem> problems, Supplier<SearchModels> open,
            StageProgress progress) {
        try (RunStore store = RunStore.open(dir, job)) {
            Set<String> done = store.completedKeys();
            List<Integer> todo = new ArrayList<>();
            for (int i = 0; i < problems.size(); i++) {
                if (!done.contains(problems.get(i).id())) {
                    todo.add(i);
                }
            }
            if (!todo.isEmpty()) {
                search(store, problems, todo, open, progress);
            }
            store.exportJsonl(dir.resolve(RESULTS));
            return summary(store);
        }
    }

    private void search(RunStore store, List<Problem> problems, List<Integer> todo, Supplier<SearchModels> open,
            StageProgress progress) {
        try (SearchModels models = open.get()) {
            progress.start(strategy.name(), problems.size(), problems.size() - todo.size());
            try {
                for (int from = 0; from < todo.size(); from += batch) {
                    List<Integer> chunk = todo.subList(from, Math.min(todo.size(), from + batch));
                    List<SearchResult> results = strategy.solve(models.context(),
                            chunk.stream().map(problems::get).toList(), seed);
                    for (int j = 0; j < chunk.size(); j++) {
                        Problem problem = problems.get(chunk.get(j));
                        store.put(problem.id(), chunk.get(j), json(record(problem, results.get(j), grader,
                                difficulty.apply(problem), withTrees, mapper)));
                        progress.step();
                    }
                }
            } finally {
                progress.finish();
            }
        }
    }

    /** A problem's record; {@code level} is its difficulty, or null when it has none. */
    static ObjectNode record(Problem problem, SearchResult result, MathGrader grader, String level, boolean withTrees,
            ObjectMapper mapper) {
        Verdict verdict = result.answer() == null ? null : grader.grade(problem.answer(), result.answer());
        boolean solved = result.answers().stream().anyMatch(c -> grader.grade(problem.answer(), c.answer()).equal());
        ObjectNode o = mapper.createObjectNode()
                .put("question", problem.question())
                .put("gold", problem.answer());
        if (level != null) {
            o.put("difficulty", level);
        }
        o.put("correct", verdict != null && verdict.equal())
                .put("solved", solved)
                .put("grade_reason", verdict == null ? "no answer" : verdict.reason());
        return o.setAll(SearchJson.result(result, withTrees, mapper));
    }

    /** Totals over every record of the store, this run's and earlier ones'. */
    private ObjectNode summary(RunStore store) {
        Counts all = new Counts();
        TreeMap<String, Counts> byDifficulty = new TreeMap<>();
        try (Stream<RunRecord> records = store.records()) {
            records.forEach(r -> {
                JsonNode o = read(r);
                all.add(o);
                if (o.hasNonNull("difficulty")) {
                    byDifficulty.computeIfAbsent(o.get("difficulty").asText(), k -> new Counts()).add(o);
                }
            });
        }
        ObjectNode summary = all.toJson(mapper).put("strategy", strategy.name());
        ObjectNode levels = summary.putObject("by_difficulty");
        byDifficulty.forEach((level, counts) -> levels.set(level, counts.toJson(mapper)));
        return summary;
    }

    /** Problems, correct answers, solved problems and generated tokens of a set of records. */
    private static final class Counts {
        long problems;
        long correct;
        long solved;
        long generatedTokens;

        void add(JsonNode record) {
            problems++;
            correct += record.path("correct").asBoolean() ? 1 : 0;
            solved += record.path("solved").asBoolean() ? 1 : 0;
            generatedTokens += record.path("usage").path("generated_tokens").asLong();
        }

        ObjectNode toJson(ObjectMapper mapper) {
            return mapper.createObjectNode()
                    .put("problems", problems)
                    .put("correct", correct)
                    .put("accuracy", problems == 0 ? 0 : (double) correct / problems)
                    .put("solved", solved)
                    .put("solved_share", problems == 0 ? 0 : (double) solved / problems)
                    .put("generated_tokens", generatedTokens);
        }
    }

    private JsonNode read(RunRecord r) {
        try {
            return mapper.readTree(r.payload());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("record '" + r.key() + "' is not JSON", e);
        }
    }

    private String json(ObjectNode o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
