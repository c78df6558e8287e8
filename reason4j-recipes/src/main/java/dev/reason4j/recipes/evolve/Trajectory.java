package dev.reason4j.recipes.evolve;

import java.util.List;
import java.util.Objects;

/**
 * A root-to-answer path of an {@link ExploredTree}, with the statistics the rStar-Math recipe ranks paths by.
 *
 * @param tree the tree it belongs to
 * @param end its last node, which ended with an answer
 * @param text the steps' texts joined: what the policy wrote after the prompt, observations included
 * @param meanQ the mean of the steps' Q values, {@code (1/d) Σ_i Q(s_i)} over the {@code d} steps
 * @param minQ the smallest step Q
 * @param executionError whether any step's code failed
 */
public record Trajectory(ExploredTree tree, ExploredTree.Node end, String text, double meanQ, double minQ,
        boolean executionError) {

    public Trajectory {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(text, "text");
    }

    /** The path from the root to {@code end}, which must have ended with an answer. */
    public static Trajectory of(ExploredTree tree, ExploredTree.Node end) {
        if (!end.answered()) {
            throw new IllegalArgumentException("node " + end.id() + " ended with " + end.outcome() + ", not an answer");
        }
        List<ExploredTree.Node> steps = tree.steps(end);
        StringBuilder text = new StringBuilder();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        boolean failed = false;
        for (ExploredTree.Node s : steps) {
            text.append(s.text());
            sum += s.q();
            min = Math.min(min, s.q());
            failed |= s.codeFailed();
        }
        return new Trajectory(tree, end, text.toString(), sum / steps.size(), min, failed);
    }

    /** Whether its answer equals the gold answer. */
    public boolean correct() {
        return end.outcome() == ExploredTree.Outcome.CORRECT;
    }

    /** Where it comes from, for records: {@code p17/tree0/node42}. */
    public String source(int treeIndex) {
        return tree.problemId() + "/tree" + treeIndex + "/node" + end.id();
    }
}
