package dev.reason4j.testbed.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.DatasetFormat;
import dev.reason4j.core.dataset.Datasets;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.testbed.AtomicFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Supervised fine-tuning data from a testbed problem file, in TRL's standard prompt–completion layout that
 * {@code reason4j train sft} reads: the prompt is the question rendered with the protocol's search prompt, as the
 * text stands (the trainer appends end-of-sequence to the completion, and tokenizes prompt and completion as one
 * text), and the completion is the reference solution of the chosen style.
 *
 * <pre>{@code
 * {"problem_id": "train-000042", "difficulty": 3,
 *  "prompt": "<|user|>:\n...question...\n<|assistant|>: Let's think step by step and solve the problem with code.",
 *  "completion": "<code>\n# Step 1: ..."}
 * }</pre>
 */
public final class SftData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SftData() {}

    /**
     * Writes one row per problem of {@code worldFile} to {@code out}.
     *
     * @return the number of rows
     * @throws IllegalArgumentException naming the file, the problem and the field when a problem has no reference
     *     solution of {@code style}
     * @throws dev.reason4j.core.dataset.DatasetException naming file, line and field for a bad record
     */
    public static int write(Path worldFile, ReferenceStyle style, Path out) {
        List<ObjectNode> rows = Datasets.load(worldFile, DatasetFormat.jsonl("question", "answer", "id")).problems()
                .stream().map(p -> row(worldFile, p, style)).toList();
        AtomicFile.write(out, w -> {
            for (ObjectNode row : rows) {
                w.write(JSON.writeValueAsString(row));
                w.write('\n');
            }
        });
        return rows.size();
    }

    private static ObjectNode row(Path file, Problem problem, ReferenceStyle style) {
        String solution = problem.meta().get(style.field());
        if (solution == null || solution.isBlank()) {
            throw new IllegalArgumentException(file + ": problem " + problem.id() + ": field '" + style.field()
                    + "' missing or empty (write the file with 'reason4j testbed generate')");
        }
        ObjectNode row = JSON.createObjectNode().put("problem_id", problem.id());
        String difficulty = problem.meta().get("difficulty");
        if (difficulty != null && difficulty.matches("\\d{1,9}")) {
            row.put("difficulty", Integer.parseInt(difficulty));
        }
        return row.put("prompt", style.prompt().render(problem.question(), Optional.empty()))
                .put("completion", solution);
    }
}
