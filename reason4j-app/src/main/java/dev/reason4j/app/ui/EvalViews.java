package dev.reason4j.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON the eval pages show: the problem table, one problem with every trajectory of every strategy, and one
 * search tree with its chosen path and graded endings.
 */
final class EvalViews {

    /** Trajectories listed per strategy in the problem page; the tree explorer shows them all. */
    static final int MAX_TRAJECTORIES = 200;
    /** Distinct answers graded per tree; a tree with more leaves the rest ungraded, with a note. */
    static final int MAX_GRADED_ANSWERS = 5_000;

    private final ObjectMapper mapper;
    private final AnswerGrades grades;

    EvalViews(ObjectMapper mapper, AnswerGrades grades) {
        this.mapper = mapper;
        this.grades = grades;
    }

    /** One row per problem: id, question, gold, difficulty and each strategy's answer, grade and tokens. */
    ObjectNode problems(EvalRun run) {
        ObjectNode out = mapper.createObjectNode();
        run.strategies().forEach(out.putArray("strategies")::add);
        ArrayNode rows = out.putArray("problems");
        for (EvalRun.Problem p : run.problems()) {
            ObjectNode row = head(p);
            ObjectNode results = row.putObject("results");
            p.results().forEach((strategy, r) -> results.putObject(strategy)
                    .put("correct", r.correct()).put("answer", r.answer())
                    .put("generated_tokens", r.generatedTokens()).put("tree_nodes", r.treeNodes()));
            rows.add(row);
        }
        out.set("notes", notes(run.notes()));
        return out;
    }

    /** A problem with, per strategy, its answer, answer clusters and trajectories (the chosen one first). */
    ObjectNode problem(EvalRun run, EvalRun.Problem p) {
        ObjectNode out = head(p);
        ArrayNode strategies = out.putArray("strategies");
        for (EvalRun.Result r : p.results().values()) {
            SearchTreeRecord tree = new SearchTreeRecord(run.record(r, mapper));
            JsonNode record = tree.record();
            ObjectNode s = strategies.addObject().put("strategy", r.strategy()).put("correct", r.correct())
                    .put("answer", r.answer()).put("grade_reason", record.path("grade_reason").asText(""))
                    .put("answer_node", tree.answerNode()).put("tree_nodes", r.treeNodes())
                    .put("response", record.path("response").asText(""));
            s.set("usage", record.path("usage"));
            s.set("answers", gradedClusters(record, p.gold()));
            trajectories(tree, s);
        }
        return out;
    }

    /**
     * The tree as stored, with the chosen path and, for each ending with an answer, whether it is correct.
     */
    ObjectNode tree(EvalRun run, EvalRun.Problem p, EvalRun.Result r) {
        SearchTreeRecord tree = new SearchTreeRecord(run.record(r, mapper));
        JsonNode record = tree.record();
        ObjectNode out = head(p).put("strategy", r.strategy()).put("correct", r.correct()).put("answer", r.answer())
                .put("answer_node", tree.answerNode())
                .put("prompt", record.path("tree").path("prompt").asText(p.question()));
        tree.chosenPath().forEach(out.putArray("chosen_path")::add);
        ObjectNode graded = out.putObject("graded");
        Set<String> distinct = new LinkedHashSet<>();
        Notes notes = new Notes();
        for (int id : tree.endings()) {
            String answer = tree.answerOf(id);
            if (answer == null) {
                continue;
            }
            distinct.add(answer);
            if (distinct.size() > MAX_GRADED_ANSWERS) {
                notes.add("more than " + MAX_GRADED_ANSWERS + " distinct answers: the rest are not graded");
                break;
            }
            graded.put(Integer.toString(id), grades.correct(p.gold(), answer));
        }
        out.set("nodes", tree.nodes());
        out.set("notes", notes(notes));
        return out;
    }

    private ObjectNode head(EvalRun.Problem p) {
        return mapper.createObjectNode().put("index", p.index()).put("problem_id", p.id())
                .put("question", p.question()).put("gold", p.gold()).put("difficulty", p.difficulty());
    }

    private ArrayNode gradedClusters(JsonNode record, String gold) {
        ArrayNode out = mapper.createArrayNode();
        for (JsonNode c : record.path("answers")) {
            ObjectNode o = c.deepCopy();
            o.put("correct", grades.correct(gold, EvalRun.text(c.path("answer"))));
            out.add(o);
        }
        return out;
    }

    private void trajectories(SearchTreeRecord tree, ObjectNode s) {
        List<Integer> endings = new ArrayList<>(tree.endings());
        int chosen = tree.answerNode();
        if (endings.remove((Integer) chosen)) {
            endings.addFirst(chosen);
        }
        s.put("trajectories_total", endings.size());
        ArrayNode list = s.putArray("trajectories");
        for (int leaf : endings.subList(0, Math.min(MAX_TRAJECTORIES, endings.size()))) {
            JsonNode end = tree.node(leaf);
            String answer = tree.answerOf(leaf);
            ObjectNode t = list.addObject().put("leaf", leaf).put("chosen", leaf == chosen).put("answer", answer)
                    .put("correct", grades.correct(tree.gold(), answer))
                    .put("terminal", end.path("terminal").asText(null)).put("q", end.path("Q").asDouble());
            ArrayNode steps = t.putArray("steps");
            long tokens = 0;
            for (int id : tree.pathTo(leaf)) {
                JsonNode node = tree.node(id);
                if (!node.hasNonNull("parent")) {
                    continue;   // the root holds the prompt, shown once above
                }
                tokens += node.path("tokens").asLong();
                ObjectNode step = steps.addObject().put("id", id).put("text", node.path("text").asText(""));
                copy(node, step, "observation");
                copy(node, step, "code");
            }
            t.put("tokens", tokens);
        }
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }

    private ArrayNode notes(Notes notes) {
        ArrayNode out = mapper.createArrayNode();
        notes.list().forEach(out::add);
        return out;
    }
}
