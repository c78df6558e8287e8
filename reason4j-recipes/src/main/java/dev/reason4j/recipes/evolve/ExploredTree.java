package dev.reason4j.recipes.evolve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A finished search tree as the self-evolution recipe reads it: every step's text, its MCTS statistics, whether
 * its code failed, and how the branch ended, graded against the gold answer. It is built from what
 * {@link dev.reason4j.search.SearchJson} writes (see {@link SearchTreeReader}), so recipes work the same on trees
 * searched in this process and on trees read from a run's records.
 *
 * <p>For every node it knows which answers its subtree reaches: {@link #reachesCorrect}, {@link #reachesWrong} and
 * {@link #reachesDeadEnd}.
 */
public final class ExploredTree {

    /** How the branch ending at a node ended. */
    public enum Outcome {
        /** Not an end: search could extend it (or never did). */
        OPEN,
        /** A final answer equal to the gold answer. */
        CORRECT,
        /** A final answer that differs from the gold answer. */
        WRONG,
        /** An end without an answer: no answer, too many steps or code errors, context full, step too long. */
        DEAD_END
    }

    /**
     * One step of the tree.
     *
     * @param id position in {@link #nodes()}; the root is 0
     * @param parent the parent's id, -1 for the root
     * @param text the step as it continues the trajectory: the model's text then the observation (empty at the root)
     * @param q the node's mean backed-up value {@code Q}
     * @param visits {@code N}, the number of values backed up through the node
     * @param codeFailed whether the step's code failed to run
     * @param outcome how the branch ended here
     */
    public record Node(int id, int parent, String text, double q, int visits, boolean codeFailed, Outcome outcome) {
        public Node {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(outcome, "outcome");
            if (!Double.isFinite(q)) {
                throw new IllegalArgumentException("node " + id + ": Q must be finite, was " + q);
            }
            if (visits < 0) {
                throw new IllegalArgumentException("node " + id + ": N must be >= 0, was " + visits);
            }
        }

        public boolean isRoot() {
            return parent < 0;
        }

        /** Whether the branch ended here with an answer, right or wrong. */
        public boolean answered() {
            return outcome == Outcome.CORRECT || outcome == Outcome.WRONG;
        }
    }

    private final String problemId;
    private final String question;
    private final String prompt;
    private final List<Node> nodes;
    private final List<List<Node>> children;
    private final boolean[] reachesCorrect;
    private final boolean[] reachesWrong;
    private final boolean[] reachesDeadEnd;

    private ExploredTree(String problemId, String question, String prompt, List<Node> nodes) {
        this.problemId = problemId;
        this.question = question;
        this.prompt = prompt;
        this.nodes = List.copyOf(nodes);
        List<List<Node>> kids = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            kids.add(new ArrayList<>());
        }
        for (Node n : nodes) {
            if (!n.isRoot()) {
                kids.get(n.parent()).add(n);
            }
        }
        this.children = kids.stream().map(Collections::unmodifiableList).toList();
        this.reachesCorrect = new boolean[nodes.size()];
        this.reachesWrong = new boolean[nodes.size()];
        this.reachesDeadEnd = new boolean[nodes.size()];
        // children come after their parents, so one backward pass sees every subtree before its root
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            reachesCorrect[i] |= n.outcome() == Outcome.CORRECT;
            reachesWrong[i] |= n.outcome() == Outcome.WRONG;
            reachesDeadEnd[i] |= n.outcome() == Outcome.DEAD_END;
            if (!n.isRoot()) {
                reachesCorrect[n.parent()] |= reachesCorrect[i];
                reachesWrong[n.parent()] |= reachesWrong[i];
                reachesDeadEnd[n.parent()] |= reachesDeadEnd[i];
            }
        }
    }

    /** Starts a tree whose root has Q 0 and N 0; see {@link Builder#root(double, int)} to set them. */
    public static Builder builder(String problemId, String question, String prompt) {
        return new Builder(problemId, question, prompt);
    }

    public String problemId() {
        return problemId;
    }

    /** The problem statement. */
    public String question() {
        return question;
    }

    /** The text the first step continues. */
    public String prompt() {
        return prompt;
    }

    /** Every node, by id; the root first. */
    public List<Node> nodes() {
        return nodes;
    }

    public Node node(int id) {
        return nodes.get(id);
    }

    public Node root() {
        return nodes.get(0);
    }

    /** The children of {@code node}, in creation order. */
    public List<Node> children(Node node) {
        return children.get(node.id());
    }

    /** Whether an answer equal to the gold answer ends some branch through {@code node}. */
    public boolean reachesCorrect(Node node) {
        return reachesCorrect[node.id()];
    }

    /** Whether a wrong answer ends some branch through {@code node}. */
    public boolean reachesWrong(Node node) {
        return reachesWrong[node.id()];
    }

    /** Whether a branch through {@code node} ends without an answer. */
    public boolean reachesDeadEnd(Node node) {
        return reachesDeadEnd[node.id()];
    }

    /** The nodes that ended with an answer, right or wrong, by id. */
    public List<Node> answers() {
        return nodes.stream().filter(Node::answered).toList();
    }

    /** The steps from the first below the root down to {@code node} (empty for the root). */
    public List<Node> steps(Node node) {
        List<Node> path = new ArrayList<>();
        for (Node n = node; !n.isRoot(); n = nodes.get(n.parent())) {
            path.add(n);
        }
        Collections.reverse(path);
        return path;
    }

    /** Adds nodes parent first; ids are given in order from 0, the root. */
    public static final class Builder {
        private final String problemId;
        private final String question;
        private final String prompt;
        private final List<Node> nodes = new ArrayList<>();

        private Builder(String problemId, String question, String prompt) {
            this.problemId = Objects.requireNonNull(problemId, "problemId");
            this.question = Objects.requireNonNull(question, "question");
            this.prompt = Objects.requireNonNull(prompt, "prompt");
            nodes.add(new Node(0, -1, "", 0, 0, false, Outcome.OPEN));
        }

        /** Sets the root's statistics. */
        public Builder root(double q, int visits) {
            nodes.set(0, new Node(0, -1, "", q, visits, false, Outcome.OPEN));
            return this;
        }

        /**
         * Adds a step below {@code parent} and returns its id.
         *
         * @throws IllegalArgumentException when {@code parent} is not a node yet, or is a branch's end
         */
        public int add(int parent, String text, double q, int visits, boolean codeFailed, Outcome outcome) {
            if (parent < 0 || parent >= nodes.size()) {
                throw new IllegalArgumentException("parent must be an existing node in [0, " + nodes.size() + "), was "
                        + parent);
            }
            if (nodes.get(parent).outcome() != Outcome.OPEN) {
                throw new IllegalArgumentException("node " + parent + " ended (" + nodes.get(parent).outcome()
                        + ") and cannot have children");
            }
            int id = nodes.size();
            nodes.add(new Node(id, parent, text, q, visits, codeFailed, outcome));
            return id;
        }

        public ExploredTree build() {
            return new ExploredTree(problemId, question, prompt, nodes);
        }
    }
}
