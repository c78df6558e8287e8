package dev.reason4j.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.app.CliRun;
import dev.reason4j.lm.LmFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Run directories for the UI tests: real ones made by {@code reason4j eval}, {@code analyze} and {@code train sft}
 * on the tiny fixture model, and hand-written ones: a 10,000-node search tree, samples with known pass@k and maj@k,
 * and broken runs the UI must survive.
 */
final class UiRuns {

    static final String EVAL = "eval-tiny";
    static final String NESTED_EVAL = "group/eval-nested";
    static final String ANALYSIS = "analysis";
    static final String TRAINING = "sft";
    static final String BIG_TREE = "big-tree";
    static final String SAMPLES = "samples";
    static final String BROKEN = "broken";
    static final String OTHER = "graded";
    static final String LINKED = "linked";
    static final int BIG_TREE_NODES = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = LmFixtures.checkpoint(LmFixtures.QWEN2_F32).toString();

    private UiRuns() {}

    /** Every run, under {@code root}; {@code outside} is a folder outside it for the link test. */
    static void createAll(Path root, Path outside) throws IOException {
        evalRun(root.resolve(EVAL));
        Files.createDirectories(root.resolve("group"));
        evalRun(root.resolve(NESTED_EVAL));
        analysisRun(root, root.resolve(ANALYSIS));
        trainingRun(root, root.resolve(TRAINING));
        bigTreeRun(root.resolve(BIG_TREE));
        samplesRun(root.resolve(SAMPLES));
        brokenRuns(root, outside);
    }

    static void cli(String... args) {
        CliRun cli = new CliRun();
        assertThat(cli.run(args)).as("reason4j %s failed: %s%s", args[0], cli.out(), cli.err()).isZero();
    }

    static void evalRun(Path dir) throws IOException {
        Path data = Files.createTempFile("ui-problems", ".jsonl");
        Files.writeString(data, """
                {"question": "Tom has 3 apples and buys 4 more. How many apples?", "answer": "7"}
                {"question": "A box holds 6 eggs. How many eggs are in 5 boxes?", "answer": "30"}
                """);
        cli("eval", "--model", MODEL, "--data", data.toString(), "--out", dir.toString(), "--strategy",
                "greedy,maj,mcts", "--samples", "4", "--rollouts", "4", "--max-depth", "3", "--max-step-tokens", "16",
                "--protocol", "cot", "--threads", "1");
        Files.delete(data);
    }

    static void analysisRun(Path root, Path dir) throws IOException {
        Path input = root.resolve("responses-input.jsonl.txt");
        Files.write(input, List.of(
                "{\"problem\": \"What is 2+3?\", \"answer\": \"5\", \"response\": \"The answer is 5.\"}",
                "{\"question\": \"What is 3+4?\", \"gold\": 7, \"responses\": [\"The answer is 7.\", "
                        + "\"The answer is 8.\\n\\nWait, the answer is 7.\", "
                        + "\"The answer is 7.\\n\\nWait, let me check: the answer is 7.\\n\\nAlternatively, on a number "
                        + "line, 3 then 4 more gives 7. The answer is 7.\", \"The answer is 9.\"]}"));
        cli("analyze", "--input", input.toString(), "--out", dir.toString());
    }

    static void trainingRun(Path root, Path dir) throws IOException {
        Path data = root.resolve("sft-input.jsonl.txt");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add("{\"prompt\": \"What is " + i + "+1? \", \"completion\": \"The answer is " + (i + 1) + ".\"}");
        }
        Files.write(data, lines);
        cli("train", "sft", "--model", MODEL, "--data", data.toString(), "--out", dir.toString(), "--max-steps", "6",
                "--batch-size", "2", "--lr", "1e-3", "--eval-fraction", "0.25", "--eval-every", "2", "--threads", "1",
                "--checkpoint-every", "100");
    }

    /**
     * One problem whose MCTS tree has {@value #BIG_TREE_NODES} nodes: random branching from a fixed seed, every
     * tenth node terminal with an answer, some code steps, and the chosen answer at the deepest terminal node.
     */
    static void bigTreeRun(Path dir) throws IOException {
        Files.createDirectories(dir);
        manifest(dir, "eval");
        SplittableRandom random = new SplittableRandom(11);
        ObjectNode record = JSON.createObjectNode().put("question", "How many nodes does this tree have?")
                .put("gold", "10000").put("level", "Level 5").put("problem_id", "big-1").put("strategy", "mcts");
        ObjectNode tree = record.putObject("tree").put("problem_id", "big-1").put("prompt", "How many nodes?");
        ArrayNode nodes = tree.putArray("nodes");
        int[] depth = new int[BIG_TREE_NODES];
        int[] parentOf = new int[BIG_TREE_NODES];
        int deepestTerminal = 0;
        for (int id = 0; id < BIG_TREE_NODES; id++) {
            ObjectNode n = nodes.addObject().put("id", id);
            if (id > 0) {
                // a parent among the last 60 nodes, moved up until the child is at most 20 deep: bushy, MCTS-like
                int parent = id - 1 - random.nextInt(Math.min(id, 60));
                while (depth[parent] >= 20) {
                    parent = parentOf[parent];
                }
                parentOf[id] = parent;
                depth[id] = depth[parent] + 1;
                n.put("parent", parent);
            }
            n.put("depth", depth[id]).put("text", "step " + id + ": " + "x".repeat(random.nextInt(80)))
                    .put("tokens", 5 + random.nextInt(40)).put("N", random.nextInt(50)).put("Q", random.nextDouble(-1, 1))
                    .put("prior", random.nextDouble());
            if (id % 7 == 3) {
                n.putObject("code").put("source", "print(" + id + " * 2)").put("status", "ok").put("failed", false)
                        .put("output", Integer.toString(id * 2)).put("from_snapshot", true);
            }
            if (id % 10 == 9) {
                n.put("terminal", "answer").put("answer", Integer.toString(id % 30 == 9 ? 10000 : id));
                if (depth[id] >= depth[deepestTerminal]) {
                    deepestTerminal = id;
                }
            }
        }
        record.put("answer", nodes.get(deepestTerminal).path("answer").asText()).put("answer_node", deepestTerminal)
                .put("correct", "10000".equals(nodes.get(deepestTerminal).path("answer").asText()))
                .put("grade_reason", "hand-written").put("response", "");
        record.putObject("usage").put("generated_tokens", 123_456);
        record.putArray("answers");
        Files.writeString(dir.resolve(EvalRun.RESULTS), JSON.writeValueAsString(record) + "\n");
    }

    /**
     * One maj@4 record whose four samples answer 3 (gold), 3, 5 and nothing: pass@1 = 1/2, pass@2 = 5/6,
     * maj@1 = 1/2, maj@2 = 2/3 (the six pairs score 1, ½, ½, 1, 1, 0), maj@4 = 1.
     */
    static void samplesRun(Path dir) throws IOException {
        Files.createDirectories(dir);
        manifest(dir, "eval");
        ObjectNode record = JSON.createObjectNode().put("question", "What is 1+2?").put("gold", "3")
                .put("problem_id", "p1").put("strategy", "maj@4").put("answer", "3").put("answer_node", 1)
                .put("correct", true).put("grade_reason", "same text");
        record.putObject("usage").put("generated_tokens", 40);
        ArrayNode answers = record.putArray("answers");
        answers.addObject().put("answer", "3").put("votes", 2).put("weight", 2.0).put("best_node", 1)
                .putArray("nodes").add(1).add(2);
        answers.addObject().put("answer", "5").put("votes", 1).put("weight", 1.0).put("best_node", 3)
                .putArray("nodes").add(3);
        ArrayNode nodes = record.putObject("tree").putArray("nodes");
        nodes.addObject().put("id", 0).put("depth", 0).put("text", "").put("N", 0).put("Q", 0.0);
        String[] texts = {"1+2 = 3. The answer is 3.", "It is 3.", "It is 5.", "I do not know."};
        String[] said = {"3", "3", "5", null};
        for (int i = 0; i < 4; i++) {
            ObjectNode n = nodes.addObject().put("id", i + 1).put("parent", 0).put("depth", 1).put("text", texts[i])
                    .put("tokens", 10).put("N", 0).put("Q", 0.0).put("terminal", said[i] == null ? "no_answer" : "answer");
            if (said[i] != null) {
                n.put("answer", said[i]);
            }
        }
        Files.writeString(dir.resolve(EvalRun.RESULTS), JSON.writeValueAsString(record) + "\n");
    }

    /**
     * A run whose run.json is not JSON and whose results have a bad line; a run of a command the UI has no view
     * for; a run whose results file links outside the runs folder.
     */
    static void brokenRuns(Path root, Path outside) throws IOException {
        Path broken = Files.createDirectories(root.resolve(BROKEN));
        Files.writeString(broken.resolve("run.json"), "{ not json");
        Files.writeString(broken.resolve(EvalRun.RESULTS), """
                {"problem_id": "a", "strategy": "greedy", "question": "1+1?", "gold": "2", "answer": "2", "correct": true}
                this line is not json
                {"problem_id": "b", "strategy": "greedy", "question": "2+2?", "gold": "4", "answer": "5", "correct": false
                """);
        Path other = Files.createDirectories(root.resolve(OTHER));
        manifest(other, "grade");
        Files.writeString(other.resolve("verdicts.jsonl"), "{}\n");
        Path linked = Files.createDirectories(root.resolve(LINKED));
        manifest(linked, "eval");
        Path secret = outside.resolve("secret.jsonl");
        Files.writeString(secret, "{\"problem_id\": \"secret\", \"strategy\": \"greedy\", \"question\": \"SECRET\"}\n");
        Files.createSymbolicLink(linked.resolve(EvalRun.RESULTS), secret);
    }

    private static void manifest(Path dir, String command) {
        try {
            Files.writeString(dir.resolve("run.json"), JSON.writeValueAsString(JSON.createObjectNode()
                    .put("format", "reason4j-run/1").put("command", command).put("createdAt", "2026-01-02T03:04:05Z")
                    .set("config", JSON.createObjectNode().put("hand_written", true))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
