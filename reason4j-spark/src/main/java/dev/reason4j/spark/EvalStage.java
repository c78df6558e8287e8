package dev.reason4j.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.Verdict;
import dev.reason4j.search.SearchJson;
import dev.reason4j.search.SearchResult;
import dev.reason4j.search.SearchStrategy;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code reason4j eval} on the executors: each strategy is a unit, and each record is the one {@code eval} writes
 * (question, gold, difficulty, correct, grade reason, the search result with usage and, unless left out, the search
 * tree, and the wall time of the batch it was searched in). Problems are seeded from the run seed and their id, so a
 * record does not depend on the partition or batch it was searched in.
 *
 * @param strategies strategy names as on the command line, e.g. {@code greedy}, {@code maj}, {@code mcts}
 * @param options the strategies' parameters
 * @param scored whether the search has a reward model (decides automatic answer selection)
 * @param seed the run seed
 * @param trees whether records carry the search tree
 */
public record EvalStage(List<String> strategies, StrategyOptions options, boolean scored, long seed, boolean trees)
        implements ProblemStage {

    private static final List<String> DIFFICULTY_FIELDS = List.of("difficulty", "level", "tier");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public EvalStage {
        Objects.requireNonNull(options, "options");
        strategies = List.copyOf(strategies);
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("strategy must name at least one strategy");
        }
        Set<String> names = new HashSet<>();
        for (String name : strategies) {
            String canonical = options.strategy(name, scored).name();
            if (!names.add(canonical)) {
                throw new IllegalArgumentException("strategy lists " + canonical + " twice");
            }
        }
    }

    /** The stage of a search configuration: its strategies, seed and whether records keep trees. */
    public static EvalStage of(List<String> strategies, SearchOptions search, long seed, boolean trees) {
        return new EvalStage(strategies, search.strategies(), search.reward().scored(), seed, trees);
    }

    @Override
    public String name() {
        return "eval";
    }

    @Override
    public List<String> units() {
        return strategies.stream().map(s -> strategy(s).name()).toList();
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("strategies", units());
        c.put("trees", trees);
        return c;
    }

    @Override
    public Map<String, Long> seeds() {
        return Map.of("search", seed);
    }

    @Override
    public List<ObjectNode> solve(int unit, List<Problem> problems, ExecutorSession session) {
        return BatchRecords.solve(strategy(strategies.get(unit)), session.context(), problems, seed,
                (problem, result) -> record(problem, result, session));
    }

    private SearchStrategy strategy(String name) {
        return options.strategy(name, scored);
    }

    private ObjectNode record(Problem problem, SearchResult result, ExecutorSession session) {
        Verdict verdict = result.answer() == null ? null : session.grader().grade(problem.answer(), result.answer());
        ObjectNode o = MAPPER.createObjectNode()
                .put("question", problem.question())
                .put("gold", problem.answer())
                .put("correct", verdict != null && verdict.equal())
                .put("grade_reason", verdict == null ? "no answer" : verdict.reason());
        DIFFICULTY_FIELDS.stream().map(problem.meta()::get).filter(Objects::nonNull).findFirst()
                .ifPresent(level -> o.put("difficulty", level));
        return o.setAll(SearchJson.result(result, trees, MAPPER));
    }
}
