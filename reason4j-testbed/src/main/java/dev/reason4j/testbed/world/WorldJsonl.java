package dev.reason4j.testbed.world;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.testbed.AtomicFile;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes problems as JSONL, one object per line, readable by {@code core.dataset} as plain JSONL with
 * {@code question} and {@code answer} fields (and {@code id}); every other field becomes problem meta data.
 *
 * <pre>{@code
 * {"id": "test-000000", "question": "...", "answer": "74", "difficulty": 3, "family": "collection",
 *  "template": "collection:has>packs>lose>count", "numbers": [45, 3, 12, 7],
 *  "solution_concise": "<code>\n# Step 1: ...", "solution_overthinking": "...",
 *  "cot_concise": "...", "cot_overthinking": "..."}
 * }</pre>
 */
public final class WorldJsonl {

    public static final String SOLUTION_CONCISE = "solution_concise";
    public static final String SOLUTION_OVERTHINKING = "solution_overthinking";
    public static final String COT_CONCISE = "cot_concise";
    public static final String COT_OVERTHINKING = "cot_overthinking";
    /** The fields holding reference solutions, in file order. */
    public static final List<String> SOLUTION_FIELDS = List.of(SOLUTION_CONCISE, SOLUTION_OVERTHINKING, COT_CONCISE, COT_OVERTHINKING);

    private static final ObjectMapper JSON = new ObjectMapper();

    private WorldJsonl() {}

    /** The JSON object of one problem. */
    public static ObjectNode toJson(WorldProblem problem) {
        Solutions solutions = Solutions.of(problem);
        ObjectNode node = JSON.createObjectNode();
        node.put("id", problem.id());
        node.put("question", problem.question());
        node.put("answer", problem.gold());
        node.put("difficulty", problem.difficulty());
        node.put("family", problem.family());
        node.put("template", problem.template());
        ArrayNode numbers = node.putArray("numbers");
        problem.numbers().forEach(n -> numbers.add(n.num()));
        node.put(SOLUTION_CONCISE, solutions.codeConcise());
        node.put(SOLUTION_OVERTHINKING, solutions.codeOverthinking());
        node.put(COT_CONCISE, solutions.cotConcise());
        node.put(COT_OVERTHINKING, solutions.cotOverthinking());
        return node;
    }

    /** Writes {@code problems} to {@code file}, replacing it only once the whole file is written. */
    public static void write(Path file, List<WorldProblem> problems) {
        AtomicFile.write(file, out -> {
            for (WorldProblem problem : problems) {
                out.write(JSON.writeValueAsString(toJson(problem)));
                out.write('\n');
            }
        });
    }
}
