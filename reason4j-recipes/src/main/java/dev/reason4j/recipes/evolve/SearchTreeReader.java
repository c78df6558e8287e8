package dev.reason4j.recipes.evolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.Container;
import dev.reason4j.core.dataset.JsonRecord;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.recipes.InputRecord;
import dev.reason4j.recipes.evolve.ExploredTree.Outcome;
import dev.reason4j.search.SearchJson;
import dev.reason4j.search.SearchTree;
import dev.reason4j.search.TerminalReason;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads search trees in the layout of {@link SearchJson#tree} and grades their answers.
 *
 * <p>A file of trees is JSONL with one search per line, {@code {"question", "gold", "tree": {…}}}: the records of
 * {@code reason4j eval} (its {@code results.jsonl}) have this layout. A node's text is its {@code text} followed by
 * its {@code observation}; a node whose {@code terminal} is {@code answer} is graded with the grader against the
 * gold answer ({@link Outcome#CORRECT} or {@link Outcome#WRONG}); any other {@code terminal} is a
 * {@link Outcome#DEAD_END}; {@code code.failed} marks an execution error.
 */
public final class SearchTreeReader {

    private final MathGrader grader;
    private final ObjectMapper mapper = new ObjectMapper();

    public SearchTreeReader(MathGrader grader) {
        this.grader = Objects.requireNonNull(grader, "grader");
    }

    /**
     * Reads every tree of a file.
     *
     * @throws dev.reason4j.recipes.RecipeInputException naming file, line and field of a bad record
     */
    public List<ExploredTree> readAll(Path file) {
        return InputRecord.readAll(file).stream().map(this::read).toList();
    }

    /** Reads one record {@code {"question", "gold", "tree"}}. */
    public ExploredTree read(InputRecord record) {
        InputRecord.Fields f = record.fields();
        return tree(f.object("tree"), f.text("question"), f.text("gold"));
    }

    /** A tree searched in this process, graded against its problem's gold answer. */
    public ExploredTree read(SearchTree tree) {
        ObjectNode json = SearchJson.tree(tree, mapper);
        InputRecord record = new InputRecord(Path.of("search tree of problem " + tree.problem().id()),
                new JsonRecord(1, 1, json, Container.JSONL));
        return tree(record.fields(), tree.problem().question(), tree.problem().answer());
    }

    private ExploredTree tree(InputRecord.Fields t, String question, String gold) {
        List<InputRecord.Fields> nodes = t.objects("nodes");
        if (nodes.isEmpty()) {
            throw t.error("nodes", "is empty: a tree has at least its root");
        }
        InputRecord.Fields root = nodes.get(0);
        ExploredTree.Builder b = ExploredTree.builder(t.text("problem_id"), question, t.text("prompt"))
                .root(root.number("Q"), (int) root.integer("N"));
        for (int i = 1; i < nodes.size(); i++) {
            InputRecord.Fields n = nodes.get(i);
            if (n.integer("id") != i) {
                throw n.error("id", "expected " + i + ": nodes must be listed by id");
            }
            long parent = n.integer("parent");
            if (parent < 0 || parent >= i) {
                throw n.error("parent", "must be the id of an earlier node, was " + parent);
            }
            String text = n.text("text") + n.textOr("observation", "");
            InputRecord.Fields code = n.objectOrNull("code");
            boolean failed = code != null && code.bool("failed");
            double q = n.number("Q");
            int visits = (int) n.integer("N");
            Outcome outcome = outcome(n, gold);
            try {
                b.add((int) parent, text, q, visits, failed, outcome);
            } catch (IllegalArgumentException e) { // a child below a branch's end
                throw n.error("parent", e.getMessage());
            }
        }
        return b.build();
    }

    private Outcome outcome(InputRecord.Fields n, String gold) {
        if (!n.has("terminal")) {
            return Outcome.OPEN;
        }
        String terminal = n.text("terminal");
        if (!terminal.equals(TerminalReason.ANSWER.wireName())) {
            return Outcome.DEAD_END;
        }
        return grader.grade(gold, n.text("answer")).equal() ? Outcome.CORRECT : Outcome.WRONG;
    }
}
