package dev.reason4j.search;

import java.util.List;
import java.util.Objects;

/**
 * Trajectories whose answers the grader found equal.
 *
 * @param answer the answer as the first of them wrote it
 * @param nodes their last nodes, by id
 * @param weight the sum of their {@link Candidate#weight()}s
 * @param bestScore the highest score among them, NaN when none was scored
 * @param bestNode the node of the best-scored one (the first one when none was scored)
 */
public record AnswerCluster(String answer, List<Integer> nodes, double weight, double bestScore, int bestNode) {

    public AnswerCluster {
        Objects.requireNonNull(answer, "answer");
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs at least one node");
        }
    }

    /** How many trajectories reached this answer. */
    public int votes() {
        return nodes.size();
    }
}
